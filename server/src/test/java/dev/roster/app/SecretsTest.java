package dev.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void hashesAreSha256InLowercaseHex() {
        // FIPS 180-2's examples.
        assertThat(Secrets.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Secrets.sha256(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void concurrentHashesDoNotShareState() {
        String expected = Secrets.sha256("abc");
        List<CompletableFuture<Boolean>> all = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> IntStream.range(0, 20_000)
                        .allMatch(n -> Secrets.sha256("abc").equals(expected)
                                && Secrets.sha256("key" + n).length() == 64)))
                .toList();
        assertThat(all).allSatisfy(done -> assertThat(done.join()).isTrue());
    }
}
