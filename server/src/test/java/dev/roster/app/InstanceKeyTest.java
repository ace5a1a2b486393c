package dev.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.store.Database;
import dev.roster.store.InstanceSecretStore;
import dev.roster.testing.Engine;
import dev.roster.testing.Storage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Signatures with the installation's stored key: HMAC-SHA256, the same from every thread and every instance. */
class InstanceKeyTest {

    @Test
    void signaturesAreHmacSha256WithTheStoredKeyFromEveryThread() throws Exception {
        Storage storage = Storage.fresh(Engine.SQLITE);
        try (Database db = Database.open(storage.databaseUrl(), storage.dataDir())) {
            db.migrate();
            InstanceSecretStore secrets = new InstanceSecretStore();
            InstanceKey key = new InstanceKey(db, secrets, "test-key", Clock.systemUTC());
            byte[] data = "cursor".getBytes(StandardCharsets.UTF_8);
            byte[] signature = key.sign(data);

            byte[] stored = Base64.getDecoder().decode(db.read(h -> secrets.find(h, "test-key")).orElseThrow());
            Mac reference = Mac.getInstance("HmacSHA256");
            reference.init(new SecretKeySpec(stored, "HmacSHA256"));
            assertThat(signature).isEqualTo(reference.doFinal(data));

            assertThat(key.signs(data, signature)).isTrue();
            signature[0] ^= 1;
            assertThat(key.signs(data, signature)).isFalse();
            assertThat(new InstanceKey(db, secrets, "test-key", Clock.systemUTC()).sign(data))
                    .as("another replica's view of the same key").isEqualTo(reference.doFinal(data));

            List<CompletableFuture<Boolean>> threads = IntStream.range(0, 8)
                    .mapToObj(t -> CompletableFuture.supplyAsync(() -> IntStream.range(0, 5_000).allMatch(i -> {
                        byte[] each = ("cursor " + t + " " + i).getBytes(StandardCharsets.UTF_8);
                        return key.signs(each, key.sign(each)) && !key.signs(each, key.sign(data));
                    })))
                    .toList();
            assertThat(threads).allSatisfy(done -> assertThat(done.join()).isTrue());
        }
    }
}
