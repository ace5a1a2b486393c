package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.http.OpenApiContract.Exchange;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The webhook endpoint operations (`/v1/webhook-endpoints…`) against the OpenAPI document. */
class WebhookContractTest extends OpenApiContractSupport {
    /** A public name that never resolves: accepted by the address check, never reached. */
    private static final String URL = "https://hooks.example.invalid/roster";
    private static final String UNKNOWN = "/v1/webhook-endpoints/wep_00000000000000000000000000000000";

    @AfterAll
    static void everyOperationOfTheSurfaceSucceededOnEveryEngine() {
        everyOperationSucceededOnEveryEngine("webhooks.");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void webhookEndpointLifecycle(Engine engine) {
        Exchange created = conforms(engine, call(engine, ADMIN, "POST", "/v1/webhook-endpoints",
                Http.json("url", URL, "eventTypes", List.of("express_customer.*", "user.locked"), "description", "crm"),
                "application/json", "Idempotency-Key", "contract-" + UUID.randomUUID()), 200);
        String id = created.reply().json().get("webhookEndpointId").asText();
        String path = "/v1/webhook-endpoints/" + id;
        conforms(engine, call(engine, ADMIN, "POST", "/v1/webhook-endpoints", Http.json("url", URL), "application/json"),
                200);

        conforms(engine, call(engine, ADMIN, "GET", "/v1/webhook-endpoints?limit=1", null, null), 200);
        conforms(engine, call(engine, ADMIN, "GET", path, null, null), 200);
        Exchange off = conforms(engine, call(engine, ADMIN, "PATCH", path, Http.json("enabled", false),
                "application/json"), 200);
        assertThat(off.reply().json().get("disabledReason").asText()).isNotEmpty();
        conforms(engine, call(engine, ADMIN, "PATCH", path, Http.json("enabled", true, "eventTypes", List.of()),
                "application/json"), 200);
        Exchange rotated = conforms(engine, call(engine, ADMIN, "POST", path + "/rotate-secret", null, null), 200);
        assertThat(rotated.reply().json().get("secret").asText())
                .isNotEqualTo(created.reply().json().get("secret").asText());
        conforms(engine, call(engine, ADMIN, "GET", path + "/attempts", null, null), 200);

        String eventId = call(engine, ADMIN, "GET", "/v1/events?objectId=" + id, null, null).reply().json()
                .get("events").get(0).get("id").asText();
        conforms(engine, call(engine, ADMIN, "POST", path + "/events/" + eventId + "/resend", null, null), 200);
        Exchange recovered = conforms(engine, call(engine, ADMIN, "POST", path + "/recover",
                Http.json("since", "2020-01-01T00:00:00Z"), "application/json"), 200);
        assertThat(recovered.reply().json().get("queued").asInt()).isPositive();

        conforms(engine, call(engine, ADMIN, "DELETE", path, null, null), 200);
        failsConforming(engine, call(engine, ADMIN, "GET", path, null, null), 404, "WEBHOOK-ENDPOINT-NOT-FOUND");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void webhookEndpointFailures(Engine engine) {
        failsConforming(engine, call(engine, ADMIN, "GET", UNKNOWN, null, null), 404, "WEBHOOK-ENDPOINT-NOT-FOUND");
        failsConforming(engine, call(engine, ADMIN, "PATCH", UNKNOWN, Http.object(), "application/json"), 404,
                "WEBHOOK-ENDPOINT-NOT-FOUND");
        failsConforming(engine, call(engine, ADMIN, "DELETE", UNKNOWN, null, null), 404, "WEBHOOK-ENDPOINT-NOT-FOUND");
        failsConforming(engine, call(engine, ADMIN, "GET", UNKNOWN + "/attempts", null, null), 404,
                "WEBHOOK-ENDPOINT-NOT-FOUND");
        failsConforming(engine, call(engine, ADMIN, "POST",
                UNKNOWN + "/events/evt_00000000000000000000000000000000/resend", null, null), 404,
                "WEBHOOK-ENDPOINT-NOT-FOUND");
        // A loopback target is refused by the address check, which the document cannot express.
        failsConforming(engine, call(engine, ADMIN, "POST", "/v1/webhook-endpoints",
                Http.json("url", "http://127.0.0.1:9/hook"), "application/json"), 400, "ROSTER-INVALID-ARGUMENT");
        rejected(call(engine, ADMIN, "POST", "/v1/webhook-endpoints", Http.json("url", "ftp://example.com/x"),
                "application/json"), 400, "ROSTER-INVALID-ARGUMENT", "body.schema.pattern");
        rejected(call(engine, ADMIN, "POST", "/v1/webhook-endpoints", Http.json("url", URL, "eventTypes", "user.*"),
                "application/json"), 400, "ROSTER-INVALID-ARGUMENT", "body.schema.type");
        rejected(call(engine, ADMIN, "GET", "/v1/webhook-endpoints/ep_1", null, null), 400, "ROSTER-INVALID-ARGUMENT",
                "parameter.schema.pattern");
        refusedWithoutKey(engine, "GET", "/v1/webhook-endpoints", null);
    }
}
