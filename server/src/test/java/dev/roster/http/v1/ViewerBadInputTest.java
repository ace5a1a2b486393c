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
 * Malformed requests to the Viewer endpoints: each gets a 400 with the one error body naming what was wrong,
 * carries {@code X-Should-Retry: false}, and changes nothing (the target study and user and the event count stay).
 */
class ViewerBadInputTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    private static final Map<Engine, Targets> TARGETS = new EnumMap<>(Engine.class);

    record Targets(String studyId, String userId) {
    }

    /** {@code {study}} and {@code {user}} in path or body stand for an existing study and user. */
    record Case(String name, String method, String path, String body, String mention) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case post(String name, String path, String body, String mention) {
        return new Case(name, "POST", path, body, mention);
    }

    static Case patch(String name, String path, String body, String mention) {
        return new Case(name, "PATCH", path, body, mention);
    }

    static Case get(String name, String path, String mention) {
        return new Case(name, "GET", path, null, mention);
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        String studies = "/v1/viewer/studies";
        String ok = "\"studyInstanceUid\":\"1.2.3.4\",\"studyDescription\":\"d\",\"severity\":\"normal\"";
        // Study create
        c.add(post("study create: empty object", studies, "{}", "studyInstanceUid"));
        c.add(post("study create: no description", studies, "{\"studyInstanceUid\":\"1.2\",\"severity\":\"high\"}",
                "studyDescription"));
        c.add(post("study create: no severity", studies, "{\"studyInstanceUid\":\"1.2\",\"studyDescription\":\"d\"}",
                "severity"));
        for (String uid : new String[] {"", "1..2", "01.2", "1.2.", ".1", "1.a", "1.2.03", " 1.2", "1".repeat(65)}) {
            c.add(post("study create: uid '" + abbreviate(uid) + "'", studies,
                    "{\"studyInstanceUid\":\"" + uid + "\",\"studyDescription\":\"d\",\"severity\":\"normal\"}",
                    "studyInstanceUid"));
        }
        c.add(post("study create: uid a number", studies,
                "{\"studyInstanceUid\":1.2,\"studyDescription\":\"d\",\"severity\":\"normal\"}", "studyInstanceUid"));
        c.add(post("study create: description empty", studies,
                "{\"studyInstanceUid\":\"1.2\",\"studyDescription\":\"  \",\"severity\":\"normal\"}", "studyDescription"));
        c.add(post("study create: description 1001 characters", studies,
                "{\"studyInstanceUid\":\"1.2\",\"studyDescription\":\"" + "é".repeat(1001) + "\",\"severity\":\"normal\"}",
                "studyDescription"));
        c.add(post("study create: severity unknown", studies,
                "{\"studyInstanceUid\":\"1.2\",\"studyDescription\":\"d\",\"severity\":\"urgent\"}", "severity"));
        c.add(post("study create: severity upper case", studies,
                "{\"studyInstanceUid\":\"1.2\",\"studyDescription\":\"d\",\"severity\":\"NORMAL\"}", "severity"));
        c.add(post("study create: assignedTo malformed", studies, "{" + ok + ",\"assignedTo\":\"bob\"}", "assignedTo"));
        c.add(post("study create: assignedTo null", studies, "{" + ok + ",\"assignedTo\":null}", "assignedTo"));
        c.add(post("study create: customer malformed", studies, "{" + ok + ",\"expressCustomerId\":\"cus_1\"}",
                "expressCustomerId"));
        c.add(post("study create: customer a number", studies, "{" + ok + ",\"expressCustomerId\":7}",
                "expressCustomerId"));
        c.add(post("study create: metadata number value", studies, "{" + ok + ",\"metadata\":{\"k\":1}}", "metadata.k"));
        c.add(post("study create: metadata string", studies, "{" + ok + ",\"metadata\":\"x\"}", "metadata"));
        c.add(post("study create: body an array", studies, "[{" + ok + "}]", "JSON object"));
        c.add(post("study create: body not JSON", studies, "studyInstanceUid=1.2", "not valid JSON"));
        // Study update
        String one = studies + "/{study}";
        c.add(patch("study update: description null", one, "{\"studyDescription\":null}", "studyDescription"));
        c.add(patch("study update: description empty", one, "{\"studyDescription\":\"\"}", "studyDescription"));
        c.add(patch("study update: severity null", one, "{\"severity\":null}", "severity"));
        c.add(patch("study update: severity unknown", one, "{\"severity\":\"low\"}", "severity"));
        c.add(patch("study update: status unknown", one, "{\"studyViewerStatus\":\"done\"}", "studyViewerStatus"));
        c.add(patch("study update: status null", one, "{\"studyViewerStatus\":null}", "studyViewerStatus"));
        c.add(patch("study update: assignedTo malformed", one, "{\"assignedTo\":\"usr_1\"}", "assignedTo"));
        c.add(patch("study update: assignedTo a number", one, "{\"assignedTo\":5}", "assignedTo"));
        c.add(patch("study update: metadata a number", one, "{\"metadata\":5}", "metadata"));
        c.add(patch("study update: malformed id", studies + "/stu_1", "{}", "studyId"));
        c.add(patch("study update: body not JSON", one, "{", "not valid JSON"));
        // Study reads
        c.add(get("study retrieve: id not branded", studies + "/abc", "studyId"));
        c.add(get("study retrieve: a customer id", studies + "/cus_" + "0".repeat(32), "studyId"));
        c.add(get("study by uid: double dot", studies + "/by-uid/1..2", "studyInstanceUid"));
        c.add(get("study by uid: letters", studies + "/by-uid/abc", "studyInstanceUid"));
        c.add(get("study list: isCancelled empty", studies + "?isCancelled=", "isCancelled"));
        c.add(get("study list: isCancelled maybe", studies + "?isCancelled=maybe", "isCancelled"));
        c.add(get("study list: assignedTo malformed", studies + "?assignedTo=bob", "assignedTo"));
        c.add(get("study list: customer malformed", studies + "?expressCustomerId=usr_" + "0".repeat(32),
                "expressCustomerId"));
        c.add(get("study list: severity unknown", studies + "?severity=low", "severity"));
        c.add(get("study list: status unknown", studies + "?studyViewerStatus=done", "studyViewerStatus"));
        c.add(get("study list: severity twice", studies + "?severity=high&severity=stat", "severity"));
        c.add(get("study list: limit 101", studies + "?limit=101", "limit"));
        c.add(get("study list: cursor garbage", studies + "?cursor=garbage", "cursor"));
        // Cancel, uncancel, reroute-url
        for (String op : new String[] {"cancel", "uncancel", "reroute-url"}) {
            String path = studies + "/" + op;
            c.add(post(op + ": empty object", path, "{}", "studyId"));
            c.add(post(op + ": no body", path, "", "studyId"));
            c.add(post(op + ": id malformed", path, "{\"studyId\":\"stu_1\"}", "studyId"));
            c.add(post(op + ": id null", path, "{\"studyId\":null}", "studyId"));
            c.add(post(op + ": uid malformed", path, "{\"studyInstanceUid\":\"x\"}", "studyInstanceUid"));
            c.add(post(op + ": id and uid disagree", path,
                    "{\"studyId\":\"{study}\",\"studyInstanceUid\":\"9.9.9.9.9\"}", "studyInstanceUid"));
        }
        // User invite
        String users = "/v1/viewer/users";
        String invite = "\"email\":\"x@example.com\",\"firstName\":\"F\",\"lastName\":\"L\",\"clinicRole\":\"Other\","
                + "\"level\":\"member\",\"canManageStudies\":true,\"hasDashboardAccess\":false";
        c.add(post("invite: empty object", users, "{}", "email"));
        c.add(post("invite: email not an address", users, "{" + invite.replace("x@example.com", "not-an-email") + "}",
                "email"));
        c.add(post("invite: email too long", users,
                "{" + invite.replace("x@example.com", "x".repeat(309) + "@example.com") + "}", "email"));
        c.add(post("invite: first name empty", users, "{" + invite.replace("\"F\"", "\" \"") + "}", "firstName"));
        c.add(post("invite: last name 201 characters", users,
                "{" + invite.replace("\"L\"", "\"" + "ł".repeat(201) + "\"") + "}", "lastName"));
        c.add(post("invite: clinic role unknown", users, "{" + invite.replace("\"Other\"", "\"Wizard\"") + "}",
                "clinicRole"));
        c.add(post("invite: clinic role null", users, "{" + invite.replace("\"Other\"", "null") + "}", "clinicRole"));
        c.add(post("invite: level owner", users, "{" + invite.replace("\"member\"", "\"owner\"") + "}", "level"));
        c.add(post("invite: level capitalised", users, "{" + invite.replace("\"member\"", "\"Admin\"") + "}", "level"));
        c.add(post("invite: canManageStudies a string", users, "{" + invite.replace(":true", ":\"yes\"") + "}",
                "canManageStudies"));
        c.add(post("invite: hasDashboardAccess missing", users,
                "{" + invite.replace(",\"hasDashboardAccess\":false", "") + "}", "hasDashboardAccess"));
        c.add(post("invite: admin without dashboard", users, "{" + invite.replace("\"member\"", "\"admin\"") + "}",
                "hasDashboardAccess"));
        c.add(post("invite: phone 9 digits", users, "{" + invite + ",\"phoneNumber\":\"123-456-789\"}", "phoneNumber"));
        c.add(post("invite: phone 16 digits", users, "{" + invite + ",\"phoneNumber\":\"+1234567890123456\"}",
                "phoneNumber"));
        c.add(post("invite: phone with letters", users, "{" + invite + ",\"phoneNumber\":\"555-CALL-1234567\"}",
                "phoneNumber"));
        c.add(post("invite: middle name empty", users, "{" + invite + ",\"middleName\":\"\"}", "middleName"));
        c.add(post("invite: middle name null", users, "{" + invite + ",\"middleName\":null}", "middleName"));
        c.add(post("invite: suffix 201 characters", users, "{" + invite + ",\"suffix1\":\"" + "s".repeat(201) + "\"}",
                "suffix1"));
        // User update
        String user = users + "/{user}";
        c.add(patch("user update: clinic role null", user, "{\"clinicRole\":null}", "clinicRole"));
        c.add(patch("user update: clinic role unknown", user, "{\"clinicRole\":\"Wizard\"}", "clinicRole"));
        c.add(patch("user update: first name null", user, "{\"firstName\":null}", "firstName"));
        c.add(patch("user update: last name empty", user, "{\"lastName\":\"\"}", "lastName"));
        c.add(patch("user update: level owner", user, "{\"level\":\"owner\"}", "level"));
        c.add(patch("user update: admin without dashboard", user, "{\"level\":\"admin\"}", "hasDashboardAccess"));
        c.add(patch("user update: phone too short", user, "{\"phoneNumber\":\"12\"}", "phoneNumber"));
        c.add(patch("user update: suffix empty", user, "{\"suffix2\":\"\"}", "suffix2"));
        c.add(patch("user update: canManageStudies null", user, "{\"canManageStudies\":null}", "canManageStudies"));
        c.add(patch("user update: malformed id", users + "/usr_1", "{}", "userId"));
        c.add(get("user retrieve: malformed id", users + "/abc", "userId"));
        c.add(get("user list: level unknown", users + "?level=boss", "level"));
        c.add(get("user list: invitedSource unknown", users + "?invitedSource=web", "invitedSource"));
        for (String op : new String[] {"reactivate", "revoke-access"}) {
            c.add(post(op + ": empty object", users + "/" + op, "{}", "userId"));
            c.add(post(op + ": malformed id", users + "/" + op, "{\"userId\":\"usr_1\"}", "userId"));
            c.add(post(op + ": id a number", users + "/" + op, "{\"userId\":5}", "userId"));
        }
        return c;
    }

    static Stream<Arguments> everyCaseOnEveryEngine() {
        return Stream.of(Engine.values()).flatMap(e -> cases().stream().map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyCaseOnEveryEngine")
    void isRefusedWithTheErrorBodyAndChangesNothing(Engine engine, Case c) {
        TestServer server = servers.on(engine);
        Http admin = servers.admin(engine);
        Targets t = targets(engine);
        long eventsBefore = Viewer.eventCount(server);
        JsonNode study = admin.get("/v1/viewer/studies/" + t.studyId()).json();
        JsonNode user = admin.get("/v1/viewer/users/" + t.userId()).json();

        String path = c.path().replace("{study}", t.studyId()).replace("{user}", t.userId());
        String body = c.body() == null ? null : c.body().replace("{study}", t.studyId());
        Reply r = admin.send(c.method(), path, body, body == null ? null : "application/json");

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        JsonNode error = r.json();
        assertThat(error.get("code").asInt()).isEqualTo(3);
        assertThat(error.get("message").asText()).matches("(?s).+ \\([A-Za-z0-9-]+\\)$").contains(c.mention());
        assertThat(error.get("details")).hasSize(1);
        assertThat(r.header("x-should-retry")).isEqualTo("false");
        assertThat(r.body()).doesNotContain("Exception", "\tat ");
        assertThat(Viewer.eventCount(server)).isEqualTo(eventsBefore);
        assertThat(admin.get("/v1/viewer/studies/" + t.studyId()).json()).isEqualTo(study);
        assertThat(admin.get("/v1/viewer/users/" + t.userId()).json()).isEqualTo(user);
    }

    @org.junit.jupiter.api.Test
    void theTableCoversEveryViewerEndpoint() {
        List<String> paths = cases().stream().map(c -> c.method() + " " + c.path().replaceAll("\\?.*", "")).toList();
        assertThat(paths).contains("POST /v1/viewer/studies", "PATCH /v1/viewer/studies/{study}",
                "GET /v1/viewer/studies", "GET /v1/viewer/studies/abc", "GET /v1/viewer/studies/by-uid/abc",
                "POST /v1/viewer/studies/cancel", "POST /v1/viewer/studies/uncancel",
                "POST /v1/viewer/studies/reroute-url", "POST /v1/viewer/users", "PATCH /v1/viewer/users/{user}",
                "GET /v1/viewer/users", "GET /v1/viewer/users/abc", "POST /v1/viewer/users/reactivate",
                "POST /v1/viewer/users/revoke-access");
    }

    private static synchronized Targets targets(Engine engine) {
        return TARGETS.computeIfAbsent(engine, e -> {
            Http admin = servers.admin(e);
            String user = Viewer.invite(admin, "middleName", "Keep").get("userId").asText();
            String study = Viewer.study(admin, "assignedTo", user, "metadata", Map.of("keep", "me"))
                    .get("studyId").asText();
            return new Targets(study, user);
        });
    }

    private static String abbreviate(String s) {
        return s.length() > 12 ? s.substring(0, 12) + "…" : s;
    }
}
