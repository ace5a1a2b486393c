package dev.roster.http.admin;

import static dev.roster.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Organizations and API keys through the instance-admin key. */
class AdminApiTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void createsAnOrganizationAndAKeyThatWorksOnlyInsideIt(Engine engine) {
        Http admin = servers.admin(engine);
        Reply org = admin.post("/v1/organizations", json("name", " Clinic North "));
        assertThat(org.status()).isEqualTo(200);
        String orgId = org.json().get("organizationId").asText();
        assertThat(orgId).matches("^org_[0-9a-f]{32}$");
        assertThat(org.json().get("name").asText()).isEqualTo("Clinic North");
        assertThat(org.json().get("createdAt").asText()).endsWith("Z");

        JsonNode key = admin.post("/v1/organizations/" + orgId + "/api-keys", json("name", "integration")).json();
        assertThat(key.get("key").asText()).matches("^sk_live_[0-9a-f]{32}$");
        assertThat(key.get("apiKeyId").asText()).matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
        assertThat(key.get("name").asText()).isEqualTo("integration");

        Http tenant = servers.on(engine).http().as(key.get("key").asText());
        JsonNode customer = tenant.post("/v1/express", json("expressCustomerName", "Theirs")).json();
        assertThat(customer.get("createdByApiKeyId").asText()).isEqualTo(key.get("apiKeyId").asText());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void listShowsKeysNewestFirstAndNeverTheSecret(Engine engine) {
        Http admin = servers.admin(engine);
        String orgId = admin.post("/v1/organizations", json("name", "Keys")).json().get("organizationId").asText();
        admin.post("/v1/organizations/" + orgId + "/api-keys", json("name", "first"));
        admin.post("/v1/organizations/" + orgId + "/api-keys", json("name", "second"));

        JsonNode list = admin.get("/v1/organizations/" + orgId + "/api-keys").json();

        assertThat(list.get("apiKeys")).hasSize(2);
        assertThat(list.get("hasMore").asBoolean()).isFalse();
        assertThat(list.toString()).doesNotContain("sk_live_", "\"key\"");
        List<String> names = list.get("apiKeys").findValuesAsText("name");
        assertThat(names).containsExactlyInAnyOrder("first", "second");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRevokedKeyIsRefusedAtOnceAndRevokingAgainIsHarmless(Engine engine) {
        TestServer server = servers.on(engine);
        Http admin = servers.admin(engine);
        String orgId = admin.post("/v1/organizations", json("name", "Revocation")).json().get("organizationId").asText();
        JsonNode key = admin.post("/v1/organizations/" + orgId + "/api-keys", json("name", "short-lived")).json();
        Http tenant = server.http().as(key.get("key").asText());
        assertThat(tenant.get("/v1/express").status()).isEqualTo(200); // now cached

        String path = "/v1/organizations/" + orgId + "/api-keys/" + key.get("apiKeyId").asText();
        Reply revoked = admin.delete(path);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("revokedAt").asText()).endsWith("Z");

        Reply refused = tenant.get("/v1/express");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.errorId()).isEqualTo("AUTH-7fs1e");

        Reply again = admin.delete(path);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("revokedAt")).isEqualTo(revoked.json().get("revokedAt"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unknownKeyOfAKnownOrganizationIsNotFound(Engine engine) {
        Reply r = servers.admin(engine).delete(
                "/v1/organizations/org_00000000000000000000000000000001/api-keys/1b4e28ba-2fa1-41d2-883f-0016d3cca427");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorId()).isEqualTo("APIKEY-NOT-FOUND");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void secretsAreStoredOnlyAsHashes(Engine engine) {
        TestServer server = servers.on(engine);
        Http admin = servers.admin(engine);
        String orgId = admin.post("/v1/organizations", json("name", "Hashes")).json().get("organizationId").asText();
        String secret = admin.post("/v1/organizations/" + orgId + "/api-keys", json("name", "h")).json()
                .get("key").asText();

        List<String> stored = server.database().read(h -> h.createQuery("SELECT secret_sha256 FROM api_keys")
                .mapTo(String.class).list());
        assertThat(stored).isNotEmpty().allSatisfy(s -> assertThat(s).matches("^[0-9a-f]{64}$"));
        assertThat(stored).doesNotContain(secret, TestServer.ADMIN_KEY);
        String events = server.database().read(h -> h.createQuery("SELECT payload FROM events")
                .mapTo(String.class).list()).toString();
        assertThat(events).doesNotContain(secret, TestServer.ADMIN_KEY);
    }
}
