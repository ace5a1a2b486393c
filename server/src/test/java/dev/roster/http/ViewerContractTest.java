package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.app.Roster;
import dev.roster.http.OpenApiContract.Exchange;
import dev.roster.testing.Cli;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Viewer study and user operations (`/v1/viewer/…`) against the OpenAPI document. */
class ViewerContractTest extends OpenApiContractSupport {
    @AfterAll
    static void everyOperationOfTheSurfaceSucceededOnEveryEngine() {
        everyOperationSucceededOnEveryEngine("viewer.");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void viewerStudyLifecycle(Engine engine) {
        String customer = newCustomer(engine, "Studies");
        String user = newV2User(engine, null);
        String uid = uid();
        Exchange created = conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/studies", Http.json(
                "studyInstanceUid", uid, "studyDescription", "Brain MRI with Contrast", "severity", "high",
                "assignedTo", user, "expressCustomerId", customer, "metadata", Map.of("ward", "3")),
                "application/json", "Roster-Reason", "referral"), 200);
        JsonNode study = created.reply().json();
        assertThat(study.get("studyViewerStatus").asText()).isEqualTo("incomplete");
        assertThat(study.get("cancelledAt").isNull()).isTrue();
        String path = "/v1/viewer/studies/" + study.get("studyId").asText();
        String plainUid = uid();
        conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/studies", Http.json("studyInstanceUid", plainUid,
                "studyDescription", "Chest X-ray", "severity", "normal"), "application/json"), 200);

        conforms(engine, call(engine, ADMIN, "GET", path, null, null), 200);
        conforms(engine, call(engine, ADMIN, "GET", "/v1/viewer/studies/by-uid/" + uid, null, null), 200);
        conforms(engine, call(engine, ADMIN, "PATCH", path, Http.json("studyViewerStatus", "complete",
                "severity", "stat", "studyDescription", "Brain MRI"), "application/json"), 200);
        Exchange cleared = conforms(engine, call(engine, ADMIN, "PATCH", path,
                Http.json("assignedTo", null, "metadata", null), "application/json"), 200);
        assertThat(cleared.reply().json().has("assignedTo")).isFalse();
        assertThat(cleared.reply().json().has("metadata")).isFalse();
        conforms(engine, call(engine, ADMIN, "PATCH", path, Http.json("assignedTo", user), "application/json"), 200);
        conforms(engine, call(engine, ADMIN, "PATCH", path, Http.object(), "application/json"), 200);

        ObjectNode byId = Http.json("studyId", study.get("studyId").asText());
        conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/studies/cancel", byId, "application/json"), 200);
        Exchange cancelled = conforms(engine, call(engine, ADMIN, "GET", path, null, null), 200);
        assertThat(cancelled.reply().json().get("isCancelled").asBoolean()).isTrue();
        conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/studies/cancel", byId, "application/json"), 200);
        ObjectNode byBoth = Http.json("studyId", study.get("studyId").asText(), "studyInstanceUid", uid);
        conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/studies/uncancel", byBoth, "application/json"), 200);
        failsConforming(engine, call(engine, ADMIN, "POST", "/v1/viewer/studies/uncancel",
                Http.json("studyInstanceUid", uid), "application/json"), 400, "STUDY-NOT-CANCELLED");
        Exchange link = conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/studies/reroute-url",
                Http.json("studyInstanceUid", uid), "application/json"), 200);
        assertThat(link.reply().json().get("url").asText()).contains(study.get("studyId").asText());

        // Lists: every filter as the SDKs send it, then paging with the filters repeated.
        String filtered = "/v1/viewer/studies?expressCustomerId=" + customer + "&assignedTo=" + user
                + "&isCancelled=false&severity=stat&studyViewerStatus=complete&studyDescription=brain%20mri";
        Exchange one = conforms(engine, call(engine, ADMIN, "GET", filtered, null, null), 200);
        assertThat(one.reply().json().get("studies")).hasSize(1);
        Exchange unassigned = emptyValues(call(engine, ADMIN, "GET",
                "/v1/viewer/studies?assignedTo=&expressCustomerId=&limit=100", null, null), 200,
                "assignedTo", "expressCustomerId");
        assertThat(unassigned.reply().json().get("studies").findValuesAsText("studyInstanceUid")).contains(plainUid)
                .doesNotContain(uid);
        Exchange first = conforms(engine, call(engine, ADMIN, "GET", "/v1/viewer/studies?limit=1", null, null), 200);
        assertThat(first.reply().json().get("hasMore").asBoolean()).isTrue();
        conforms(engine, call(engine, ADMIN, "GET", "/v1/viewer/studies?limit=1.0&cursor="
                + first.reply().json().get("cursor").asText(), null, null), 200);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void viewerStudyFailures(Engine engine) {
        String uid = uid();
        Exchange created = conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/studies", Http.json(
                "studyInstanceUid", uid, "studyDescription", "CT", "severity", "normal"), "application/json"), 200);
        String studyId = created.reply().json().get("studyId").asText();
        String unknown = "stu_00000000000000000000000000000000";

        failsConforming(engine, call(engine, ADMIN, "POST", "/v1/viewer/studies", Http.json(
                "studyInstanceUid", uid, "studyDescription", "CT again", "severity", "normal"), "application/json"),
                409, "STUDY-ALREADY-EXISTS");
        failsConforming(engine, call(engine, ADMIN, "GET", "/v1/viewer/studies/" + unknown, null, null),
                404, "STUDY-NOT-FOUND");
        failsConforming(engine, call(engine, ADMIN, "PATCH", "/v1/viewer/studies/" + unknown, Http.object(),
                "application/json"), 404, "STUDY-NOT-FOUND");
        failsConforming(engine, call(engine, ADMIN, "GET", "/v1/viewer/studies/by-uid/1.2.3.999999", null, null),
                404, "STUDY-NOT-FOUND");
        for (String action : List.of("cancel", "uncancel", "reroute-url")) {
            String path = "/v1/viewer/studies/" + action;
            failsConforming(engine, call(engine, ADMIN, "POST", path, Http.json("studyId", unknown),
                    "application/json"), 404, "STUDY-NOT-FOUND");
            // Both keys naming different studies: the document cannot say so, the server refuses it.
            failsConforming(engine, call(engine, ADMIN, "POST", path, Http.json("studyId", studyId,
                    "studyInstanceUid", "1.2.3.999999"), "application/json"), 400, "ROSTER-INVALID-ARGUMENT");
            rejected(call(engine, ADMIN, "POST", path, Http.object(), "application/json"),
                    400, "ROSTER-INVALID-ARGUMENT", "body.schema.minProperties");
        }

        // Rules on what a study may name.
        String inactive = newCustomer(engine, "Inactive");
        conforms(engine, call(engine, ADMIN, "POST", "/v1/express/" + inactive + "/deactivate", null, null), 200);
        failsConforming(engine, call(engine, ADMIN, "POST", "/v1/viewer/studies", Http.json("studyInstanceUid", uid(),
                "studyDescription", "CT", "severity", "normal", "expressCustomerId", inactive), "application/json"),
                400, "EXPRESS-CUSTOMER-INACTIVE");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v1/viewer/studies", Http.json("studyInstanceUid", uid(),
                "studyDescription", "CT", "severity", "normal", "expressCustomerId", "cus_" + "0".repeat(32)),
                "application/json"), 404, "EXPRESS-NOT-FOUND");
        ObjectNode revoked = Http.json("userId", newV2User(engine, null));
        conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/users/revoke-access", revoked, "application/json"), 200);
        failsConforming(engine, call(engine, ADMIN, "PATCH", "/v1/viewer/studies/" + studyId,
                Http.json("assignedTo", revoked.get("userId").asText()), "application/json"), 400, "USER-NOT-ACTIVE");
        failsConforming(engine, call(engine, ADMIN, "PATCH", "/v1/viewer/studies/" + studyId,
                Http.json("assignedTo", "usr_" + "0".repeat(32)), "application/json"), 404, "QUERY-Dfbg2");

        // Requests the document forbids.
        rejected(call(engine, ADMIN, "POST", "/v1/viewer/studies", Http.json("studyInstanceUid", uid(),
                "studyDescription", "CT"), "application/json"), 400, "ROSTER-INVALID-ARGUMENT", "body.schema.required");
        rejected(call(engine, ADMIN, "POST", "/v1/viewer/studies", Http.json("studyInstanceUid", uid(),
                "studyDescription", "CT", "severity", "urgent"), "application/json"),
                400, "ROSTER-INVALID-ARGUMENT", "body.schema.enum");
        rejected(call(engine, ADMIN, "POST", "/v1/viewer/studies", Http.json("studyInstanceUid", "1.02.3",
                "studyDescription", "CT", "severity", "normal"), "application/json"),
                400, "ROSTER-INVALID-ARGUMENT", "body.schema.pattern");
        rejected(call(engine, ADMIN, "PATCH", "/v1/viewer/studies/" + studyId, Http.json("studyDescription", ""),
                "application/json"), 400, "ROSTER-INVALID-ARGUMENT", "body.schema.minLength");
        rejected(call(engine, ADMIN, "PATCH", "/v1/viewer/studies/" + studyId, Http.json("studyViewerStatus", "done"),
                "application/json"), 400, "ROSTER-INVALID-ARGUMENT", "body.schema.enum");
        Map<String, String> badReads = Map.of(
                "/v1/viewer/studies/stu_short", "pattern",
                "/v1/viewer/studies/by-uid/1..2", "pattern",
                "/v1/viewer/studies?isCancelled=yes", "enum",
                "/v1/viewer/studies?severity=urgent", "enum",
                "/v1/viewer/studies?assignedTo=usr_1", "pattern",
                "/v1/viewer/studies?limit=0", "minimum");
        badReads.forEach((path, rule) -> rejected(call(engine, ADMIN, "GET", path, null, null),
                400, "ROSTER-INVALID-ARGUMENT", "parameter.schema." + rule));
        failsConforming(engine, call(engine, ADMIN, "GET", "/v1/viewer/studies?cursor=bm90LWEtY3Vyc29y", null, null),
                400, "ROSTER-INVALID-CURSOR");
        refusedWithoutKey(engine, "GET", "/v1/viewer/studies", null);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void viewerUserLifecycle(Engine engine) {
        String email = uniqueEmail();
        Exchange invited = conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/users", Http.json(
                "email", email, "firstName", "Grace", "lastName", "Hopper", "middleName", "Brewster",
                "suffix1", "PhD", "suffix2", "Ret.", "phoneNumber", "+1 (555) 010-0199",
                "clinicRole", "Certified Registered Nurse Anesthetist", "level", "admin",
                "canManageStudies", true, "hasDashboardAccess", true), "application/json"), 200);
        String userId = invited.reply().json().get("userId").asText();
        String path = "/v1/viewer/users/" + userId;
        conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/users", inviteBody(uniqueEmail(), "Ada", "member"),
                "application/json"), 200);

        conforms(engine, call(engine, ADMIN, "GET", path, null, null), 200);
        // A user made over v2 reads as a Viewer user too.
        conforms(engine, call(engine, ADMIN, "GET", "/v1/viewer/users/" + newV2User(engine, null), null, null), 200);
        Exchange cleared = conforms(engine, call(engine, ADMIN, "PATCH", path, Http.json("middleName", null,
                "phoneNumber", null, "suffix1", null, "suffix2", null, "level", "member"), "application/json"), 200);
        assertThat(cleared.reply().json().has("middleName")).isFalse();
        conforms(engine, call(engine, ADMIN, "PATCH", path, Http.json("firstName", "Amazing Grace",
                "clinicRole", "IT Support", "phoneNumber", "5550100199", "canManageStudies", false), "application/json"),
                200);
        conforms(engine, call(engine, ADMIN, "PATCH", path, Http.object(), "application/json"), 200);

        ObjectNode target = Http.json("userId", userId);
        for (int i = 0; i < 2; i++) { // the second call of each is an idempotent 200
            conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/users/revoke-access", target, "application/json"),
                    200);
        }
        // Revoked users are still read and listed.
        conforms(engine, call(engine, ADMIN, "GET", path, null, null), 200);
        for (int i = 0; i < 2; i++) {
            conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/users/reactivate", target, "application/json"), 200);
        }

        Exchange found = conforms(engine, call(engine, ADMIN, "GET", "/v1/viewer/users?email="
                + email.toUpperCase(java.util.Locale.ROOT) + "&firstName=grace&lastName=HOP&invitedSource=api&level=member",
                null, null), 200);
        assertThat(found.reply().json().get("users")).hasSize(1);
        Exchange first = conforms(engine, call(engine, ADMIN, "GET", "/v1/viewer/users?limit=1", null, null), 200);
        assertThat(first.reply().json().get("hasMore").asBoolean()).isTrue();
        conforms(engine, call(engine, ADMIN, "GET", "/v1/viewer/users?limit=1&cursor="
                + first.reply().json().get("cursor").asText(), null, null), 200);
        conforms(engine, call(engine, ADMIN, "GET", "/v1/viewer/users?level=owner", null, null), 200);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void viewerUserFailures(Engine engine) {
        refusedWithoutKey(engine, "GET", "/v1/viewer/users", null);
        String email = uniqueEmail();
        Exchange invited = conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/users",
                inviteBody(email, "Lin", "member"), "application/json"), 200);
        String path = "/v1/viewer/users/" + invited.reply().json().get("userId").asText();
        String unknown = "usr_00000000000000000000000000000000";

        failsConforming(engine, call(engine, ADMIN, "POST", "/v1/viewer/users",
                inviteBody(email.toUpperCase(java.util.Locale.ROOT), "Lin", "member"), "application/json"),
                409, "USER-EMAIL-TAKEN");
        failsConforming(engine, call(engine, ADMIN, "GET", "/v1/viewer/users/" + unknown, null, null),
                404, "QUERY-Dfbg2");
        failsConforming(engine, call(engine, ADMIN, "PATCH", "/v1/viewer/users/" + unknown, Http.object(),
                "application/json"), 404, "QUERY-Dfbg2");
        for (String action : List.of("reactivate", "revoke-access")) {
            String actionPath = "/v1/viewer/users/" + action;
            failsConforming(engine, call(engine, ADMIN, "POST", actionPath, Http.json("userId", unknown),
                    "application/json"), 404, "QUERY-Dfbg2");
            rejected(call(engine, ADMIN, "POST", actionPath, Http.object(), "application/json"),
                    400, "ROSTER-INVALID-ARGUMENT", "body.schema.required");
        }
        // An admin without dashboard access: a rule between two keys, which the document states in words.
        ObjectNode admin = inviteBody(uniqueEmail(), "Ida", "admin");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v1/viewer/users", admin, "application/json"),
                400, "ROSTER-INVALID-ARGUMENT");
        failsConforming(engine, call(engine, ADMIN, "PATCH", path, Http.json("level", "admin"), "application/json"),
                400, "ROSTER-INVALID-ARGUMENT");

        rejected(call(engine, ADMIN, "POST", "/v1/viewer/users", inviteBody(uniqueEmail(), "Own", "owner"),
                "application/json"), 400, "ROSTER-INVALID-ARGUMENT", "body.schema.enum");
        ObjectNode noRole = inviteBody(uniqueEmail(), "Nora", "member");
        noRole.remove("clinicRole");
        rejected(call(engine, ADMIN, "POST", "/v1/viewer/users", noRole, "application/json"),
                400, "ROSTER-INVALID-ARGUMENT", "body.schema.required");
        ObjectNode shortPhone = inviteBody(uniqueEmail(), "Phil", "member");
        shortPhone.put("phoneNumber", "555-0199");
        rejected(call(engine, ADMIN, "POST", "/v1/viewer/users", shortPhone, "application/json"),
                400, "ROSTER-INVALID-ARGUMENT", "body.schema.pattern");
        rejected(call(engine, ADMIN, "PATCH", path, Http.json("clinicRole", null), "application/json"),
                400, "ROSTER-INVALID-ARGUMENT", "body.schema.type");
        rejected(call(engine, ADMIN, "PATCH", path, Http.json("clinicRole", "Wizard"), "application/json"),
                400, "ROSTER-INVALID-ARGUMENT", "body.schema.enum");
        rejected(call(engine, ADMIN, "PATCH", path, Http.json("firstName", null), "application/json"),
                400, "ROSTER-INVALID-ARGUMENT", "body.schema.type");
        rejected(call(engine, ADMIN, "GET", "/v1/viewer/users/usr_short", null, null),
                400, "ROSTER-INVALID-ARGUMENT", "parameter.schema.pattern");
        rejected(call(engine, ADMIN, "GET", "/v1/viewer/users?level=boss", null, null),
                400, "ROSTER-INVALID-ARGUMENT", "parameter.schema.enum");
    }

    /** Viewer writes run behind Idempotency-Key like the Express ones: a keyed repeat gets the first answer. */

    @ParameterizedTest
    @EnumSource(Engine.class)
    void viewerIdempotencyKeys(Engine engine) {
        String key = "contract-" + UUID.randomUUID();
        ObjectNode body = Http.json("studyInstanceUid", uid(), "studyDescription", "Keyed", "severity", "normal");
        Exchange first = keyedTwice(engine, key, "POST", "/v1/viewer/studies", body);
        keyedTwice(engine, "contract-" + UUID.randomUUID(), "POST", "/v1/viewer/studies/cancel",
                Http.json("studyId", first.reply().json().get("studyId").asText()));
        // Without the key the same create is a duplicate UID: final, so retries are told to stop.
        Exchange duplicate = call(engine, ADMIN, "POST", "/v1/viewer/studies", body, "application/json");
        failsConforming(engine, duplicate, 409, "STUDY-ALREADY-EXISTS");
        assertThat(duplicate.reply().header("X-Should-Retry")).isEqualTo("false");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v1/viewer/studies/cancel", Http.json("studyId",
                "stu_00000000000000000000000000000000"), "application/json", "Idempotency-Key", key), 400,
                "ROSTER-IDEMPOTENCY-KEY-REUSED");
    }

    /** The owner, named by the operator, is out of reach of every call that would revoke, demote or remove it. */

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theOwnerIsProtected(Engine engine) {
        String owner = conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/users",
                inviteBody(uniqueEmail(), "Olivia", "member"), "application/json"), 200).reply().json().get("userId").asText();
        Cli.Run made = Cli.roster(servers.on(engine).storage(), "user", "make-owner", "--org", DEFAULT_ORG, owner);
        assertThat(made.exitCode()).as(made.err()).isZero();
        Exchange read = conforms(engine, call(engine, ADMIN, "GET", "/v1/viewer/users/" + owner, null, null), 200);
        assertThat(read.reply().json().get("level").asText()).isEqualTo("owner");

        List<Exchange> refused = List.of(
                call(engine, ADMIN, "POST", "/v1/viewer/users/revoke-access", Http.json("userId", owner),
                        "application/json"),
                call(engine, ADMIN, "PATCH", "/v1/viewer/users/" + owner, Http.json("level", "admin"), "application/json"),
                call(engine, ADMIN, "POST", "/v2/users/" + owner + "/deactivate", Http.object(), "application/json"),
                call(engine, ADMIN, "POST", "/v2/users/" + owner + "/lock", Http.object(), "application/json"),
                call(engine, ADMIN, "DELETE", "/v2/users/" + owner, null, null));
        refused.forEach(e -> failsConforming(engine, e, 403, "USER-OWNER-PROTECTED"));
    }
}
