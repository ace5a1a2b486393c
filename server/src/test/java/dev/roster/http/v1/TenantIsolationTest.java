package dev.roster.http.v1;

import static dev.roster.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A key of one organization cannot see or touch another's customers: every attempt is a 404, and lists stay apart. */
class TenantIsolationTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anotherOrganizationsKeyGetsNotFoundForEveryReadAndWrite(Engine engine) {
        Http first = servers.newTenant(engine);
        Http second = servers.newTenant(engine);
        String id = ExpressCustomersTest.create(first, "Belongs to the first", Map.of("k", "v"));
        JsonNode original = first.get("/v1/express/" + id).json();

        List<Reply> attempts = new ArrayList<>();
        attempts.add(second.get("/v1/express/" + id));
        attempts.add(second.patch("/v1/express/" + id, json("expressCustomerName", "stolen")));
        attempts.add(second.patch("/v1/express/" + id, json()));
        attempts.add(second.post("/v1/express/" + id + "/deactivate"));
        attempts.add(second.post("/v1/express/" + id + "/reactivate"));

        assertThat(attempts).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.errorId()).isEqualTo("EXPRESS-NOT-FOUND");
        });
        assertThat(first.get("/v1/express/" + id).json()).isEqualTo(original);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void listsShowOnlyTheCallersOwnCustomers(Engine engine) {
        Http first = servers.newTenant(engine);
        Http second = servers.newTenant(engine);
        String mine = ExpressCustomersTest.create(first, "First's", Map.of());
        String theirs = ExpressCustomersTest.create(second, "Second's", Map.of());

        assertThat(ids(first.get("/v1/express?limit=100").json())).containsExactly(mine);
        assertThat(ids(second.get("/v1/express?limit=100").json())).containsExactly(theirs);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCursorFromAnotherOrganizationIsRefused(Engine engine) {
        Http first = servers.newTenant(engine);
        Http second = servers.newTenant(engine);
        for (int i = 0; i < 3; i++) {
            ExpressCustomersTest.create(first, "F" + i, Map.of());
        }
        String cursor = first.get("/v1/express?limit=1").json().get("cursor").asText();

        Reply r = second.get("/v1/express?limit=1&cursor=" + cursor);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorId()).isEqualTo("ROSTER-INVALID-CURSOR");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anOrganizationKeyCannotAdministerTheInstance(Engine engine) {
        Http tenant = servers.newTenant(engine);

        List<Reply> attempts = List.of(
                tenant.post("/v1/organizations", json("name", "mine now")),
                // Authorization comes before validation: a malformed body still gets 403.
                tenant.post("/v1/organizations", "not json"),
                tenant.get("/v1/organizations/org_00000000000000000000000000000001/api-keys"),
                tenant.post("/v1/organizations/org_00000000000000000000000000000001/api-keys", json("name", "x")));

        assertThat(attempts).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.errorId()).isEqualTo("AUTH-5mWD2");
            assertThat(r.header("x-should-retry")).isEqualTo("false");
        });
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("expressCustomers").forEach(c -> ids.add(c.get("expressCustomerId").asText()));
        return ids;
    }
}
