package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Cli;
import dev.roster.testing.Cli.Run;
import dev.roster.testing.Engine;
import dev.roster.testing.Storage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code roster webhook …} on the storage a server serves. */
class WebhookCommandTest {
    @ParameterizedTest
    @EnumSource(Engine.class)
    void createListAttemptsAndDelete(Engine engine) {
        Storage storage = Storage.fresh(engine);
        assertThat(Cli.roster(storage, "migrate").exitCode()).isZero();
        String org = Cli.roster(storage, "org", "create", "--name", "Hooks").out().split("\t")[0];

        Run refused = Cli.roster(storage, "webhook", "create", "--org", org, "--url", "http://127.0.0.1:9/x");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("url");

        Run created = Cli.roster(storage, "webhook", "create", "--org", org, "--url", "http://127.0.0.1:9/x",
                "--event-type", "user.*", "--event-type", "express_customer.created", "--allow-private-target");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String[] fields = created.out().strip().split("\t");
        String id = fields[0];
        assertThat(id).matches("^wep_[0-9a-f]{32}$");
        assertThat(fields[1]).startsWith("whsec_");

        Run list = Cli.roster(storage, "webhook", "list", "--org", org);
        assertThat(list.out()).contains(id, "http://127.0.0.1:9/x", "user.*,express_customer.created", "enabled")
                .doesNotContain(fields[1]);
        Run attempts = Cli.roster(storage, "webhook", "attempts", "--org", org, id);
        assertThat(attempts.exitCode()).as(attempts.err()).isZero();

        assertThat(Cli.roster(storage, "webhook", "delete", "--org", org, id).exitCode()).isZero();
        assertThat(Cli.roster(storage, "webhook", "list", "--org", org).out()).doesNotContain(id);
        Run gone = Cli.roster(storage, "webhook", "delete", "--org", org, id);
        assertThat(gone.exitCode()).isEqualTo(2);
        assertThat(gone.err()).contains("WEBHOOK-ENDPOINT-NOT-FOUND");
        Run unknownOrg = Cli.roster(storage, "webhook", "create", "--org", "org_ffffffffffffffffffffffffffffffff",
                "--url", "https://hooks.example.invalid/x");
        assertThat(unknownOrg.err()).contains("ORGANIZATION-NOT-FOUND");
    }
}
