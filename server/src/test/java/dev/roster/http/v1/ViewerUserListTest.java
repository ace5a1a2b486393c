package dev.roster.http.v1;

import static dev.roster.http.v1.Viewer.invite;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Viewer user list (avara-v1.md §4.3 U4): its filters ignoring case, newest first, keyset paging. */
class ViewerUserListTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    record World(Http api, String grace, String ada, String adaEmail, String bob) {
    }

    static World world(Engine engine) {
        Http api = servers.newTenant(engine);
        String grace = invite(api, "firstName", "Grace", "lastName", "Hopper", "level", "admin",
                "hasDashboardAccess", true).get("userId").asText();
        JsonNode ada = invite(api, "firstName", "Ada", "lastName", "Lovelace");
        String bob = Viewer.v2User(api, "Bob", "Lovegood", null);
        return new World(api, grace, ada.get("userId").asText(), ada.get("email").asText(), bob);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyFilterSelectsExactlyItsUsers(Engine engine) {
        World w = world(engine);

        assertThat(ids(w.api(), "")).containsExactly(w.bob(), w.ada(), w.grace());
        assertThat(ids(w.api(), "email=" + w.adaEmail().toUpperCase())).containsExactly(w.ada());
        assertThat(ids(w.api(), "email=" + w.adaEmail().substring(1))).isEmpty();
        assertThat(ids(w.api(), "firstName=RAC")).containsExactly(w.grace());
        assertThat(ids(w.api(), "lastName=love")).containsExactly(w.bob(), w.ada());
        assertThat(ids(w.api(), "lastName=love&firstName=a")).containsExactly(w.ada());
        assertThat(ids(w.api(), "level=admin")).containsExactly(w.grace());
        assertThat(ids(w.api(), "level=member")).containsExactly(w.bob(), w.ada());
        assertThat(ids(w.api(), "level=owner")).isEmpty();
        assertThat(ids(w.api(), "invitedSource=api")).containsExactly(w.bob(), w.ada(), w.grace());
        assertThat(ids(w.api(), "invitedSource=dashboard")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void pagingVisitsEveryUserOnceWithACursorBoundToTheQuery(Engine engine) {
        World w = world(engine);
        List<String> seen = new ArrayList<>();
        JsonNode page = w.api().get("/v1/viewer/users?limit=1").json();
        while (page.get("hasMore").asBoolean()) {
            page.get("users").forEach(u -> seen.add(u.get("userId").asText()));
            String cursor = page.get("cursor").asText();
            assertThat(w.api().get("/v1/viewer/users?limit=1&level=member&cursor=" + cursor).status()).isEqualTo(400);
            page = w.api().get("/v1/viewer/users?limit=1&cursor=" + cursor).json();
        }
        page.get("users").forEach(u -> seen.add(u.get("userId").asText()));
        assertThat(page.has("cursor")).isFalse();
        assertThat(seen).containsExactly(w.bob(), w.ada(), w.grace());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void badFilterValuesAreRefusedNamingTheParameter(Engine engine) {
        Http api = servers.newTenant(engine);
        for (String bad : new String[] {"level=Admin", "level=boss", "invitedSource=web", "email=a&email=b"}) {
            Reply r = api.get("/v1/viewer/users?" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().get("message").asText()).contains(bad.substring(0, bad.indexOf('=')));
        }
        assertThat(api.get("/v1/viewer/users?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/v1/viewer/users?limit=3.0").status()).isEqualTo(200);
    }

    static List<String> ids(Http api, String query) {
        Reply r = api.get("/v1/viewer/users?limit=100&" + query);
        assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(200);
        return Viewer.ids(r.json(), "users", "userId");
    }
}
