package dev.roster.http.v1;

import static dev.roster.http.v1.Viewer.createStudy;
import static dev.roster.http.v1.Viewer.study;
import static dev.roster.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What deactivation enforces on studies (avara-v1.md §2, §6.0 items 11 and 20): no new study for an inactive
 * customer, no new assignment to a user who cannot work, and existing data left readable and editable.
 */
class StudyRulesTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anInactiveCustomerTakesNoNewStudyAndKeepsItsOldOnesUntilReactivated(Engine engine) {
        TestServer server = servers.on(engine);
        Http api = servers.newTenant(engine);
        String customer = Viewer.customer(api, "Closing clinic");
        String existing = study(api, "expressCustomerId", customer).get("studyId").asText();
        api.post("/v1/express/" + customer + "/deactivate");
        long eventsBefore = Viewer.eventCount(server);

        Reply refused = createStudy(api, "expressCustomerId", customer);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asInt()).isEqualTo(9);
        assertThat(refused.errorId()).isEqualTo("EXPRESS-CUSTOMER-INACTIVE");
        assertThat(refused.header("x-should-retry")).isEqualTo("false");
        assertThat(Viewer.eventCount(server)).isEqualTo(eventsBefore);
        assertThat(StudyListTest.ids(api, "expressCustomerId=" + customer)).containsExactly(existing);

        String path = "/v1/viewer/studies/" + existing;
        assertThat(api.get(path).status()).isEqualTo(200);
        Reply edited = api.patch(path, json("studyDescription", "still editable", "severity", "high"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("expressCustomer").get("expressCustomerId").asText()).isEqualTo(customer);
        assertThat(api.post("/v1/viewer/studies/cancel", json("studyId", existing)).status()).isEqualTo(200);
        assertThat(api.post("/v1/viewer/studies/uncancel", json("studyId", existing)).status()).isEqualTo(200);

        api.post("/v1/express/" + customer + "/reactivate");
        assertThat(createStudy(api, "expressCustomerId", customer).status()).isEqualTo(200);
        assertThat(StudyListTest.ids(api, "expressCustomerId=" + customer)).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void deletingAUserTakesThemOffTheirStudiesInTheSameChange(Engine engine) {
        TestServer server = servers.on(engine);
        Http api = servers.newTenant(engine);
        String user = Viewer.v2User(api, "Leaving", "Soon", null);
        String studyId = study(api, "assignedTo", user).get("studyId").asText();

        assertThat(api.delete("/v2/users/" + user).status()).isEqualTo(200);

        JsonNode after = api.get("/v1/viewer/studies/" + studyId).json();
        assertThat(after.path("assignedTo").isMissingNode() || after.path("assignedTo").isNull()).isTrue();
        assertThat(StudyListTest.ids(api, "assignedTo=" + user)).isEmpty();
        assertThat(StudyListTest.ids(api, "assignedTo=")).contains(studyId);
        assertThat(Viewer.events(server, studyId)).containsExactly("1 study.created", "2 study.updated");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aUserDeactivatedOrLockedOverV2CannotBeAssignedOverV1(Engine engine) {
        Http api = servers.newTenant(engine);
        String deactivated = Viewer.v2User(api, "Dee", "Active", null);
        String locked = Viewer.v2User(api, "Lock", "Ed", null);
        assertThat(api.post("/v2/users/" + deactivated + "/deactivate").status()).isEqualTo(200);
        assertThat(api.post("/v2/users/" + locked + "/lock").status()).isEqualTo(200);
        String unassigned = study(api).get("studyId").asText();

        for (String user : new String[] {deactivated, locked}) {
            Reply create = createStudy(api, "assignedTo", user);
            assertThat(create.status()).as(create.body()).isEqualTo(400);
            assertThat(create.errorId()).isEqualTo("USER-NOT-ACTIVE");
            Reply update = api.patch("/v1/viewer/studies/" + unassigned, json("assignedTo", user));
            assertThat(update.status()).isEqualTo(400);
            assertThat(update.errorId()).isEqualTo("USER-NOT-ACTIVE");
        }
        assertThat(Viewer.fieldNames(api.get("/v1/viewer/studies/" + unassigned).json())).doesNotContain("assignedTo");

        api.post("/v2/users/" + deactivated + "/reactivate");
        assertThat(api.patch("/v1/viewer/studies/" + unassigned, json("assignedTo", deactivated)).status())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aUserRevokedOverV1CannotBeAssignedButKeepsStudiesAssignedBefore(Engine engine) {
        Http api = servers.newTenant(engine);
        String userId = Viewer.invite(api).get("userId").asText();
        JsonNode kept = study(api, "assignedTo", userId);
        String other = study(api).get("studyId").asText();

        api.post("/v1/viewer/users/revoke-access", json("userId", userId));

        assertThat(createStudy(api, "assignedTo", userId).errorId()).isEqualTo("USER-NOT-ACTIVE");
        assertThat(api.patch("/v1/viewer/studies/" + other, json("assignedTo", userId)).errorId())
                .isEqualTo("USER-NOT-ACTIVE");
        String keptPath = "/v1/viewer/studies/" + kept.get("studyId").asText();
        Reply stillAssigned = api.patch(keptPath, json("assignedTo", userId, "studyDescription", "re-read"));
        assertThat(stillAssigned.status()).as(stillAssigned.body()).isEqualTo(200);
        assertThat(stillAssigned.json().get("assignedTo").get("userId").asText()).isEqualTo(userId);
        assertThat(StudyListTest.ids(api, "assignedTo=" + userId)).containsExactly(kept.get("studyId").asText());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anInvitedUserCanBeAssignedAtOnce(Engine engine) {
        Http api = servers.newTenant(engine);
        String invited = Viewer.invite(api).get("userId").asText();
        Reply r = createStudy(api, "assignedTo", invited);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("assignedTo").get("userId").asText()).isEqualTo(invited);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unknownOrDeletedUsersAndUnknownCustomersAreNotFound(Engine engine) {
        Http api = servers.newTenant(engine);
        String deleted = Viewer.v2User(api, "Gone", "Soon", null);
        assertThat(api.delete("/v2/users/" + deleted).status()).isEqualTo(200);
        String unknownUser = "usr_" + "0".repeat(32);
        String unknownCustomer = "cus_" + "0".repeat(32);

        for (String user : new String[] {deleted, unknownUser}) {
            Reply r = createStudy(api, "assignedTo", user);
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.errorId()).isEqualTo("QUERY-Dfbg2");
        }
        Reply r = createStudy(api, "expressCustomerId", unknownCustomer);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorId()).isEqualTo("EXPRESS-NOT-FOUND");
        assertThat(api.get("/v1/viewer/studies").json().get("studies")).isEmpty();
    }
}
