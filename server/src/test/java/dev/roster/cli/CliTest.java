package dev.roster.cli;

import static dev.roster.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Cli;
import dev.roster.testing.Cli.Run;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Storage;
import dev.roster.testing.TestServer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The operator commands act on the same storage a server then serves. */
class CliTest {
    @ParameterizedTest
    @EnumSource(Engine.class)
    void orgAndKeyCommandsCreateWhatTheServerThenAccepts(Engine engine) throws InterruptedException {
        Storage storage = Storage.fresh(engine);
        assertThat(Cli.roster(storage, "migrate").exitCode()).isZero();

        Run org = Cli.roster(storage, "org", "create", "--name", "From the CLI");
        assertThat(org.exitCode()).as(org.err()).isZero();
        String orgId = org.out().split("\t")[0];
        assertThat(orgId).matches("^org_[0-9a-f]{32}$");

        Run key = Cli.roster(storage, "key", "create", "--org", orgId, "--name", "ops");
        assertThat(key.exitCode()).as(key.err()).isZero();
        String[] created = key.out().strip().split("\t");
        String keyId = created[0];
        String secret = created[1];
        assertThat(secret).matches("^sk_live_[0-9a-f]{32}$");

        Run list = Cli.roster(storage, "key", "list", "--org", orgId);
        assertThat(list.out()).contains(keyId, "ops", "active").doesNotContain(secret);

        try (TestServer server = TestServer.start(storage)) {
            Http api = server.http().as(secret);
            assertThat(api.post("/v1/express", json("expressCustomerName", "via CLI key")).status()).isEqualTo(200);

            Run revoke = Cli.roster(storage, "key", "revoke", "--org", orgId, keyId);
            assertThat(revoke.exitCode()).as(revoke.err()).isZero();
            assertThat(Cli.roster(storage, "key", "list", "--org", orgId).out()).contains("revoked");

            // The running server had the key cached; it learns of the revocation within a second or so.
            int status = 200;
            for (int i = 0; i < 30 && status == 200; i++) {
                Thread.sleep(100);
                status = api.get("/v1/express").status();
            }
            assertThat(status).isEqualTo(401);
        }
        try (TestServer restarted = TestServer.start(storage)) {
            assertThat(restarted.http().as(secret).get("/v1/express").status()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusalsAreMessagesWithExitCodeTwo(Engine engine) {
        Storage storage = Storage.fresh(engine);

        Run unknownOrg = Cli.roster(storage, "key", "create", "--org", "org_0123456789abcdef0123456789abcdef", "--name", "x");
        Run badOrg = Cli.roster(storage, "key", "create", "--org", "nope", "--name", "x");
        Run blankName = Cli.roster(storage, "org", "create", "--name", "  ");

        assertThat(List.of(unknownOrg, badOrg, blankName)).allSatisfy(run -> {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("roster: ");
            assertThat(run.err()).doesNotContain("Exception", "\tat ");
        });
        assertThat(unknownOrg.err()).contains("Organization could not be found");
        assertThat(badOrg.err()).contains("organizationId");
    }
}
