package dev.roster.http;

import static dev.roster.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.roster.domain.QueryLimits;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Requests a careless or hostile client sends, over real HTTP: each is a 400 in the one error shape naming what was
 * wrong, never a 500, and changes nothing.
 */
class HostileInputTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMultipartBodyOnV1IsRefusedNamingTheContentType(Engine engine) {
        Http api = servers.newTenant(engine);

        Reply create = api.send("POST", "/v1/express", "x", "multipart/form-data; boundary=x");
        Reply list = api.send("GET", "/v1/express?limit=2", "--x--", "multipart/form-data; boundary=x");

        for (Reply r : List.of(create, list)) {
            assertRefused(r, "Content-Type");
        }
        assertThat(api.get("/v1/express").json().get("expressCustomers")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void listUsersRefusesMoreQueriesOrListedValuesThanDocumented(Engine engine) {
        Http api = servers.newTenant(engine);
        ArrayNode many = Http.JSON.createArrayNode();
        for (int i = 0; i <= QueryLimits.MAX_QUERIES; i++) {
            many.add(json("userNameQuery", json("userName", "u" + i)));
        }
        ArrayNode nested = Http.JSON.createArrayNode().add(json("orQuery", json("queries", many)));
        ArrayNode ids = Http.JSON.createArrayNode();
        for (int i = 0; i <= QueryLimits.MAX_LIST_VALUES; i++) {
            ids.add("usr_" + i);
        }

        assertRefused(api.post("/v2/users", json("queries", many)), "queries");
        assertRefused(api.post("/v2/users", json("queries", nested)), "queries");
        assertRefused(api.post("/v2/users", json("queries", List.of(json("inUserIdsQuery", json("userIds", ids))))),
                "inUserIdsQuery.userIds");
        assertRefused(api.post("/v2/sessions/search", json("queries", List.of(json("idsQuery", json("ids", ids))))),
                "idsQuery.ids");

        many.remove(0);
        Reply atTheLimit = api.post("/v2/users", json("queries", many));
        assertThat(atTheLimit.status()).as(atTheLimit.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void v2ValuesThatDoNotParseAreRefusedNamingTheirField(Engine engine) {
        Http api = servers.newTenant(engine);

        for (String lifetime : List.of("s", "1e3s", "NaNs", "5x")) {
            assertRefused(api.post("/v2/sessions", json("lifetime", lifetime)), "lifetime");
        }
        assertRefused(api.post("/v2/users", json("query", json("limit", ""))), "query.limit");
        assertRefused(api.post("/v2/users", json("queries", List.of(json("inUserIdsQuery",
                json("userIds", List.of("a", Map.of())))))), "queries[0].inUserIdsQuery.userIds[1]");
        assertThat(api.post("/v2/sessions/search", Http.object()).json().path("sessions")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sessionLifetimesAndQueryTimesOutOfRangeAreRefused(Engine engine) {
        Http api = servers.newTenant(engine);

        assertRefused(api.post("/v2/sessions", json("lifetime", "315576000000s")), "lifetime");
        assertRefused(api.post("/v2/sessions", json("lifetime", "315360001s")), "lifetime");
        Reply tenYears = api.post("/v2/sessions", json("lifetime", "315360000s"));
        assertThat(tenYears.status()).as(tenYears.body()).isEqualTo(201);

        String id = tenYears.json().get("sessionId").asText();
        Reply read = api.get("/v2/sessions/" + id);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().at("/session/expirationDate").asText()).startsWith("20");
        Reply search = api.post("/v2/sessions/search", Http.object());
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        assertThat(search.json().get("sessions")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void textThatIsNotUnicodeIsRefusedNamingTheField(Engine engine) {
        Http api = servers.newTenant(engine);

        assertRefused(api.send("POST", "/v1/express", "{\"expressCustomerName\":\"a\\ud800b\"}", "application/json"),
                "expressCustomerName");
        assertRefused(api.send("POST", "/v2/users/human", "{\"profile\":{\"givenName\":\"A\\udc00\",\"familyName\":"
                + "\"L\"},\"email\":{\"email\":\"lone@example.com\"}}", "application/json"), "profile.givenName");
        assertRefused(rawPost(api, "/v1/express", "{\"expressCustomerName\":\"a\u0001b\"}", (byte) 0xff),
                "expressCustomerName");
        assertRefused(rawPost(api, "/v2/users/human", "{\"profile\":{\"givenName\":\"A\u0001\",\"familyName\":\"L\"},"
                + "\"email\":{\"email\":\"bytes@example.com\"}}", (byte) 0xff), "profile.givenName");

        Reply pair = api.post("/v1/express", json("expressCustomerName", "smile \uD83D\uDE00"));
        assertThat(pair.status()).as("a proper surrogate pair").isEqualTo(200);
        assertThat(api.get("/v1/express").json().get("expressCustomers")).hasSize(1);
        assertThat(api.post("/v2/users", Http.object()).json().path("result")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theReasonHeaderIsUtf8AndItsLimitCountsCharacters(Engine engine) {
        TestServer server = servers.on(engine);
        Http api = servers.admin(engine);
        String id = api.post("/v1/express", json("expressCustomerName", "Reasoned")).json()
                .get("expressCustomerId").asText();

        // As bytes on a socket: the JDK's HTTP client sends each char of a header that is not ASCII as '?'.
        String answer = api.raw(("POST /v1/express/" + id + "/deactivate HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer " + TestServer.ADMIN_KEY + "\r\nRoster-Reason: Vertragsende – Grund\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(reasons(server, id)).containsExactly("Vertragsende – Grund");

        String fiveHundred = api.raw(("POST /v1/express/" + id + "/reactivate HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer " + TestServer.ADMIN_KEY + "\r\nRoster-Reason: " + "ä".repeat(500)
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(fiveHundred).as("500 characters, 1,000 bytes").startsWith("HTTP/1.1 200");
        byte[] latin1 = ("POST /v1/express/" + id + "/deactivate HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer " + TestServer.ADMIN_KEY + "\r\nRoster-Reason: r\u00e9sili\u00e9\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        String notUtf8 = api.raw(latin1);
        assertThat(notUtf8).startsWith("HTTP/1.1 400").contains("Roster-Reason").containsIgnoringCase("x-request-id");
        assertThat(reasons(server, id)).hasSize(2);
    }

    private static List<String> reasons(TestServer server, String id) {
        return server.database().read(h -> h.createQuery(
                        "SELECT reason FROM events WHERE aggregate_id = :id AND reason IS NOT NULL ORDER BY position")
                .bind("id", id).mapTo(String.class).list());
    }

    /** POSTs {@code json} with each U+0001 in it replaced by {@code bad}, a byte that is not UTF-8. */
    private static Reply rawPost(Http api, String path, String json, byte bad) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte b : json.getBytes(StandardCharsets.UTF_8)) {
            body.write(b == 1 ? bad : b);
        }
        return api.sendBytes("POST", path, body.toByteArray(), "application/json");
    }

    private static void assertRefused(Reply r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("code").asInt()).as(r.body()).isEqualTo(3);
        assertThat(r.json().get("message").asText()).as(r.body()).contains(field);
        assertThat(r.json().get("details")).hasSize(1);
        assertThat(r.header("x-request-id")).isNotNull();
    }
}
