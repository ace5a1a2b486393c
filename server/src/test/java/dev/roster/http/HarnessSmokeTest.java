package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Engine;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HarnessSmokeTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void healthAnswersOnBothEngines(Engine engine) {
        Reply r = servers.on(engine).http().get("/healthz");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("x-request-id")).startsWith("req_");
    }
}
