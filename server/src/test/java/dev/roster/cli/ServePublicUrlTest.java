package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Cli;
import dev.roster.testing.Engine;
import dev.roster.testing.Storage;
import org.junit.jupiter.api.Test;

/** {@code serve --public-url} is checked before anything starts: a bad value is a usage error, never a server. */
class ServePublicUrlTest {
    @Test
    void aMalformedPublicUrlStopsServeWithAUsageError() {
        Cli.Run run = Cli.roster(Storage.fresh(Engine.SQLITE), "serve", "--port", "0", "--public-url", "ftp://example.com");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--public-url").contains("http or https").doesNotContain("\tat ");
    }
}
