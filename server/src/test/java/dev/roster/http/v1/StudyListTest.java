package dev.roster.http.v1;

import static dev.roster.http.v1.Viewer.study;
import static dev.roster.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The study list: every filter of S4, newest first, and a keyset cursor bound to its query. */
class StudyListTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    /** One tenant with studies that differ in every filtered attribute. */
    record World(Http api, String ada, String bob, String customer, String otherCustomer, String plain,
                 String adaNorth, String bobCancelled, String statComplete, String unicode) {
    }

    static World world(Engine engine) {
        Http api = servers.newTenant(engine);
        String ada = Viewer.invite(api).get("userId").asText();
        String bob = Viewer.v2User(api, "Bob", "Builder", null);
        String customer = Viewer.customer(api, "North");
        String otherCustomer = Viewer.customer(api, "South");
        String plain = id(study(api, "studyDescription", "Chest X-ray"));
        String adaNorth = id(study(api, "studyDescription", "CT Chest with contrast", "assignedTo", ada,
                "expressCustomerId", customer, "severity", "high"));
        String bobCancelled = id(study(api, "studyDescription", "Brain MRI", "assignedTo", bob,
                "expressCustomerId", otherCustomer));
        api.post("/v1/viewer/studies/cancel", json("studyId", bobCancelled));
        String statComplete = id(study(api, "studyDescription", "Knee", "severity", "stat",
                "expressCustomerId", customer));
        api.patch("/v1/viewer/studies/" + statComplete, json("studyViewerStatus", "complete"));
        String unicode = id(study(api, "studyDescription", "ÉCHOGRAPHIE abdominale"));
        return new World(api, ada, bob, customer, otherCustomer, plain, adaNorth, bobCancelled, statComplete, unicode);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void withoutFiltersEverythingComesNewestFirst(Engine engine) {
        World w = world(engine);
        assertThat(ids(w.api(), "")).containsExactly(w.unicode(), w.statComplete(), w.bobCancelled(), w.adaNorth(),
                w.plain());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyFilterSelectsExactlyItsStudies(Engine engine) {
        World w = world(engine);
        Http api = w.api();

        assertThat(ids(api, "assignedTo=" + w.ada())).containsExactly(w.adaNorth());
        assertThat(ids(api, "assignedTo=" + w.bob())).containsExactly(w.bobCancelled());
        assertThat(ids(api, "assignedTo=")).containsExactly(w.unicode(), w.statComplete(), w.plain());
        assertThat(ids(api, "expressCustomerId=" + w.customer())).containsExactly(w.statComplete(), w.adaNorth());
        assertThat(ids(api, "expressCustomerId=")).containsExactly(w.unicode(), w.plain());
        assertThat(ids(api, "isCancelled=true")).containsExactly(w.bobCancelled());
        assertThat(ids(api, "isCancelled=false")).containsExactly(w.unicode(), w.statComplete(), w.adaNorth(), w.plain());
        assertThat(ids(api, "severity=high")).containsExactly(w.adaNorth());
        assertThat(ids(api, "severity=stat")).containsExactly(w.statComplete());
        assertThat(ids(api, "studyViewerStatus=complete")).containsExactly(w.statComplete());
        assertThat(ids(api, "studyViewerStatus=incomplete")).hasSize(4).doesNotContain(w.statComplete());
        assertThat(ids(api, "studyDescription=chest")).containsExactly(w.adaNorth(), w.plain());
        assertThat(ids(api, "studyDescription=" + enc("CT CHEST"))).containsExactly(w.adaNorth());
        assertThat(ids(api, "studyDescription=CT+Chest")).containsExactly(w.adaNorth());
        assertThat(ids(api, "studyDescription=" + enc("échographie"))).containsExactly(w.unicode());
        assertThat(ids(api, "studyDescription=" + enc("%"))).isEmpty();
        assertThat(ids(api, "studyDescription=nothing-like-this")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void filtersCombineWithAndAndUnknownParametersAreIgnored(Engine engine) {
        World w = world(engine);
        Http api = w.api();

        assertThat(ids(api, "expressCustomerId=" + w.customer() + "&severity=high")).containsExactly(w.adaNorth());
        assertThat(ids(api, "expressCustomerId=" + w.customer() + "&assignedTo=")).containsExactly(w.statComplete());
        assertThat(ids(api, "isCancelled=false&studyDescription=brain")).isEmpty();
        assertThat(ids(api, "assignedTo=&expressCustomerId=&isCancelled=false&color=blue"))
                .containsExactly(w.unicode(), w.plain());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void pagingVisitsEveryStudyOnceAndTheLastPageHasNoCursor(Engine engine) {
        World w = world(engine);
        Http api = w.api();
        List<String> seen = new ArrayList<>();
        String query = "isCancelled=false&limit=2.0";
        JsonNode page = api.get("/v1/viewer/studies?" + query).json();
        int pages = 1;
        while (page.get("hasMore").asBoolean()) {
            assertThat(page.get("studies")).hasSize(2);
            page.get("studies").forEach(s -> seen.add(s.get("studyId").asText()));
            String cursor = page.get("cursor").asText();
            assertThat(cursor).isNotEmpty().matches("^[A-Za-z0-9_-]+$");
            // A study created meanwhile is newer than the position, so it never shows up in this walk.
            study(api);
            page = api.get("/v1/viewer/studies?" + query + "&cursor=" + cursor).json();
            pages++;
        }
        page.get("studies").forEach(s -> seen.add(s.get("studyId").asText()));
        assertThat(page.has("cursor")).isFalse();
        assertThat(pages).isEqualTo(2);
        assertThat(seen).containsExactly(w.unicode(), w.statComplete(), w.adaNorth(), w.plain());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCursorIsRefusedWithOtherFiltersOrAnotherLimit(Engine engine) {
        World w = world(engine);
        Http api = w.api();
        String cursor = api.get("/v1/viewer/studies?limit=1&severity=normal").json().get("cursor").asText();

        assertThat(api.get("/v1/viewer/studies?limit=1&severity=normal&cursor=" + cursor).status()).isEqualTo(200);
        for (String other : new String[] {"limit=1", "limit=2&severity=normal", "limit=1&severity=high",
                "limit=1&severity=normal&assignedTo=", "limit=1&severity=normal&studyDescription=x"}) {
            Reply r = api.get("/v1/viewer/studies?" + other + "&cursor=" + cursor);
            assertThat(r.status()).as(other).isEqualTo(400);
            assertThat(r.errorId()).isEqualTo("ROSTER-INVALID-CURSOR");
        }
        Reply usersCursor = api.get("/v1/viewer/users?limit=1&cursor=" + cursor);
        assertThat(usersCursor.status()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void isCancelledTakesOnlyTrueOrFalse(Engine engine) {
        Http api = servers.newTenant(engine);
        for (String bad : new String[] {"isCancelled=", "isCancelled=yes", "isCancelled=TRUE", "isCancelled=1",
                "isCancelled=true&isCancelled=false"}) {
            Reply r = api.get("/v1/viewer/studies?" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().get("message").asText()).contains("isCancelled");
        }
    }

    static List<String> ids(Http api, String query) {
        Reply r = api.get("/v1/viewer/studies?limit=100&" + query);
        assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(200);
        assertThat(r.json().get("hasMore").asBoolean()).isFalse();
        return Viewer.ids(r.json(), "studies", "studyId");
    }

    private static String id(JsonNode study) {
        return study.get("studyId").asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
