package dev.roster.http.v1;

import static dev.roster.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A server stopped and started again on the same data finds everything as it was. */
class RestartTest {
    @ParameterizedTest
    @EnumSource(Engine.class)
    void everythingSurvivesARestart(Engine engine) {
        try (TestServer server = TestServer.start(engine)) {
            Http admin = server.http().as(TestServer.ADMIN_KEY);
            String orgId = admin.post("/v1/organizations", json("name", "Durable")).json().get("organizationId").asText();
            String key = admin.post("/v1/organizations/" + orgId + "/api-keys", json("name", "k")).json()
                    .get("key").asText();
            Http api = server.http().as(key);
            String active = ExpressCustomersTest.create(api, "Stays active", Map.of("a", "1"));
            String inactive = ExpressCustomersTest.create(api, "Goes inactive", Map.of());
            api.post("/v1/express/" + inactive + "/deactivate");
            api.patch("/v1/express/" + active, json("expressCustomerName", "Renamed"));
            JsonNode listBefore = api.get("/v1/express").json();
            List<String> eventsBefore = allEvents(server);
            long organizationsBefore = organizations(server);

            server.restart();

            Http after = server.http().as(key);
            assertThat(after.get("/v1/express").json()).isEqualTo(listBefore);
            assertThat(after.get("/v1/express/" + inactive).json().get("isActive").asBoolean()).isFalse();
            assertThat(after.get("/v1/express/" + active).json().get("expressCustomerName").asText()).isEqualTo("Renamed");
            assertThat(allEvents(server)).isEqualTo(eventsBefore);
            assertThat(organizations(server)).isEqualTo(organizationsBefore);
            assertThat(server.http().as(TestServer.ADMIN_KEY).get("/v1/organizations/" + orgId + "/api-keys")
                    .json().get("apiKeys")).hasSize(1);
        }
    }

    private static List<String> allEvents(TestServer server) {
        return server.database().read(h -> h.createQuery(
                        "SELECT position, aggregate_id, aggregate_version, type FROM events ORDER BY position")
                .map((rs, ctx) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getString(4))
                .list());
    }

    private static long organizations(TestServer server) {
        return server.database().read(h -> h.createQuery("SELECT COUNT(*) FROM organizations").mapTo(Long.class).one());
    }
}
