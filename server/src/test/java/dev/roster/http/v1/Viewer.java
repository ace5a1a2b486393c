package dev.roster.http.v1;

import static dev.roster.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.TestServer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Fixtures for the Viewer tests, all made over the public HTTP APIs (v1 and v2). */
final class Viewer {
    private static final AtomicLong UIDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private Viewer() {
    }

    /** A fresh, valid DICOM UID, unique within the test JVM. */
    static String uid() {
        return "1.2.840.113619." + UIDS.incrementAndGet();
    }

    static String uniqueEmail() {
        return "u" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    static String customer(Http http, String name) {
        Reply r = http.post("/v1/express", json("expressCustomerName", name));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("expressCustomerId").asText();
    }

    static JsonNode study(Http http, Object... extra) {
        Reply r = createStudy(http, extra);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** A create with a fresh UID and the required fields; {@code extra} pairs add or override fields. */
    static Reply createStudy(Http http, Object... extra) {
        return http.post("/v1/viewer/studies", createStudyBody(extra));
    }

    static com.fasterxml.jackson.databind.node.ObjectNode createStudyBody(Object... extra) {
        var body = json("studyInstanceUid", uid(), "studyDescription", "Brain MRI with Contrast", "severity", "normal");
        body.setAll(json(extra));
        return body;
    }

    /** A user made over v2 (ACTIVE), optionally with a password. */
    static String v2User(Http http, String givenName, String familyName, String password) {
        var body = json("profile", json("givenName", givenName, "familyName", familyName),
                "email", json("email", uniqueEmail()));
        if (password != null) {
            body.set("password", json("password", password));
        }
        Reply r = http.post("/v2/users/human", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("userId").asText();
    }

    /** A user invited over v1 (v2 state INITIAL). */
    static JsonNode invite(Http http, Object... extra) {
        Reply r = http.post("/v1/viewer/users", inviteBody(extra));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static com.fasterxml.jackson.databind.node.ObjectNode inviteBody(Object... extra) {
        var body = json("email", uniqueEmail(), "firstName", "Grace", "lastName", "Hopper",
                "clinicRole", "Radiologist", "level", "member", "canManageStudies", true,
                "hasDashboardAccess", false);
        body.setAll(json(extra));
        return body;
    }

    static List<String> ids(JsonNode page, String itemsKey, String idKey) {
        List<String> ids = new ArrayList<>();
        page.get(itemsKey).forEach(item -> ids.add(item.get(idKey).asText()));
        return ids;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    /** The event types of one aggregate, oldest first, as "version type". */
    static List<String> events(TestServer server, String aggregateId) {
        return server.database().read(h -> h.createQuery(
                        "SELECT aggregate_version, type FROM events WHERE aggregate_id = :id ORDER BY position")
                .bind("id", aggregateId)
                .map((rs, ctx) -> rs.getLong(1) + " " + rs.getString(2))
                .list());
    }

    static long eventCount(TestServer server) {
        return server.database().read(h -> h.createQuery("SELECT COUNT(*) FROM events").mapTo(Long.class).one());
    }

    static Map<String, Object> metadata(String... pairs) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
