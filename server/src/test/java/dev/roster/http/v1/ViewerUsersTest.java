package dev.roster.http.v1;

import static dev.roster.http.v1.Viewer.events;
import static dev.roster.http.v1.Viewer.fieldNames;
import static dev.roster.http.v1.Viewer.invite;
import static dev.roster.http.v1.Viewer.inviteBody;
import static dev.roster.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.domain.ClinicRole;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Viewer user endpoints (avara-v1.md §4) on the same users as the v2 user service. */
class ViewerUsersTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    static final String TIMESTAMP = StudiesTest.TIMESTAMP;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void inviteCreatesAnInitialV2UserAndAnswersTheViewerUser(Engine engine) {
        Http api = servers.newTenant(engine);
        String email = Viewer.uniqueEmail();

        Reply r = api.post("/v1/viewer/users", inviteBody("email", email, "firstName", " Grace ", "level", "admin",
                "hasDashboardAccess", true, "clinicRole", "Pathologists' Assistant", "phoneNumber", "+1 (555) 010-9999"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode u = r.json();
        String id = u.get("userId").asText();
        assertThat(id).matches("^usr_[0-9a-f]{32}$");
        assertThat(u.get("email").asText()).isEqualTo(email);
        assertThat(u.get("firstName").asText()).isEqualTo("Grace");
        assertThat(u.get("lastName").asText()).isEqualTo("Hopper");
        assertThat(u.get("clinicRole").asText()).isEqualTo("Pathologists' Assistant");
        assertThat(u.get("level").asText()).isEqualTo("admin");
        assertThat(u.get("canManageStudies").asBoolean()).isTrue();
        assertThat(u.get("hasDashboardAccess").asBoolean()).isTrue();
        assertThat(u.get("invitedSource").asText()).isEqualTo("api");
        assertThat(u.get("createdAt").asText()).matches(TIMESTAMP);
        assertThat(u.has("lastLoginAt")).isTrue();
        assertThat(u.get("lastLoginAt").isNull()).isTrue();
        assertThat(u.get("phoneNumber").asText()).isEqualTo("+1 (555) 010-9999");
        assertThat(fieldNames(u)).doesNotContain("middleName", "suffix1", "suffix2");
        assertThat(api.get("/v1/viewer/users/" + id).json()).isEqualTo(u);

        JsonNode v2 = api.get("/v2/users/" + id).json().get("user");
        assertThat(v2.get("state").asText()).isEqualTo("USER_STATE_INITIAL");
        assertThat(v2.get("human").get("profile").get("givenName").asText()).isEqualTo("Grace");
        assertThat(v2.get("human").get("profile").get("familyName").asText()).isEqualTo("Hopper");
        assertThat(v2.get("human").get("email").get("email").asText()).isEqualTo(email);
        assertThat(events(servers.on(engine), id)).containsExactly("1 user.invited");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aUserMadeOverV2IsAViewerUserWithDefaults(Engine engine) {
        Http api = servers.newTenant(engine);
        String id = Viewer.v2User(api, "Bob", "Builder", null);

        JsonNode u = api.get("/v1/viewer/users/" + id).json();

        assertThat(u.get("firstName").asText()).isEqualTo("Bob");
        assertThat(u.get("lastName").asText()).isEqualTo("Builder");
        assertThat(u.get("clinicRole").asText()).isEqualTo("Other");
        assertThat(u.get("level").asText()).isEqualTo("member");
        assertThat(u.get("invitedSource").asText()).isEqualTo("api");
        assertThat(u.get("canManageStudies").asBoolean()).isFalse();

        JsonNode updated = api.patch("/v1/viewer/users/" + id, json("clinicRole", "Surgeon", "lastName", "Mason")).json();
        assertThat(updated.get("clinicRole").asText()).isEqualTo("Surgeon");
        JsonNode v2 = api.get("/v2/users/" + id).json().get("user").get("human").get("profile");
        assertThat(v2.get("familyName").asText()).isEqualTo("Mason");
        assertThat(v2.get("displayName").asText()).isEqualTo("Bob Mason");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyOneOfTheSixtyOneClinicRolesIsAccepted(Engine engine) {
        Http api = servers.newTenant(engine);
        String id = invite(api).get("userId").asText();
        assertThat(ClinicRole.values()).hasSize(61);
        for (ClinicRole role : ClinicRole.values()) {
            Reply r = api.patch("/v1/viewer/users/" + id, json("clinicRole", role.wire()));
            assertThat(r.status()).as(role.wire()).isEqualTo(200);
            assertThat(r.json().get("clinicRole").asText()).isEqualTo(role.wire());
        }
        assertThat(api.patch("/v1/viewer/users/" + id, json("clinicRole", "radiologist")).status()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEmailOf320CharactersIsKeptWholeOnBothContracts(Engine engine) {
        Http api = servers.admin(engine);
        String local = java.util.UUID.randomUUID().toString().replace("-", "");
        String email = local + "x".repeat(300 - local.length()) + "@example.com.org";
        assertThat(email).hasSize(316);

        Reply r = api.post("/v1/viewer/users", inviteBody("email", email));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String id = r.json().get("userId").asText();
        assertThat(api.get("/v1/viewer/users/" + id).json().get("email").asText()).isEqualTo(email);
        assertThat(api.get("/v2/users/" + id).json().path("user").path("human").path("email").path("email").asText())
                .isEqualTo(email);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void emailsAreUniquePerTenantIgnoringCase(Engine engine) {
        Http api = servers.newTenant(engine);
        Http other = servers.newTenant(engine);
        String email = Viewer.uniqueEmail();
        invite(api, "email", email);

        Reply again = api.post("/v1/viewer/users", inviteBody("email", email.toUpperCase()));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorId()).isEqualTo("USER-EMAIL-TAKEN");
        assertThat(again.header("x-should-retry")).isEqualTo("false");
        assertThat(other.post("/v1/viewer/users", inviteBody("email", email)).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void updateChangesOnlyWhatIsSentAndNullClearsTheNullableFields(Engine engine) {
        TestServer server = servers.on(engine);
        Http api = servers.newTenant(engine);
        JsonNode created = invite(api, "middleName", "M", "suffix1", "MD", "suffix2", "PhD", "phoneNumber", "5550109999");
        String path = "/v1/viewer/users/" + created.get("userId").asText();

        JsonNode changed = api.patch(path, json("firstName", "Amazing", "canManageStudies", false,
                "email", "ignored@example.com")).json();
        assertThat(changed.get("firstName").asText()).isEqualTo("Amazing");
        assertThat(changed.get("canManageStudies").asBoolean()).isFalse();
        assertThat(changed.get("email")).isEqualTo(created.get("email"));
        assertThat(changed.get("middleName").asText()).isEqualTo("M");
        assertThat(changed.get("phoneNumber").asText()).isEqualTo("5550109999");

        JsonNode cleared = api.patch(path, json("middleName", null, "suffix1", null, "suffix2", null,
                "phoneNumber", null)).json();
        assertThat(fieldNames(cleared)).doesNotContain("middleName", "suffix1", "suffix2", "phoneNumber");
        assertThat(api.get(path).json()).isEqualTo(cleared);

        long before = events(server, created.get("userId").asText()).size();
        assertThat(api.patch(path, json()).json()).isEqualTo(cleared);
        assertThat(api.patch(path, json("firstName", "Amazing")).json()).isEqualTo(cleared);
        assertThat(events(server, created.get("userId").asText())).hasSize((int) before);
        assertThat(events(server, created.get("userId").asText()))
                .containsExactly("1 user.invited", "2 user.updated", "3 user.updated");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void adminsNeedDashboardAccessAndNoCallMakesOrUnmakesAnOwner(Engine engine) {
        Http api = servers.newTenant(engine);
        Reply adminWithout = api.post("/v1/viewer/users", inviteBody("level", "admin", "hasDashboardAccess", false));
        assertThat(adminWithout.status()).isEqualTo(400);
        assertThat(adminWithout.json().get("message").asText()).contains("hasDashboardAccess");
        assertThat(api.post("/v1/viewer/users", inviteBody("level", "owner")).json().get("message").asText())
                .contains("level");

        String path = "/v1/viewer/users/" + invite(api).get("userId").asText();
        assertThat(api.patch(path, json("level", "admin")).status()).isEqualTo(400);
        assertThat(api.patch(path, json("level", "owner")).status()).isEqualTo(400);
        JsonNode admin = api.patch(path, json("level", "admin", "hasDashboardAccess", true)).json();
        assertThat(admin.get("level").asText()).isEqualTo("admin");
        assertThat(api.patch(path, json("hasDashboardAccess", false)).json().get("message").asText())
                .contains("hasDashboardAccess");
        assertThat(api.get(path).json()).isEqualTo(admin);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void revokeAndReactivateAreIdempotentAndMapOntoV2States(Engine engine) {
        TestServer server = servers.on(engine);
        Http api = servers.newTenant(engine);
        String invited = invite(api).get("userId").asText();
        String active = Viewer.v2User(api, "Ann", "Active", null);

        for (String id : new String[] {invited, active}) {
            JsonNode before = api.get("/v1/viewer/users/" + id).json();
            Reply revoke = api.post("/v1/viewer/users/revoke-access", json("userId", id));
            assertThat(revoke.status()).as(revoke.body()).isEqualTo(200);
            assertThat(revoke.json().get("success").asBoolean()).isTrue();
            assertThat(api.post("/v1/viewer/users/revoke-access", json("userId", id)).status()).isEqualTo(200);
            assertThat(v2State(api, id)).isEqualTo("USER_STATE_INACTIVE");
            // Revoked users are still returned, unchanged: the object has no status field.
            assertThat(api.get("/v1/viewer/users/" + id).json()).isEqualTo(before);
            assertThat(Viewer.ids(api.get("/v1/viewer/users?limit=100").json(), "users", "userId")).contains(id);

            assertThat(api.post("/v1/viewer/users/reactivate", json("userId", id)).status()).isEqualTo(200);
            assertThat(api.post("/v1/viewer/users/reactivate", json("userId", id)).status()).isEqualTo(200);
            assertThat(v2State(api, id)).isEqualTo("USER_STATE_ACTIVE");
        }
        assertThat(events(server, active)).containsExactly("1 user.added", "2 user.deactivated", "3 user.reactivated");
        assertThat(events(server, invited)).containsExactly("1 user.invited", "2 user.deactivated", "3 user.reactivated");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aUserDeactivatedOverV2IsShownAndReactivatedOverV1(Engine engine) {
        Http api = servers.newTenant(engine);
        String id = Viewer.v2User(api, "Vee", "Two", null);
        api.post("/v2/users/" + id + "/deactivate");

        assertThat(api.get("/v1/viewer/users/" + id).status()).isEqualTo(200);
        assertThat(api.post("/v1/viewer/users/revoke-access", json("userId", id)).status()).isEqualTo(200);
        assertThat(v2State(api, id)).isEqualTo("USER_STATE_INACTIVE");
        assertThat(api.post("/v1/viewer/users/reactivate", json("userId", id)).status()).isEqualTo(200);
        assertThat(v2State(api, id)).isEqualTo("USER_STATE_ACTIVE");

        api.post("/v2/users/" + id + "/lock");
        assertThat(api.post("/v1/viewer/users/reactivate", json("userId", id)).status()).isEqualTo(200);
        assertThat(v2State(api, id)).isEqualTo("USER_STATE_ACTIVE");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aUserRevokedOverV1CannotLogInOverV2OrBeLinkedAndLosesLiveSessions(Engine engine) {
        Http api = servers.newTenant(engine);
        String id = Viewer.v2User(api, "Sam", "Session", "correct horse battery");
        String customer = Viewer.customer(api, "Linked");
        Reply session = login(api, id, "correct horse battery");
        assertThat(session.status()).as(session.body()).isIn(200, 201);
        String sessionId = session.json().get("sessionId").asText();
        String token = session.json().get("sessionToken").asText();
        JsonNode loggedIn = api.get("/v1/viewer/users/" + id).json();
        assertThat(loggedIn.get("lastLoginAt").asText()).matches(TIMESTAMP);

        api.post("/v1/viewer/users/revoke-access", json("userId", id));

        Reply refused = login(api, id, "correct horse battery");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorId()).isEqualTo("SESSION-Gj4ko");
        assertThat(api.get("/v2/sessions/" + sessionId + "?sessionToken=" + token).status()).isEqualTo(404);
        assertThat(api.post("/v1/express/" + customer + "/users", json("userId", id)).status()).isEqualTo(400);
        assertThat(api.get("/v1/viewer/users/" + id).json().get("lastLoginAt")).isEqualTo(loggedIn.get("lastLoginAt"));

        api.post("/v1/viewer/users/reactivate", json("userId", id));
        assertThat(login(api, id, "correct horse battery").status()).isIn(200, 201);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void deletedAndUnknownUsersAreNotFound(Engine engine) {
        Http api = servers.newTenant(engine);
        String deleted = Viewer.v2User(api, "Del", "Eted", null);
        api.delete("/v2/users/" + deleted);
        for (String id : new String[] {deleted, "usr_" + "0".repeat(32)}) {
            assertThat(api.get("/v1/viewer/users/" + id).status()).isEqualTo(404);
            assertThat(api.patch("/v1/viewer/users/" + id, json("firstName", "x")).status()).isEqualTo(404);
            assertThat(api.post("/v1/viewer/users/revoke-access", json("userId", id)).status()).isEqualTo(404);
            Reply r = api.post("/v1/viewer/users/reactivate", json("userId", id));
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.errorId()).isEqualTo("QUERY-Dfbg2");
        }
        assertThat(Viewer.ids(api.get("/v1/viewer/users").json(), "users", "userId")).doesNotContain(deleted);
    }

    static Reply login(Http api, String userId, String password) {
        return api.post("/v2/sessions", json("checks", json("user", json("userId", userId),
                "password", json("password", password))));
    }

    static String v2State(Http api, String id) {
        return api.get("/v2/users/" + id).json().get("user").get("state").asText();
    }
}
