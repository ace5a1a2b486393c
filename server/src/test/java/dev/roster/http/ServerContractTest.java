package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.app.PasswordHasher;
import dev.roster.app.RateLimit;
import dev.roster.app.Roster;
import dev.roster.domain.Actor;
import dev.roster.http.OpenApiContract.Exchange;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import io.swagger.v3.oas.models.SpecVersion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Health, metrics, the document itself, instance administration, unrouted requests and the rate limit's answer
 * against the OpenAPI document.
 */
class ServerContractTest extends OpenApiContractSupport {
    /** Servers that allow each key one request an hour, to see the rate limit's answer. */
    @RegisterExtension
    static final Servers limited = new Servers(new Roster.Settings(0, PasswordHasher.standard(),
            new RateLimit(1, Duration.ofHours(1)), RateLimit.OFF));

    @AfterAll
    static void everyOperationOfTheSurfaceSucceededOnEveryEngine() {
        everyOperationSucceededOnEveryEngine("health", "metrics", "openapi", "organizations.", "apiKeys.");
    }

    @org.junit.jupiter.api.Test
    void everyDocumentedOperationBelongsToASurface() {
        for (String id : contract.operationIds()) {
            assertThat(SURFACES.stream().anyMatch(id::startsWith)).as("%s has a contract test class", id).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void healthMetricsAndTheDocumentItself(Engine engine) {
        conforms(engine, call(engine, null, "GET", "/healthz", null, null), 200);
        conforms(engine, call(engine, null, "GET", "/metrics", null, null), 200);
        Exchange doc = conforms(engine, call(engine, null, "GET", "/openapi.json", null, null), 200);
        // Served byte for byte as shipped, so what this test validates against is what clients download.
        assertThat(doc.reply().body()).isEqualTo(contract.text);
        var served = OpenApiContract.parse(doc.reply().body());
        assertThat(served.getMessages()).isNullOrEmpty();
        assertThat(served.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void administration(Engine engine) {
        Exchange org = conforms(engine, call(engine, ADMIN, "POST", "/v1/organizations",
                Http.json("name", "Contract Clinic"), "application/json"), 200);
        String keys = "/v1/organizations/" + org.reply().json().get("organizationId").asText() + "/api-keys";
        Exchange key = conforms(engine, call(engine, ADMIN, "POST", keys, Http.json("name", "integration"),
                "application/json"), 200);
        String secret = key.reply().json().get("key").asText();
        String keyId = key.reply().json().get("apiKeyId").asText();

        // The new key works inside its organization and is refused administration.
        Exchange own = conforms(engine, call(engine, secret, "POST", "/v1/express",
                Http.json("expressCustomerName", "Tenant customer"), "application/json"), 200);
        assertThat(own.reply().json().get("createdByApiKeyId").asText()).isEqualTo(keyId);
        failsConforming(engine, call(engine, secret, "POST", "/v1/organizations", Http.json("name", "x"),
                "application/json"), 403, "AUTH-5mWD2");
        failsConforming(engine, call(engine, secret, "GET", keys, null, null), 403, "AUTH-5mWD2");
        failsConforming(engine, call(engine, secret, "POST", keys, Http.json("name", "y"), "application/json"),
                403, "AUTH-5mWD2");
        failsConforming(engine, call(engine, secret, "DELETE", keys + "/" + keyId, null, null), 403, "AUTH-5mWD2");

        conforms(engine, call(engine, ADMIN, "GET", keys, null, null), 200);
        Exchange revoked = conforms(engine, call(engine, ADMIN, "DELETE", keys + "/" + keyId, null, null), 200);
        assertThat(revoked.reply().json().has("revokedAt")).isTrue();
        conforms(engine, call(engine, ADMIN, "DELETE", keys + "/" + keyId, null, null), 200);
        failsConforming(engine, call(engine, secret, "GET", "/v1/express", null, null), 401, "AUTH-7fs1e");

        failsConforming(engine, call(engine, ADMIN, "GET", UNKNOWN_ORG + "/api-keys", null, null),
                404, "ORGANIZATION-NOT-FOUND");
        failsConforming(engine, call(engine, ADMIN, "POST", UNKNOWN_ORG + "/api-keys", Http.json("name", "z"),
                "application/json"), 404, "ORGANIZATION-NOT-FOUND");
        failsConforming(engine, call(engine, ADMIN, "DELETE", UNKNOWN_ORG + "/api-keys/" + keyId, null, null),
                404, "ORGANIZATION-NOT-FOUND");
        failsConforming(engine, call(engine, ADMIN, "DELETE",
                keys + "/00000000-0000-4000-8000-000000000000", null, null), 404, "APIKEY-NOT-FOUND");
        rejected(call(engine, ADMIN, "GET", "/v1/organizations/acme/api-keys", null, null),
                400, "ROSTER-INVALID-ARGUMENT", "parameter.schema.pattern");
        rejected(call(engine, ADMIN, "DELETE", keys + "/not-a-uuid", null, null),
                400, "ROSTER-INVALID-ARGUMENT", "parameter.schema.pattern");
        rejected(call(engine, ADMIN, "POST", "/v1/organizations", Http.object(), "application/json"),
                400, "ROSTER-INVALID-ARGUMENT", "body.schema.required");
        rejected(call(engine, null, "POST", "/v1/organizations", Http.json("name", "x"), "application/json"),
                401, "ROSTER-AUTH-MISSING", "security.missing");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unknownRoutesAndWrongMethodsAnswerTheDocumentedErrorBody(Engine engine) {
        unrouted(engine, call(engine, ADMIN, "GET", "/v1/nothing-here", null, null), 404,
                "validation.request.path.missing", "ROSTER-ROUTE-NOT-FOUND");
        unrouted(engine, call(engine, null, "GET", "/v2/express", null, null), 404,
                "validation.request.path.missing", "ROSTER-ROUTE-NOT-FOUND");
        unrouted(engine, call(engine, ADMIN, "PUT", UNKNOWN_CUSTOMER, Http.object(), "application/json"), 405,
                "validation.request.operation.notAllowed", "ROSTER-METHOD-NOT-ALLOWED");
        unrouted(engine, call(engine, ADMIN, "DELETE", "/v1/express", null, null), 405,
                "validation.request.operation.notAllowed", "ROSTER-METHOD-NOT-ALLOWED");
        unrouted(engine, call(engine, null, "POST", "/healthz", null, null), 405,
                "validation.request.operation.notAllowed", "ROSTER-METHOD-NOT-ALLOWED");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRequestOverTheKeysRateLimitIsADocumented429(Engine engine) {
        TestServer server = limited.on(engine);
        String org = server.roster().organizations().create(Actor.cli(), "Limited").id();
        String key = server.roster().apiKeys().createByOperator(org, "limited").secret();

        conforms(engine, OpenApiContract.exchange(server.http(), key, "GET", "/v1/express", null, null), 200);
        Exchange v1 = OpenApiContract.exchange(server.http(), key, "GET", "/v1/express", null, null);
        Exchange v2 = OpenApiContract.exchange(server.http(), key, "POST", "/v2/users", Http.object(),
                "application/json");

        for (Exchange refused : List.of(v1, v2)) {
            failsConforming(engine, refused, 429, "ROSTER-RATE-LIMITED");
            assertThat(refused.reply().header("Retry-After")).as("%s", refused).matches("[1-9][0-9]*");
        }
    }
}
