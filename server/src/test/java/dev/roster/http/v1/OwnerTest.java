package dev.roster.http.v1;

import static dev.roster.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Cli;
import dev.roster.testing.Cli.Run;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Storage;
import dev.roster.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The owner (avara-v1.md §6.0 item 24): made only by the operator, and then out of reach of every API call that would
 * revoke, deactivate, lock, delete or demote it, on v1 and v2 alike.
 */
class OwnerTest {
    static final String DEFAULT_ORG = "org_00000000000000000000000000000001";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theOperatorMakesAnOwnerWhomNoCallCanRevokeOrDemote(Engine engine) {
        Storage storage = Storage.fresh(engine);
        try (TestServer server = TestServer.start(storage)) {
            Http api = server.http().as(TestServer.ADMIN_KEY);
            String owner = Viewer.invite(api, "firstName", "Olivia").get("userId").asText();
            String second = Viewer.invite(api).get("userId").asText();

            Run made = Cli.roster(storage, "user", "make-owner", "--org", DEFAULT_ORG, owner);
            assertThat(made.exitCode()).as(made.err()).isZero();
            assertThat(made.out()).contains(owner, "owner");
            Run again = Cli.roster(storage, "user", "make-owner", "--org", DEFAULT_ORG, owner);
            assertThat(again.exitCode()).as(again.err()).isZero();
            Run another = Cli.roster(storage, "user", "make-owner", "--org", DEFAULT_ORG, second);
            assertThat(another.exitCode()).isEqualTo(2);
            assertThat(another.err()).contains("already has an owner");

            JsonNode before = api.get("/v1/viewer/users/" + owner).json();
            assertThat(before.get("level").asText()).isEqualTo("owner");
            assertThat(before.get("hasDashboardAccess").asBoolean()).isTrue();
            assertThat(ViewerUserListTest.ids(api, "level=owner")).containsExactly(owner);

            List<Reply> refused = new ArrayList<>();
            refused.add(api.post("/v1/viewer/users/revoke-access", json("userId", owner)));
            refused.add(api.patch("/v1/viewer/users/" + owner, json("level", "admin")));
            refused.add(api.patch("/v1/viewer/users/" + owner, json("level", "member", "firstName", "Demoted")));
            refused.add(api.post("/v2/users/" + owner + "/deactivate"));
            refused.add(api.post("/v2/users/" + owner + "/lock"));
            refused.add(api.delete("/v2/users/" + owner));
            assertThat(refused).allSatisfy(r -> {
                assertThat(r.status()).as(r.body()).isEqualTo(403);
                assertThat(r.errorId()).isEqualTo("USER-OWNER-PROTECTED");
                assertThat(r.header("x-should-retry")).isEqualTo("false");
            });
            assertThat(api.get("/v1/viewer/users/" + owner).json()).isEqualTo(before);
            assertThat(ViewerUsersTest.v2State(api, owner)).isEqualTo("USER_STATE_INITIAL");

            // What is not a loss of ownership stays allowed.
            assertThat(api.patch("/v1/viewer/users/" + owner, json("firstName", "Liv", "level", "owner")).status())
                    .isEqualTo(400); // owner is never a level a call may set
            Reply renamed = api.patch("/v1/viewer/users/" + owner, json("firstName", "Liv"));
            assertThat(renamed.status()).isEqualTo(200);
            assertThat(renamed.json().get("level").asText()).isEqualTo("owner");
            assertThat(api.post("/v1/viewer/users/reactivate", json("userId", owner)).status()).isEqualTo(200);
            assertThat(api.post("/v1/viewer/users/revoke-access", json("userId", second)).status()).isEqualTo(200);
            assertThat(Viewer.events(server, owner)).containsExactly("1 user.invited", "2 user.made_owner",
                    "3 user.updated");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void makeOwnerRefusesUnknownUsersAndMalformedIds(Engine engine) {
        Storage storage = Storage.fresh(engine);
        assertThat(Cli.roster(storage, "migrate").exitCode()).isZero();

        Run unknown = Cli.roster(storage, "user", "make-owner", "--org", DEFAULT_ORG, "usr_" + "0".repeat(32));
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("User could not be found");
        Run malformed = Cli.roster(storage, "user", "make-owner", "--org", DEFAULT_ORG, "bob");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("userId");
    }
}
