package dev.roster.http.v1;

import static dev.roster.http.v1.Viewer.createStudy;
import static dev.roster.http.v1.Viewer.events;
import static dev.roster.http.v1.Viewer.fieldNames;
import static dev.roster.http.v1.Viewer.study;
import static dev.roster.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Viewer study endpoints over real HTTP, as avara-v1.md §3 and §6.0 describe them. */
class StudiesTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    static final String TIMESTAMP = ExpressCustomersTest.TIMESTAMP;
    static final String UUID_V4 = ExpressCustomersTest.UUID_V4;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void createAnswersTheFullStudyWithRequiredKeysAndNoEmptyOptionals(Engine engine) {
        Http api = servers.newTenant(engine);
        String uid = Viewer.uid();

        Reply r = api.post("/v1/viewer/studies",
                json("studyInstanceUid", uid, "studyDescription", "  CT Chest  ", "severity", "stat"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode s = r.json();
        assertThat(s.get("studyId").asText()).matches("^stu_[0-9a-f]{32}$");
        assertThat(s.get("studyInstanceUid").asText()).isEqualTo(uid);
        assertThat(s.get("studyDescription").asText()).isEqualTo("CT Chest");
        assertThat(s.get("severity").asText()).isEqualTo("stat");
        assertThat(s.get("studyViewerStatus").asText()).isEqualTo("incomplete");
        assertThat(s.get("isCancelled").asBoolean()).isFalse();
        assertThat(s.has("cancelledAt")).isTrue();
        assertThat(s.get("cancelledAt").isNull()).isTrue();
        assertThat(s.get("createdAt").asText()).matches(TIMESTAMP);
        assertThat(s.get("updatedAt").asText()).isEqualTo(s.get("createdAt").asText());
        assertThat(s.get("createdByApiKey").get("apiKeyId").asText()).matches(UUID_V4);
        assertThat(s.get("createdByApiKey").get("description").asText()).isEqualTo("test");
        assertThat(fieldNames(s)).doesNotContain("assignedTo", "expressCustomer", "createdByUser", "metadata");
        assertThat(events(servers.on(engine), s.get("studyId").asText())).containsExactly("1 study.created");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void referencesAreExpandedAndRetrieveAndByUidAnswerTheSameStudy(Engine engine) {
        Http api = servers.newTenant(engine);
        String customer = Viewer.customer(api, "Radiology North");
        JsonNode user = Viewer.invite(api, "firstName", "Ada", "lastName", "Lovelace", "middleName", "King",
                "suffix1", "MD", "suffix2", "PhD");
        String userId = user.get("userId").asText();

        JsonNode created = study(api, "assignedTo", userId, "expressCustomerId", customer,
                "metadata", Map.of("accession", "A1", "site", "north"));

        assertThat(created.get("assignedTo")).isEqualTo(json("userId", userId, "email", user.get("email").asText(),
                "firstName", "Ada", "lastName", "Lovelace", "middleName", "King", "suffix1", "MD", "suffix2", "PhD"));
        assertThat(created.get("expressCustomer"))
                .isEqualTo(json("expressCustomerId", customer, "expressCustomerName", "Radiology North"));
        assertThat(created.get("metadata")).isEqualTo(json("accession", "A1", "site", "north"));
        String id = created.get("studyId").asText();
        assertThat(api.get("/v1/viewer/studies/" + id).json()).isEqualTo(created);
        Reply byUid = api.get("/v1/viewer/studies/by-uid/" + created.get("studyInstanceUid").asText());
        assertThat(byUid.status()).isEqualTo(200);
        assertThat(byUid.json()).isEqualTo(created);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void referencesShowTheCurrentNamesOfWhatTheyPointTo(Engine engine) {
        Http api = servers.newTenant(engine);
        String customer = Viewer.customer(api, "Old name");
        String userId = Viewer.invite(api, "firstName", "Old").get("userId").asText();
        String id = study(api, "assignedTo", userId, "expressCustomerId", customer).get("studyId").asText();

        api.patch("/v1/express/" + customer, json("expressCustomerName", "New name"));
        api.patch("/v1/viewer/users/" + userId, json("firstName", "New", "suffix1", "Jr."));

        JsonNode s = api.get("/v1/viewer/studies/" + id).json();
        assertThat(s.get("expressCustomer").get("expressCustomerName").asText()).isEqualTo("New name");
        assertThat(s.get("assignedTo").get("firstName").asText()).isEqualTo("New");
        assertThat(s.get("assignedTo").get("suffix1").asText()).isEqualTo("Jr.");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void updateChangesOnlyTheFieldsSentAndMetadataReplacesOrClears(Engine engine) {
        Http api = servers.newTenant(engine);
        String userId = Viewer.invite(api).get("userId").asText();
        JsonNode created = study(api, "assignedTo", userId, "metadata", Map.of("a", "1", "b", "2"));
        String path = "/v1/viewer/studies/" + created.get("studyId").asText();

        JsonNode changed = api.patch(path, json("studyDescription", "Knee X-ray", "severity", "high",
                "studyViewerStatus", "complete")).json();
        assertThat(changed.get("studyDescription").asText()).isEqualTo("Knee X-ray");
        assertThat(changed.get("severity").asText()).isEqualTo("high");
        assertThat(changed.get("studyViewerStatus").asText()).isEqualTo("complete");
        assertThat(changed.get("assignedTo").get("userId").asText()).isEqualTo(userId);
        assertThat(changed.get("metadata")).isEqualTo(json("a", "1", "b", "2"));
        assertThat(changed.get("createdAt")).isEqualTo(created.get("createdAt"));

        assertThat(api.patch(path, json("metadata", Map.of("c", "3"))).json().get("metadata")).isEqualTo(json("c", "3"));
        assertThat(fieldNames(api.patch(path, json("metadata", null)).json())).doesNotContain("metadata");
        api.patch(path, json("metadata", Map.of("d", "4")));
        assertThat(fieldNames(api.patch(path, json("metadata", Map.of())).json())).doesNotContain("metadata");

        JsonNode unassigned = api.patch(path, json("assignedTo", null)).json();
        assertThat(fieldNames(unassigned)).doesNotContain("assignedTo");
        assertThat(api.get(path).json()).isEqualTo(unassigned);
        assertThat(events(servers.on(engine), created.get("studyId").asText())).containsExactly("1 study.created",
                "2 study.updated", "3 study.updated", "4 study.updated", "5 study.updated", "6 study.updated",
                "7 study.updated");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEmptyOrUnchangedPatchWritesNoEventAndUnknownKeysAreIgnored(Engine engine) {
        Http api = servers.newTenant(engine);
        JsonNode created = study(api);
        String id = created.get("studyId").asText();

        assertThat(api.patch("/v1/viewer/studies/" + id, json()).json()).isEqualTo(created);
        assertThat(api.patch("/v1/viewer/studies/" + id, json("severity", "normal", "somethingNew", 1)).json())
                .isEqualTo(created);
        assertThat(events(servers.on(engine), id)).containsExactly("1 study.created");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDuplicateUidIsAPermanentConflictWithinATenantOnly(Engine engine) {
        Http api = servers.newTenant(engine);
        Http other = servers.newTenant(engine);
        String uid = Viewer.uid();
        study(api, "studyInstanceUid", uid);

        Reply again = createStudy(api, "studyInstanceUid", uid, "studyDescription", "another");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorId()).isEqualTo("STUDY-ALREADY-EXISTS");
        assertThat(again.header("x-should-retry")).isEqualTo("false");
        assertThat(createStudy(other, "studyInstanceUid", uid).status()).isEqualTo(200);
        assertThat(api.get("/v1/viewer/studies").json().get("studies")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void cancelIsIdempotentAndUncancelNeedsACancelledStudy(Engine engine) {
        Http api = servers.newTenant(engine);
        JsonNode created = study(api);
        String id = created.get("studyId").asText();
        String path = "/v1/viewer/studies/" + id;

        Reply cancel = api.post("/v1/viewer/studies/cancel", json("studyId", id));
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().get("success").asBoolean()).isTrue();
        JsonNode cancelled = api.get(path).json();
        assertThat(cancelled.get("isCancelled").asBoolean()).isTrue();
        assertThat(cancelled.get("cancelledAt").asText()).matches(TIMESTAMP);

        Reply again = api.post("/v1/viewer/studies/cancel", json("studyInstanceUid", created.get("studyInstanceUid").asText()));
        assertThat(again.status()).isEqualTo(200);
        assertThat(api.get(path).json()).isEqualTo(cancelled);

        assertThat(api.post("/v1/viewer/studies/uncancel", json("studyId", id,
                "studyInstanceUid", created.get("studyInstanceUid").asText())).status()).isEqualTo(200);
        JsonNode restored = api.get(path).json();
        assertThat(restored.get("isCancelled").asBoolean()).isFalse();
        assertThat(restored.get("cancelledAt").isNull()).isTrue();

        Reply notCancelled = api.post("/v1/viewer/studies/uncancel", json("studyId", id));
        assertThat(notCancelled.status()).isEqualTo(400);
        assertThat(notCancelled.json().get("code").asInt()).isEqualTo(9);
        assertThat(notCancelled.errorId()).isEqualTo("STUDY-NOT-CANCELLED");

        assertThat(events(servers.on(engine), id))
                .containsExactly("1 study.created", "2 study.cancelled", "3 study.uncancelled");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void studyIdentificationNeedsOneOrTwoAgreeingIdentifiers(Engine engine) {
        Http api = servers.newTenant(engine);
        JsonNode a = study(api);
        JsonNode b = study(api);
        String unknown = "stu_" + "0".repeat(32);

        for (String op : new String[] {"cancel", "uncancel", "reroute-url"}) {
            String path = "/v1/viewer/studies/" + op;
            Reply neither = api.post(path, json());
            assertThat(neither.status()).as(op).isEqualTo(400);
            assertThat(neither.json().get("message").asText()).contains("studyId");
            Reply disagree = api.post(path, json("studyId", a.get("studyId").asText(),
                    "studyInstanceUid", b.get("studyInstanceUid").asText()));
            assertThat(disagree.status()).as(op).isEqualTo(400);
            assertThat(disagree.json().get("message").asText()).contains("studyInstanceUid");
            Reply missing = api.post(path, json("studyId", unknown));
            assertThat(missing.status()).as(op).isEqualTo(404);
            assertThat(missing.errorId()).isEqualTo("STUDY-NOT-FOUND");
            assertThat(api.post(path, json("studyInstanceUid", "1.2.3.999999999")).status()).as(op).isEqualTo(404);
        }
        assertThat(api.get("/v1/viewer/studies/" + a.get("studyId").asText()).json()).isEqualTo(a);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void staticRoutesWinOverTheStudyIdPattern(Engine engine) {
        Http api = servers.newTenant(engine);
        JsonNode s = study(api);

        assertThat(api.post("/v1/viewer/studies/cancel", json("studyId", s.get("studyId").asText())).json()
                .get("success").asBoolean()).isTrue();
        assertThat(api.get("/v1/viewer/studies/by-uid/" + s.get("studyInstanceUid").asText()).json()
                .get("studyId")).isEqualTo(s.get("studyId"));
        Reply byUidUnknown = api.get("/v1/viewer/studies/by-uid/1.2.3");
        assertThat(byUidUnknown.status()).isEqualTo(404);
        assertThat(byUidUnknown.errorId()).isEqualTo("STUDY-NOT-FOUND");
    }
}
