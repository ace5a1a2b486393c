package dev.roster.http.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed requests of every kind: each gets a 4xx with the one error body, names what was wrong, carries
 * {@code X-Should-Retry: false}, and changes nothing (the customer's version and the event count stay put).
 */
class BadInputTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    private static final Map<Engine, String> CUSTOMER = new EnumMap<>(Engine.class);
    private static final String HEX31 = "0123456789abcdef0123456789abcde";
    private static final String UNKNOWN = "cus_" + HEX31 + "f";

    /**
     * One malformed request. {@code {id}} in the path stands for an existing customer. {@code mention} is a text the
     * error message must contain (usually the field), {@code errorId} the stable ID when it matters.
     */
    record Case(String name, String method, String path, String body, String contentType, String auth, int status,
                String mention, String errorId) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case body(String name, String method, String path, String body, String mention) {
        return new Case(name, method, path, body, "application/json", "admin", 400, mention, null);
    }

    static Case query(String name, String pathAndQuery, String mention, String errorId) {
        return new Case(name, "GET", pathAndQuery, null, null, "admin", 400, mention, errorId);
    }

    static Case auth(String name, String authorization, String errorId) {
        return new Case(name, "GET", "/v1/express", null, null, authorization, 401, null, errorId);
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        String create = "/v1/express";
        String one = "/v1/express/{id}";
        // Create bodies
        c.add(body("create: empty object", "POST", create, "{}", "expressCustomerName"));
        c.add(body("create: no body at all", "POST", create, "", "expressCustomerName"));
        c.add(body("create: name null", "POST", create, "{\"expressCustomerName\":null}", "expressCustomerName"));
        c.add(body("create: name number", "POST", create, "{\"expressCustomerName\":5}", "expressCustomerName"));
        c.add(body("create: name boolean", "POST", create, "{\"expressCustomerName\":true}", "expressCustomerName"));
        c.add(body("create: name array", "POST", create, "{\"expressCustomerName\":[\"a\"]}", "expressCustomerName"));
        c.add(body("create: name object", "POST", create, "{\"expressCustomerName\":{\"a\":\"b\"}}", "expressCustomerName"));
        c.add(body("create: name empty", "POST", create, "{\"expressCustomerName\":\"\"}", "expressCustomerName"));
        c.add(body("create: name blank", "POST", create, "{\"expressCustomerName\":\"   \"}", "expressCustomerName"));
        c.add(body("create: name 256 code points", "POST", create,
                "{\"expressCustomerName\":\"" + "é".repeat(256) + "\"}", "expressCustomerName"));
        c.add(body("create: body is an array", "POST", create, "[{\"expressCustomerName\":\"a\"}]", "JSON object"));
        c.add(body("create: body is a string", "POST", create, "\"a\"", "JSON object"));
        c.add(body("create: body is not JSON", "POST", create, "expressCustomerName=a", "not valid JSON"));
        c.add(body("create: truncated JSON", "POST", create, "{\"expressCustomerName\":\"a\"", "not valid JSON"));
        c.add(body("create: trailing garbage", "POST", create, "{\"expressCustomerName\":\"a\"} x", "not valid JSON"));
        c.add(body("create: duplicate key", "POST", create,
                "{\"expressCustomerName\":\"a\",\"expressCustomerName\":\"b\"}", "not valid JSON"));
        c.add(body("create: metadata string", "POST", create,
                "{\"expressCustomerName\":\"a\",\"metadata\":\"x\"}", "metadata"));
        c.add(body("create: metadata null", "POST", create,
                "{\"expressCustomerName\":\"a\",\"metadata\":null}", "metadata"));
        c.add(body("create: metadata number value", "POST", create,
                "{\"expressCustomerName\":\"a\",\"metadata\":{\"k\":1}}", "metadata.k"));
        c.add(body("create: metadata null value", "POST", create,
                "{\"expressCustomerName\":\"a\",\"metadata\":{\"k\":null}}", "metadata.k"));
        c.add(body("create: metadata object value", "POST", create,
                "{\"expressCustomerName\":\"a\",\"metadata\":{\"k\":{\"x\":\"y\"}}}", "metadata.k"));
        c.add(body("create: metadata 51 pairs", "POST", create,
                "{\"expressCustomerName\":\"a\",\"metadata\":" + pairs(51) + "}", "metadata"));
        c.add(body("create: metadata key 101 characters", "POST", create,
                "{\"expressCustomerName\":\"a\",\"metadata\":{\"" + "k".repeat(101) + "\":\"v\"}}", "metadata"));
        c.add(body("create: metadata empty key", "POST", create,
                "{\"expressCustomerName\":\"a\",\"metadata\":{\"\":\"v\"}}", "metadata"));
        c.add(body("create: metadata value 1001 characters", "POST", create,
                "{\"expressCustomerName\":\"a\",\"metadata\":{\"k\":\"" + "v".repeat(1001) + "\"}}", "metadata.k"));
        // Update bodies
        c.add(body("update: name null", "PATCH", one, "{\"expressCustomerName\":null}", "expressCustomerName"));
        c.add(body("update: name empty", "PATCH", one, "{\"expressCustomerName\":\"\"}", "expressCustomerName"));
        c.add(body("update: name number", "PATCH", one, "{\"expressCustomerName\":1}", "expressCustomerName"));
        c.add(body("update: metadata number", "PATCH", one, "{\"metadata\":5}", "metadata"));
        c.add(body("update: metadata array", "PATCH", one, "{\"metadata\":[\"a\"]}", "metadata"));
        c.add(body("update: body is an array", "PATCH", one, "[1]", "JSON object"));
        c.add(body("update: body is not JSON", "PATCH", one, "{", "not valid JSON"));
        // Path IDs
        c.add(query("retrieve: id not branded", "/v1/express/abc", "expressCustomerId", null));
        c.add(query("retrieve: id upper-case hex", "/v1/express/cus_" + HEX31.toUpperCase() + "F", "expressCustomerId", null));
        c.add(query("retrieve: id one digit short", "/v1/express/cus_" + HEX31, "expressCustomerId", null));
        c.add(query("retrieve: a user id", "/v1/express/usr_" + HEX31 + "f", "expressCustomerId", null));
        c.add(query("retrieve: id with a dot", "/v1/express/cus_" + HEX31 + ".", "expressCustomerId", null));
        c.add(new Case("deactivate: malformed id", "POST", "/v1/express/cus_1/deactivate", null, null, "admin", 400,
                "expressCustomerId", null));
        c.add(new Case("reactivate: malformed id", "POST", "/v1/express/x/reactivate", null, null, "admin", 400,
                "expressCustomerId", null));
        c.add(body("update: malformed id", "PATCH", "/v1/express/cus_zz", "{}", "expressCustomerId"));
        c.add(new Case("retrieve: unknown id", "GET", "/v1/express/" + UNKNOWN, null, null, "admin", 404, null,
                "EXPRESS-NOT-FOUND"));
        c.add(new Case("deactivate: unknown id", "POST", "/v1/express/" + UNKNOWN + "/deactivate", null, null,
                "admin", 404, null, "EXPRESS-NOT-FOUND"));
        // Query values
        c.add(query("list: limit 0", "/v1/express?limit=0", "limit", null));
        c.add(query("list: limit 101", "/v1/express?limit=101", "limit", null));
        c.add(query("list: limit negative", "/v1/express?limit=-5", "limit", null));
        c.add(query("list: limit fractional", "/v1/express?limit=10.5", "limit", null));
        c.add(query("list: limit not a number", "/v1/express?limit=abc", "limit", null));
        c.add(query("list: limit NaN", "/v1/express?limit=NaN", "limit", null));
        c.add(query("list: limit huge", "/v1/express?limit=100000000000000000000000", "limit", null));
        c.add(query("list: limit in exponent form", "/v1/express?limit=1e1", "limit", null));
        c.add(query("list: limit with a sign", "/v1/express?limit=%2B10", "limit", null));
        c.add(query("list: limit with spaces", "/v1/express?limit=%2010", "limit", null));
        c.add(query("list: limit twice", "/v1/express?limit=10&limit=20", "limit", null));
        c.add(query("list: cursor garbage", "/v1/express?cursor=not-a-cursor", "cursor", "ROSTER-INVALID-CURSOR"));
        c.add(query("list: cursor not base64", "/v1/express?cursor=%25%25%25", "cursor", "ROSTER-INVALID-CURSOR"));
        c.add(query("list: cursor of another shape", "/v1/express?cursor=YzF8MXx1c3JfeHx5", "cursor",
                "ROSTER-INVALID-CURSOR"));
        // Headers
        c.add(auth("auth: no Authorization header", null, "ROSTER-AUTH-MISSING"));
        c.add(auth("auth: Basic scheme", "Basic dXNlcjpwYXNz", "AUTH-7fs1e"));
        c.add(auth("auth: Bearer without a token", "Bearer ", "AUTH-7fs1e"));
        c.add(auth("auth: unknown key", "Bearer sk_live_00000000000000000000000000000000", "AUTH-7fs1e"));
        c.add(auth("auth: token without a scheme", "sk_live_00000000000000000000000000000000", "AUTH-7fs1e"));
        c.add(new Case("reason header too long", "POST", "/v1/express/{id}/deactivate", null, null,
                "admin+reason", 400, "Roster-Reason", null));
        // Instance administration
        c.add(body("organization: no name", "POST", "/v1/organizations", "{}", "name"));
        c.add(body("organization: name number", "POST", "/v1/organizations", "{\"name\":3}", "name"));
        c.add(body("api key: malformed organization id", "POST", "/v1/organizations/org_1/api-keys",
                "{\"name\":\"k\"}", "organizationId"));
        c.add(new Case("api key revoke: id not a UUID", "DELETE",
                "/v1/organizations/org_00000000000000000000000000000001/api-keys/123", null, null, "admin", 400,
                "apiKeyId", null));
        c.add(new Case("api key: unknown organization", "POST",
                "/v1/organizations/org_" + HEX31 + "0/api-keys", "{\"name\":\"k\"}", "application/json", "admin",
                404, null, "ORGANIZATION-NOT-FOUND"));
        return c;
    }

    static Stream<Arguments> everyCaseOnEveryEngine() {
        return Stream.of(Engine.values()).flatMap(e -> cases().stream().map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyCaseOnEveryEngine")
    void isRefusedWithTheErrorBodyAndChangesNothing(Engine engine, Case c) {
        TestServer server = servers.on(engine);
        String id = customer(engine);
        long eventsBefore = eventCount(server);
        JsonNode before = servers.admin(engine).get("/v1/express/" + id).json();

        Reply r = send(server, c, id);

        assertThat(r.status()).as(r.body()).isEqualTo(c.status());
        JsonNode error = r.json();
        assertThat(error.get("code").isInt()).isTrue();
        assertThat(error.get("message").asText()).matches("(?s).+ \\([A-Za-z0-9-]+\\)$");
        assertThat(error.get("details")).hasSize(1);
        assertThat(error.get("details").get(0).get("@type").asText())
                .isEqualTo("type.googleapis.com/zitadel.v1.ErrorDetail");
        if (c.mention() != null) {
            assertThat(error.get("message").asText()).contains(c.mention());
        }
        if (c.errorId() != null) {
            assertThat(r.errorId()).isEqualTo(c.errorId());
        }
        assertThat(r.header("x-should-retry")).isEqualTo("false");
        assertThat(r.header("x-request-id")).startsWith("req_");
        assertThat(r.body()).doesNotContain("Exception", "\tat ");
        assertThat(eventCount(server)).isEqualTo(eventsBefore);
        assertThat(servers.admin(engine).get("/v1/express/" + id).json()).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void theTableHasAtLeastFortyCases() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(40);
    }

    private static Reply send(TestServer server, Case c, String id) {
        Http http = switch (c.auth() == null ? "none" : c.auth()) {
            case "none" -> server.http();
            case "admin" -> server.http().as(TestServer.ADMIN_KEY);
            case "admin+reason" -> server.http().as(TestServer.ADMIN_KEY).with("Roster-Reason", "r".repeat(501));
            default -> server.http().with("Authorization", c.auth());
        };
        return http.send(c.method(), c.path().replace("{id}", id), c.body(), c.body() == null ? null : c.contentType());
    }

    private static synchronized String customer(Engine engine) {
        return CUSTOMER.computeIfAbsent(engine, e ->
                ExpressCustomersTest.create(servers.admin(e), "Target of bad input", Map.of("keep", "me")));
    }

    private static long eventCount(TestServer server) {
        return server.database().read(h -> h.createQuery("SELECT COUNT(*) FROM events").mapTo(Long.class).one());
    }

    private static String pairs(int n) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        return sb.append('}').toString();
    }
}
