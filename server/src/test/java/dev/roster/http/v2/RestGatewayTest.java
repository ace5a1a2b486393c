package dev.roster.http.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What REST clients of grpc-gateway rely on (zitadel-v2.md §1, §7, §8.3), checked on the raw HTTP exchange. */
class RestGatewayTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    private static Http http() {
        return servers.admin(Engine.SQLITE);
    }

    private static String addUser(Http http, String password) {
        JsonNode body = Http.json(
                "profile", Http.json("givenName", "Ada", "familyName", "Lovelace"),
                "email", Http.json("email", "r" + UUID.randomUUID().toString().substring(0, 12) + "@example.com"));
        if (password != null) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) body).set("password", Http.json("password", password));
        }
        Reply r = http.post("/v2/users/human", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("userId").asText();
    }

    @Test
    void exactErrorBodyAndNoGrpcHeaders() {
        Http http = http();
        String id = addUser(http, null);
        Reply ok = http.post("/v2/users/" + id + "/deactivate");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("content-type")).startsWith("application/json");
        assertThat(ok.header("grpc-status")).isNull();
        assertThat(ok.json().path("details").path("sequence").asText()).isEqualTo("2"); // uint64 as a JSON string

        Reply again = http.post("/v2/users/" + id + "/deactivate", Http.json());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.header("grpc-status")).isNull();
        assertThat(again.body()).isEqualTo("{\"code\":9,\"message\":\"User already inactive (COMMAND-5gunjw0cd7)\","
                + "\"details\":[{\"@type\":\"type.googleapis.com/zitadel.v1.ErrorDetail\","
                + "\"id\":\"COMMAND-5gunjw0cd7\",\"message\":\"User already inactive\"}]}");
        assertThat(again.header("x-should-retry")).isEqualTo("false");
    }

    @Test
    void bodiesAreJsonWhateverTheContentTypeAndUnknownFieldsAreIgnored() {
        Http http = http();
        String body = "{\"profile\":{\"givenName\":\"Ada\",\"familyName\":\"L\"},\"email\":{\"email\":\"plain-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com\"},\"somethingNew\":{\"x\":1}}";
        Reply plain = http.send("POST", "/v2/users/human", body, "text/plain");
        assertThat(plain.status()).as(plain.toString()).isEqualTo(200);
        Reply none = http.send("POST", "/v2/users/" + plain.json().path("userId").asText() + "/lock", "", null);
        assertThat(none.status()).as(none.toString()).isEqualTo(200);
        Reply malformed = http.send("POST", "/v2/users/human", "{not json", "application/json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("code").asInt()).isEqualTo(3);
        assertThat(malformed.json().path("details").size()).isEqualTo(1);
    }

    @Test
    void createSessionAnswers201AndGetSessionTakesTheTokenUnderEitherName() {
        Http http = http();
        String id = addUser(http, "a long enough password");
        Reply created = http.post("/v2/sessions", Http.json("checks", Http.json(
                "user", Http.json("userId", id), "password", Http.json("password", "a long enough password"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("location")).isNull();
        String sessionId = created.json().path("sessionId").asText();
        String token = created.json().path("sessionToken").asText();
        assertThat(http.get("/v2/sessions/" + sessionId + "?sessionToken=" + token).status()).isEqualTo(200);
        assertThat(http.get("/v2/sessions/" + sessionId + "?session_token=" + token).status()).isEqualTo(200);
        Reply wrong = http.get("/v2/sessions/" + sessionId + "?session_token=nope");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.errorId()).isEqualTo("QUERY-dsfr3");
        Reply wrongPassword = http.post("/v2/sessions", Http.json("checks", Http.json(
                "user", Http.json("userId", id), "password", Http.json("password", "not the password"))));
        assertThat(wrongPassword.status()).isEqualTo(400);
        JsonNode detail = wrongPassword.json().path("details").get(0);
        assertThat(detail.path("@type").asText()).isEqualTo("type.googleapis.com/zitadel.v1.CredentialsCheckError");
        assertThat(detail.path("failedAttempts").asInt()).isEqualTo(1);
        Reply deleted = http.delete("/v2/sessions/" + sessionId, Http.json("sessionToken", token));
        assertThat(deleted.status()).isEqualTo(200);
    }

    @Test
    void routingAndAuthenticationErrorsHaveTheSameShape() {
        Http anonymous = servers.on(Engine.SQLITE).http();
        Reply noAuth = anonymous.get("/v2/users/usr_" + "0".repeat(32));
        assertThat(noAuth.status()).isEqualTo(401);
        assertThat(noAuth.json().path("code").asInt()).isEqualTo(16);
        assertThat(noAuth.header("www-authenticate")).isEqualTo("Bearer");
        Reply badKey = anonymous.as("sk_live_unknown").get("/v2/users/usr_" + "0".repeat(32));
        assertThat(badKey.status()).isEqualTo(401);
        assertThat(badKey.errorId()).isEqualTo("AUTH-7fs1e");

        Http http = http();
        Reply wrongMethod = http.send("PATCH", "/v2/users/usr_" + "0".repeat(32), "{}", "application/json");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().path("code").asInt()).isEqualTo(12);
        Reply noRoute = http.get("/v2/nothing-here");
        assertThat(noRoute.status()).isEqualTo(404);
        assertThat(noRoute.json().path("code").asInt()).isEqualTo(5);
        Reply tooMany = http.post("/v2/users", Http.json("query", Http.json("limit", 1001)));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.errorId()).isEqualTo("QUERY-4M0fs");
        Reply emptyQuery = http.post("/v2/users", Http.json("queries", java.util.List.of(Http.json())));
        assertThat(emptyQuery.errorId()).isEqualTo("GRPC-vR9nC");
        Reply idpLinks = http.post("/v2/users/human", Http.json(
                "profile", Http.json("givenName", "A", "familyName", "B"),
                "email", Http.json("email", "idp@example.com"),
                "idpLinks", java.util.List.of(Http.json("idpId", "x"))));
        assertThat(idpLinks.status()).isEqualTo(501);
        assertThat(idpLinks.errorId()).isEqualTo("ROSTER-UNSUPPORTED");
        Reply noProfile = http.post("/v2/users/human", Http.json("email", Http.json("email", "np@example.com")));
        assertThat(noProfile.status()).isEqualTo(400);
        assertThat(noProfile.json().path("message").asText()).contains("profile");
    }

    @Test
    void everyChangeIsAnEventWithActorAndReason() {
        Http http = http().with("Roster-Reason", "left the clinic");
        String id = addUser(http, "a long enough password");
        Reply session = http.post("/v2/sessions", Http.json("checks", Http.json(
                "user", Http.json("userId", id), "password", Http.json("password", "a long enough password"))));
        String sessionId = session.json().path("sessionId").asText();
        assertThat(http.post("/v2/users/" + id + "/deactivate").status()).isEqualTo(200);

        var rows = servers.on(Engine.SQLITE).database().read(h -> h.createQuery("""
                        SELECT aggregate_id, aggregate_version, type, actor_type, reason FROM events
                        WHERE aggregate_id IN (:user, :session) ORDER BY position""")
                .bind("user", id).bind("session", sessionId).mapToMap().list());
        assertThat(rows).extracting(r -> r.get("type")).containsExactly(
                "user.added", "session.created", "user.deactivated", "session.terminated");
        assertThat(rows).extracting(r -> r.get("actor_type")).containsOnly("api_key");
        assertThat(rows).extracting(r -> r.get("reason")).containsOnly("left the clinic");
        assertThat(((Number) rows.get(2).get("aggregate_version")).longValue()).isEqualTo(2);
        assertThat(((Number) rows.get(3).get("aggregate_version")).longValue()).isEqualTo(2);
    }

    @Test
    void unframedJsonCallsUseTheSameErrorBody() {
        Http http = http();
        String id = addUser(http, null);
        Reply ok = http.send("POST", "/zitadel.user.v2.UserService/LockUser", "{\"userId\":\"" + id + "\"}",
                "application/json");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        Reply again = http.send("POST", "/zitadel.user.v2.UserService/LockUser", "{\"userId\":\"" + id + "\"}",
                "application/json");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("code").asInt()).isEqualTo(9);
        assertThat(again.errorId()).isEqualTo("COMMAND-lgws8wtsqf");
    }

    @Test
    void grpcWebPreflightAllowsBrowsers() {
        assertPreflightAllowed("/zitadel.user.v2.UserService/DeactivateUser");
        Reply call = grpcWebCallFromAnotherOrigin("/zitadel.user.v2.UserService/GetUserByID");
        assertThat(call.header("access-control-expose-headers")).contains("grpc-status-details-bin");
    }

    /**
     * A browser only shows a cross-origin answer that carries CORS headers: without them a gRPC-Web call of a method
     * Roster does not serve would reach the page as a network error instead of UNIMPLEMENTED.
     */
    @Test
    void browsersAlsoHearOfMethodsRosterDoesNotServe() {
        assertPreflightAllowed("/zitadel.user.v2.UserService/NoSuchMethod");

        Reply unknownMethod = grpcWebCallFromAnotherOrigin("/zitadel.user.v2.UserService/NoSuchMethod");
        assertThat(unknownMethod.header("grpc-status")).isEqualTo("12");
        assertThat(unknownMethod.header("access-control-allow-origin")).isNotNull();
        assertThat(unknownMethod.header("access-control-expose-headers")).contains("grpc-status");

        Reply notACall = servers.on(Engine.SQLITE).http().as(TestServer.ADMIN_KEY)
                .send("GET", "/zitadel.user.v2.UserService/NoSuchMethod", null, null);
        assertThat(notACall.status()).isEqualTo(404);
    }

    private Reply grpcWebCallFromAnotherOrigin(String path) {
        return servers.on(Engine.SQLITE).http().as(TestServer.ADMIN_KEY)
                .with("Origin", "https://app.example.com")
                .send("POST", path, "", "application/grpc-web+proto");
    }

    private void assertPreflightAllowed(String path) {
        Reply preflight = servers.on(Engine.SQLITE).http()
                .with("Origin", "https://app.example.com")
                .with("Access-Control-Request-Method", "POST")
                .with("Access-Control-Request-Headers", "authorization,content-type,x-grpc-web,x-user-agent")
                .send("OPTIONS", path, null, null);
        assertThat(preflight.status()).as(path).isEqualTo(200);
        assertThat(preflight.header("access-control-allow-origin")).as(path).isNotNull();
        assertThat(preflight.header("access-control-allow-headers")).as(path)
                .contains("authorization").contains("x-grpc-web");
    }
}
