package dev.roster.http.v1;

import static dev.roster.http.v1.Viewer.study;
import static dev.roster.testing.Http.json;
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

/** Another organization's key cannot see or touch studies or Viewer users: every attempt is a 404, lists stay apart. */
class ViewerTenantIsolationTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anotherOrganizationsKeyGetsNotFoundForEveryStudyReadAndWrite(Engine engine) {
        Http first = servers.newTenant(engine);
        Http second = servers.newTenant(engine);
        JsonNode s = study(first);
        String id = s.get("studyId").asText();
        String uid = s.get("studyInstanceUid").asText();

        List<Reply> attempts = new ArrayList<>();
        attempts.add(second.get("/v1/viewer/studies/" + id));
        attempts.add(second.get("/v1/viewer/studies/by-uid/" + uid));
        attempts.add(second.patch("/v1/viewer/studies/" + id, json("studyDescription", "stolen")));
        attempts.add(second.patch("/v1/viewer/studies/" + id, json()));
        for (String op : new String[] {"cancel", "uncancel", "reroute-url"}) {
            attempts.add(second.post("/v1/viewer/studies/" + op, json("studyId", id)));
            attempts.add(second.post("/v1/viewer/studies/" + op, json("studyInstanceUid", uid)));
        }

        assertThat(attempts).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.errorId()).isEqualTo("STUDY-NOT-FOUND");
        });
        assertThat(first.get("/v1/viewer/studies/" + id).json()).isEqualTo(s);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anotherOrganizationsCustomerOrUserCannotBeReferenced(Engine engine) {
        Http first = servers.newTenant(engine);
        Http second = servers.newTenant(engine);
        String customer = Viewer.customer(first, "First's");
        String user = Viewer.invite(first).get("userId").asText();
        String secondsStudy = study(second).get("studyId").asText();

        assertThat(Viewer.createStudy(second, "expressCustomerId", customer).errorId()).isEqualTo("EXPRESS-NOT-FOUND");
        assertThat(Viewer.createStudy(second, "assignedTo", user).errorId()).isEqualTo("QUERY-Dfbg2");
        assertThat(second.patch("/v1/viewer/studies/" + secondsStudy, json("assignedTo", user)).status()).isEqualTo(404);
        assertThat(StudyListTest.ids(second, "")).containsExactly(secondsStudy);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anotherOrganizationsKeyGetsNotFoundForEveryViewerUserReadAndWrite(Engine engine) {
        Http first = servers.newTenant(engine);
        Http second = servers.newTenant(engine);
        JsonNode u = Viewer.invite(first);
        String id = u.get("userId").asText();

        List<Reply> attempts = List.of(
                second.get("/v1/viewer/users/" + id),
                second.patch("/v1/viewer/users/" + id, json("firstName", "stolen")),
                second.post("/v1/viewer/users/revoke-access", json("userId", id)),
                second.post("/v1/viewer/users/reactivate", json("userId", id)));

        assertThat(attempts).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.errorId()).isEqualTo("QUERY-Dfbg2");
        });
        assertThat(first.get("/v1/viewer/users/" + id).json()).isEqualTo(u);
        assertThat(ViewerUsersTest.v2State(first, id)).isEqualTo("USER_STATE_INITIAL");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void listsShowOnlyTheCallersOwnStudiesAndUsers(Engine engine) {
        Http first = servers.newTenant(engine);
        Http second = servers.newTenant(engine);
        String mineStudy = study(first).get("studyId").asText();
        String theirStudy = study(second).get("studyId").asText();
        String mineUser = Viewer.invite(first).get("userId").asText();
        String theirUser = Viewer.invite(second).get("userId").asText();

        assertThat(StudyListTest.ids(first, "")).containsExactly(mineStudy);
        assertThat(StudyListTest.ids(second, "")).containsExactly(theirStudy);
        assertThat(ViewerUserListTest.ids(first, "")).containsExactly(mineUser);
        assertThat(ViewerUserListTest.ids(second, "")).containsExactly(theirUser);

        String cursor = first.get("/v1/viewer/studies?limit=1").json().path("cursor").asText(null);
        assertThat(cursor).isNull(); // one study: no next page, so nothing to carry across tenants
        String newer = study(first).get("studyId").asText();
        String next = first.get("/v1/viewer/studies?limit=1").json().get("cursor").asText();
        Reply foreign = second.get("/v1/viewer/studies?limit=1&cursor=" + next);
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(400);
        assertThat(foreign.errorId()).isEqualTo("ROSTER-INVALID-CURSOR");
        assertThat(foreign.body()).doesNotContain(mineStudy, newer);
    }
}
