package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Cli;
import dev.roster.testing.Cli.Run;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Storage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code roster events tail}: the newest events as JSON lines, everything after an id, filters, and refusals. */
class EventsCommandTest {
    @ParameterizedTest
    @EnumSource(Engine.class)
    void tailPrintsTheNewestEventsThenEverythingAfterAnId(Engine engine) throws Exception {
        Storage storage = Storage.fresh(engine);
        String org = Cli.roster(storage, "org", "create", "--name", "Tailed").out().split("\t")[0];
        Cli.roster(storage, "key", "create", "--org", org, "--name", "first");
        Cli.roster(storage, "key", "create", "--org", org, "--name", "second");

        List<JsonNode> all = lines(Cli.roster(storage, "events", "tail", "--org", org, "-n", "100"));
        assertThat(all).extracting(e -> e.get("type").asText())
                .containsExactly("organization.created", "api_key.created", "api_key.created");
        assertThat(all.get(1).get("data").get("name").asText()).isEqualTo("first");
        assertThat(all.get(1).get("actor").get("type").asText()).isEqualTo("cli");
        assertThat(all.get(1).get("data").has("key")).as("never the secret").isFalse();

        assertThat(lines(Cli.roster(storage, "events", "tail", "--org", org, "-n", "1")))
                .extracting(e -> e.get("id").asText()).containsExactly(all.get(2).get("id").asText());
        assertThat(lines(Cli.roster(storage, "events", "tail", "--org", org, "--after", all.get(0).get("id").asText())))
                .isEqualTo(all.subList(1, 3));
        assertThat(lines(Cli.roster(storage, "events", "tail", "--org", org, "--type", "organization.*")))
                .isEqualTo(all.subList(0, 1));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void badOptionsAreMessagesWithExitCodeTwo(Engine engine) {
        Storage storage = Storage.fresh(engine);
        String org = Cli.roster(storage, "org", "create", "--name", "Tailed").out().split("\t")[0];

        for (Run run : List.of(
                Cli.roster(storage, "events", "tail", "--org", "nope"),
                Cli.roster(storage, "events", "tail", "--org", org, "--after", "evt_" + "0".repeat(32)),
                Cli.roster(storage, "events", "tail", "--org", org, "--type", "Not A Type"),
                Cli.roster(storage, "events", "tail", "--org", org, "-f", "--poll-interval", "soon"))) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).startsWith("roster: ").doesNotContain("Exception", "\tat ");
        }
    }

    private static List<JsonNode> lines(Run run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> events = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            events.add(Http.JSON.readTree(line));
        }
        return events;
    }
}
