package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.app.Roster;
import dev.roster.http.OpenApiContract.Exchange;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Express customer operations (`/v1/express…`) against the OpenAPI document. */
class ExpressContractTest extends OpenApiContractSupport {
    @AfterAll
    static void everyOperationOfTheSurfaceSucceededOnEveryEngine() {
        everyOperationSucceededOnEveryEngine("express.");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void expressLifecycle(Engine engine) {
        Exchange created = conforms(engine, call(engine, ADMIN, "POST", "/v1/express",
                Http.json("expressCustomerName", "Contract Radiology", "metadata", Map.of("region", "north")),
                "application/json", "Roster-Reason", "onboarding"), 200);
        String id = created.reply().json().get("expressCustomerId").asText();
        String path = "/v1/express/" + id;
        conforms(engine, call(engine, ADMIN, "POST", "/v1/express", Http.json("expressCustomerName", "Plain"),
                "application/json"), 200);

        conforms(engine, call(engine, ADMIN, "GET", path, null, null), 200);
        conforms(engine, call(engine, ADMIN, "PATCH", path, Http.json("expressCustomerName", "Renamed"),
                "application/json"), 200);
        Exchange cleared = conforms(engine, call(engine, ADMIN, "PATCH", path,
                Http.json("metadata", null), "application/json"), 200);
        assertThat(cleared.reply().json().has("metadata")).isFalse();
        conforms(engine, call(engine, ADMIN, "PATCH", path, Http.object(), "application/json"), 200);

        // The three ways the SDKs send a bodiless POST, and a repeat that must stay a 200.
        Exchange off = conforms(engine, call(engine, ADMIN, "POST", path + "/deactivate", null, null), 200);
        assertThat(off.reply().json().get("isActive").asBoolean()).isFalse();
        conforms(engine, call(engine, ADMIN, "POST", path + "/deactivate", "", "application/json"), 200);
        // The document declares no body here; the Java SDK may still send one, which the server ignores.
        Exchange on = ignoredBody(call(engine, ADMIN, "POST", path + "/reactivate",
                Http.json("extra", "ignored"), "application/json"), 200);
        assertThat(on.reply().json().get("isActive").asBoolean()).isTrue();
        conforms(engine, call(engine, ADMIN, "POST", path + "/reactivate", null, null), 200);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void expressIdempotencyKeys(Engine engine) {
        String key = "contract-" + UUID.randomUUID();
        ObjectNode body = Http.json("expressCustomerName", "Keyed");
        Exchange first = keyedTwice(engine, key, "POST", "/v1/express", body);

        // The same key on another request is refused.
        ObjectNode other = Http.json("expressCustomerName", "Other");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v1/express", other, "application/json",
                "Idempotency-Key", key), 400, "ROSTER-IDEMPOTENCY-KEY-REUSED");
        // A final refusal made by the operation is kept like an answer, and its replay is marked too.
        String refusedKey = "contract-" + UUID.randomUUID();
        ObjectNode blank = Http.json("expressCustomerName", " ");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v1/express", blank, "application/json",
                "Idempotency-Key", refusedKey), 400, "ROSTER-INVALID-ARGUMENT");
        Exchange refusedAgain = call(engine, ADMIN, "POST", "/v1/express", blank, "application/json",
                "Idempotency-Key", refusedKey);
        failsConforming(engine, refusedAgain, 400, "ROSTER-INVALID-ARGUMENT");
        assertThat(refusedAgain.reply().header("Idempotent-Replayed")).isEqualTo("true");
        String path = "/v1/express/" + first.reply().json().get("expressCustomerId").asText();
        String deactivateKey = "contract-" + UUID.randomUUID();
        conforms(engine, call(engine, ADMIN, "POST", path + "/deactivate", null, null,
                "Idempotency-Key", deactivateKey), 200);
        Exchange replayed = conforms(engine, call(engine, ADMIN, "POST", path + "/deactivate", null, null,
                "Idempotency-Key", deactivateKey), 200);
        assertThat(replayed.reply().header("Idempotent-Replayed")).isEqualTo("true");
        rejected(call(engine, ADMIN, "POST", "/v1/express", body, "application/json", "Idempotency-Key", "has space"),
                400, "ROSTER-INVALID-ARGUMENT", "parameter.schema.pattern");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void expressListPages(Engine engine) {
        for (int i = 0; i < 3; i++) {
            conforms(engine, call(engine, ADMIN, "POST", "/v1/express", Http.json("expressCustomerName", "Page " + i),
                    "application/json"), 200);
        }
        conforms(engine, call(engine, ADMIN, "GET", "/v1/express", null, null), 200);
        Exchange first = conforms(engine, call(engine, ADMIN, "GET", "/v1/express?limit=1", null, null), 200);
        assertThat(first.reply().json().get("hasMore").asBoolean()).isTrue();
        String cursor = first.reply().json().get("cursor").asText();
        // The Java SDK sends the limit as a double; the cursor must still be accepted.
        Exchange second = conforms(engine, call(engine, ADMIN, "GET",
                "/v1/express?limit=1.0&cursor=" + cursor, null, null), 200);
        assertThat(second.reply().json().get("expressCustomers")).hasSize(1);
        Exchange all = conforms(engine, call(engine, ADMIN, "GET", "/v1/express?limit=100", null, null), 200);
        assertThat(all.reply().json().get("hasMore").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void expressFailures(Engine engine) {
        String id = newCustomer(engine, "Failures");

        // Conforming requests that name nothing: documented 404s.
        for (String method : List.of("GET", "PATCH")) {
            ObjectNode body = method.equals("PATCH") ? Http.object() : null;
            failsConforming(engine, call(engine, ADMIN, method, UNKNOWN_CUSTOMER, body,
                    body == null ? null : "application/json"), 404, "EXPRESS-NOT-FOUND");
        }
        failsConforming(engine, call(engine, ADMIN, "POST", UNKNOWN_CUSTOMER + "/deactivate", null, null),
                404, "EXPRESS-NOT-FOUND");
        failsConforming(engine, call(engine, ADMIN, "POST", UNKNOWN_CUSTOMER + "/reactivate", null, null),
                404, "EXPRESS-NOT-FOUND");
        failsConforming(engine, call(engine, ADMIN, "GET", "/v1/express?cursor=bm90LWEtY3Vyc29y", null, null),
                400, "ROSTER-INVALID-CURSOR");

        // Requests the document forbids: the validator must say so, the server must answer as documented.
        refusedWithoutKey(engine, "GET", "/v1/express", null);
        rejected(call(engine, null, "GET", "/v1/express/" + id, null, null, "Authorization", "Basic abc"),
                401, "AUTH-7fs1e", "security.invalid");
        failsConforming(engine, call(engine, "sk_live_00000000000000000000000000000000", "GET", "/v1/express/" + id,
                null, null), 401, "AUTH-7fs1e");
        Map<String, String> badLimits = Map.of("0", "minimum", "101", "maximum", "-5", "minimum",
                "10.5", "multipleOf", "abc", "type");
        badLimits.forEach((limit, rule) -> rejected(call(engine, ADMIN, "GET", "/v1/express?limit=" + limit, null,
                null), 400, "ROSTER-INVALID-ARGUMENT", "parameter.schema." + rule));
        rejected(call(engine, ADMIN, "GET", "/v1/express/cus_short", null, null),
                400, "ROSTER-INVALID-ARGUMENT", "parameter.schema.pattern");
        rejected(call(engine, ADMIN, "POST", "/v1/express", "{\"expressCustomerName\":", "application/json"),
                400, "ROSTER-MALFORMED-JSON", "body.schema.invalidJson");
        rejected(call(engine, ADMIN, "PATCH", "/v1/express/" + id, "[1,2]", "application/json"),
                400, "ROSTER-MALFORMED-JSON", "body.schema.type");
        rejected(call(engine, ADMIN, "POST", "/v1/express", Http.json("metadata", Map.of()), "application/json"),
                400, "ROSTER-INVALID-ARGUMENT", "body.schema.required");
        rejected(call(engine, ADMIN, "POST", "/v1/express", Http.json("expressCustomerName", ""), "application/json"),
                400, "ROSTER-INVALID-ARGUMENT", "body.schema.minLength");
        rejected(call(engine, ADMIN, "POST", "/v1/express",
                Http.json("expressCustomerName", "x", "metadata", Map.of("n", 1)), "application/json"),
                400, "ROSTER-INVALID-ARGUMENT", "body.schema.type");
        rejected(call(engine, ADMIN, "PATCH", "/v1/express/" + id,
                Http.json("metadata", Map.of("k".repeat(101), "v")), "application/json"),
                400, "ROSTER-INVALID-ARGUMENT", "body.schema.propertyNames");
        rejected(call(engine, ADMIN, "PATCH", "/v1/express/" + id, Http.json("expressCustomerName", null),
                "application/json"), 400, "ROSTER-INVALID-ARGUMENT", "body.schema.type");
        rejected(call(engine, ADMIN, "POST", "/v1/express/" + id + "/deactivate", null, null,
                "Roster-Reason", "r".repeat(501)), 400, "ROSTER-INVALID-ARGUMENT", "parameter.schema.maxLength");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void expressUserLinks(Engine engine) {
        String id = newCustomer(engine, "Links");
        String users = "/v1/express/" + id + "/users";
        ObjectNode link = Http.json("userId", newV2User(engine, null));

        conforms(engine, call(engine, ADMIN, "POST", users, link, "application/json", "Roster-Reason", "on call"), 200);
        // Linking again is a 200 that changes nothing.
        conforms(engine, call(engine, ADMIN, "POST", users, link, "application/json"), 200);
        Exchange linked = conforms(engine, call(engine, ADMIN, "GET", "/v1/express/" + id, null, null), 200);
        assertThat(linked.reply().json().get("userCount").asInt()).isEqualTo(1);
        String key = "contract-" + UUID.randomUUID();
        conforms(engine, call(engine, ADMIN, "DELETE", users, link, "application/json", "Idempotency-Key", key), 200);
        Exchange replayed = conforms(engine, call(engine, ADMIN, "DELETE", users, link, "application/json",
                "Idempotency-Key", key), 200);
        assertThat(replayed.reply().header("Idempotent-Replayed")).isEqualTo("true");
        conforms(engine, call(engine, ADMIN, "DELETE", users, link, "application/json"), 200);

        ObjectNode nobody = Http.json("userId", "usr_00000000000000000000000000000000");
        for (String method : List.of("POST", "DELETE")) {
            failsConforming(engine, call(engine, ADMIN, method, UNKNOWN_CUSTOMER + "/users", link, "application/json"),
                    404, "EXPRESS-NOT-FOUND");
            failsConforming(engine, call(engine, ADMIN, method, users, nobody, "application/json"), 404, "QUERY-Dfbg2");
            rejected(call(engine, ADMIN, method, users, Http.object(), "application/json"),
                    400, "ROSTER-INVALID-ARGUMENT", "body.schema.required");
            rejected(call(engine, ADMIN, method, users, Http.json("userId", "usr_1"), "application/json"),
                    400, "ROSTER-INVALID-ARGUMENT", "body.schema.pattern");
            refusedWithoutKey(engine, method, users, link);
        }
        // A revoked user takes no new link; an inactive customer takes none but still lets one go.
        ObjectNode revoked = Http.json("userId", newV2User(engine, null));
        conforms(engine, call(engine, ADMIN, "POST", users, revoked, "application/json"), 200);
        conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/users/revoke-access", revoked, "application/json"), 200);
        String other = newCustomer(engine, "Other links");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v1/express/" + other + "/users", revoked,
                "application/json"), 400, "USER-NOT-ACTIVE");
        conforms(engine, call(engine, ADMIN, "POST", "/v1/express/" + id + "/deactivate", null, null), 200);
        failsConforming(engine, call(engine, ADMIN, "POST", users, link, "application/json"), 400,
                "EXPRESS-CUSTOMER-INACTIVE");
        conforms(engine, call(engine, ADMIN, "DELETE", users, revoked, "application/json"), 200);
    }
}
