package dev.roster.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The endpoints API as a client sees it on a server with the default settings: validation, SSRF, tenancy, paging. */
class WebhookEndpointsTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    private static final String URL = "https://hooks.example.invalid/roster";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void internalTargetsAreRefusedWithoutTheOperatorsFlag(Engine engine) {
        Http api = servers.newTenant(engine);
        for (String url : List.of("http://127.0.0.1:8080/x", "http://localhost/x", "http://10.1.2.3/x",
                "http://192.168.0.10/x", "http://169.254.169.254/latest/meta-data", "http://[::1]/x",
                "http://[fd00::1]/x", "http://0.0.0.0/x", "http://[::ffff:127.0.0.1]/x")) {
            Reply r = api.post("/v1/webhook-endpoints", Http.json("url", url));
            assertThat(r.status()).as(url).isEqualTo(400);
            assertThat(r.json().get("message").asText()).as(url).contains("url");
            assertThat(r.header("X-Should-Retry")).isEqualTo("false");
        }
        String id = api.post("/v1/webhook-endpoints", Http.json("url", URL)).json().get("webhookEndpointId").asText();
        assertThat(api.patch("/v1/webhook-endpoints/" + id, Http.json("url", "http://127.0.0.1/x")).status())
                .isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void badInputNamesTheField(Engine engine) {
        Http api = servers.newTenant(engine);
        assertField(api.post("/v1/webhook-endpoints", Http.object()), "url");
        assertField(api.post("/v1/webhook-endpoints", Http.json("url", "ftp://example.com/x")), "url");
        assertField(api.post("/v1/webhook-endpoints", Http.json("url", "https://user:pw@example.com/")), "url");
        assertField(api.post("/v1/webhook-endpoints", Http.json("url", 5)), "url");
        assertField(api.post("/v1/webhook-endpoints", Http.json("url", URL, "eventTypes", "user.*")), "eventTypes");
        assertField(api.post("/v1/webhook-endpoints", Http.json("url", URL, "eventTypes", List.of(1))), "eventTypes");
        assertField(api.post("/v1/webhook-endpoints", Http.json("url", URL, "eventTypes", List.of("User Locked"))),
                "eventTypes");
        assertField(api.post("/v1/webhook-endpoints", Http.json("url", URL, "enabled", "yes")), "enabled");
        assertField(api.post("/v1/webhook-endpoints", Http.json("url", URL, "description", "x".repeat(1001))),
                "description");
        assertField(api.get("/v1/webhook-endpoints/wep_1"), "webhookEndpointId");
        // Unknown keys are ignored.
        Reply ok = api.post("/v1/webhook-endpoints", Http.json("url", URL, "colour", "blue"));
        assertThat(ok.status()).as("%s", ok).isEqualTo(200);
        assertThat(ok.json().get("eventTypes").size()).isZero();
        assertThat(ok.json().get("enabled").asBoolean()).isTrue();
        String id = ok.json().get("webhookEndpointId").asText();
        assertField(api.post("/v1/webhook-endpoints/" + id + "/events/evt_x/resend"), "eventId");
        assertField(api.post("/v1/webhook-endpoints/" + id + "/recover", Http.object()), "since");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anotherOrganizationsEndpointIsNotFound(Engine engine) {
        Http owner = servers.newTenant(engine);
        Http other = servers.newTenant(engine);
        String path = "/v1/webhook-endpoints/"
                + owner.post("/v1/webhook-endpoints", Http.json("url", URL)).json().get("webhookEndpointId").asText();
        for (Reply r : List.of(other.get(path), other.patch(path, Http.json("enabled", false)), other.delete(path),
                other.post(path + "/rotate-secret"), other.get(path + "/attempts"),
                other.post(path + "/recover", Http.json("since", "2020-01-01T00:00:00Z")))) {
            assertThat(r.status()).as("%s", r).isEqualTo(404);
            assertThat(r.errorId()).isEqualTo("WEBHOOK-ENDPOINT-NOT-FOUND");
        }
        assertThat(other.get("/v1/webhook-endpoints").json().get("webhookEndpoints").size()).isZero();
        assertThat(owner.get(path).json().get("enabled").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void listsPageNewestFirstAndNeverShowSecrets(Engine engine) {
        Http api = servers.newTenant(engine);
        for (int i = 0; i < 5; i++) {
            api.post("/v1/webhook-endpoints", Http.json("url", URL, "description", "n" + i));
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = api.get("/v1/webhook-endpoints?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            page.json().get("webhookEndpoints").forEach(e -> {
                assertThat(e.has("secret")).isFalse();
                assertThat(seen.add(e.get("webhookEndpointId").asText())).isTrue();
            });
            cursor = page.json().path("cursor").asText(null);
            assertThat(page.json().get("hasMore").asBoolean()).isEqualTo(cursor != null);
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(5);
        assertThat(pages).isEqualTo(3);
        assertThat(api.get("/v1/webhook-endpoints?limit=3&cursor=" + firstCursor(api)).errorId())
                .isEqualTo("ROSTER-INVALID-CURSOR");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void updatesChangeOnlyWhatIsSentAndDeleteRemoves(Engine engine) {
        Http api = servers.newTenant(engine);
        String path = "/v1/webhook-endpoints/" + api.post("/v1/webhook-endpoints",
                Http.json("url", URL, "eventTypes", List.of("user.*"), "description", "a")).json()
                .get("webhookEndpointId").asText();
        Reply changed = api.patch(path, Http.json("description", "b"));
        assertThat(changed.json().get("description").asText()).isEqualTo("b");
        assertThat(changed.json().get("eventTypes").get(0).asText()).isEqualTo("user.*");
        assertThat(changed.json().get("url").asText()).isEqualTo(URL);
        Reply off = api.patch(path, Http.json("enabled", false));
        assertThat(off.json().get("enabled").asBoolean()).isFalse();
        assertThat(off.json().get("disabledReason").asText()).isNotEmpty();
        Reply on = api.patch(path, Http.json("enabled", true));
        assertThat(on.json().has("disabledReason")).isFalse();
        assertThat(api.delete(path).status()).isEqualTo(200);
        assertThat(api.get(path).status()).isEqualTo(404);
        List<String> types = servers.on(engine).database().read(h -> h.createQuery(
                "SELECT type FROM events WHERE aggregate_id = :id ORDER BY position")
                .bind("id", path.substring(path.lastIndexOf('/') + 1)).mapTo(String.class).list());
        assertThat(types).containsExactly("webhook_endpoint.created", "webhook_endpoint.updated",
                "webhook_endpoint.updated", "webhook_endpoint.updated", "webhook_endpoint.deleted");
        List<String> payloads = servers.on(engine).database().read(h -> h.createQuery(
                "SELECT payload FROM events WHERE aggregate_id = :id")
                .bind("id", path.substring(path.lastIndexOf('/') + 1)).mapTo(String.class).list());
        assertThat(payloads).hasSize(5).noneMatch(p -> p.contains("whsec_"));
    }

    private static String firstCursor(Http api) {
        return api.get("/v1/webhook-endpoints?limit=2").json().get("cursor").asText();
    }

    private static void assertField(Reply r, String field) {
        assertThat(r.status()).as("%s", r).isEqualTo(400);
        assertThat(r.json().get("message").asText()).as("%s", r).contains(field);
        assertThat(r.header("X-Should-Retry")).isEqualTo("false");
    }
}
