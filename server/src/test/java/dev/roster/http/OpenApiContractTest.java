package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.http.OpenApiContract.Exchange;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import io.swagger.v3.oas.models.SpecVersion;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real requests to a running Roster on both engines, each checked with its response against the OpenAPI document
 * the server ships (and serves). A conforming request must get a response the document allows for that
 * operation and status; a request the document itself forbids (bad limit, malformed JSON, no key) must be flagged
 * by the validator and still be answered with a documented error. After the class, every documented operation
 * must have been seen to succeed on each engine, so a new operation cannot go undocumented-by-test.
 */
class OpenApiContractTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    private static final OpenApiContract contract = OpenApiContract.load();
    private static final String ADMIN = TestServer.ADMIN_KEY;
    private static final String UNKNOWN_CUSTOMER = "/v1/express/cus_00000000000000000000000000000000";
    private static final String UNKNOWN_ORG = "/v1/organizations/org_ffffffffffffffffffffffffffffffff";

    /** Operations seen answering 2xx, per engine, across the whole class. */
    private static final Map<Engine, Set<String>> succeeded = new EnumMap<>(Engine.class);

    @AfterAll
    static void everyDocumentedOperationSucceededOnEveryEngine() {
        Set<String> expected = new TreeSet<>(contract.operationIds());
        for (Engine engine : Engine.values()) {
            assertThat(succeeded.getOrDefault(engine, Set.of())).as("operations seen succeeding on %s", engine)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    // ---- operations endpoints ----

    @ParameterizedTest
    @EnumSource(Engine.class)
    void healthMetricsAndTheDocumentItself(Engine engine) {
        conforms(engine, call(engine, null, "GET", "/healthz", null, null), 200);
        conforms(engine, call(engine, null, "GET", "/metrics", null, null), 200);
        Exchange doc = conforms(engine, call(engine, null, "GET", "/openapi.json", null, null), 200);
        // Served byte for byte as shipped, so what this test validates against is what clients download.
        assertThat(doc.reply().body()).isEqualTo(contract.text);
        var served = OpenApiContract.parse(doc.reply().body());
        assertThat(served.getMessages()).isNullOrEmpty();
        assertThat(served.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
    }

    // ---- Express customers ----

    @ParameterizedTest
    @EnumSource(Engine.class)
    void expressLifecycle(Engine engine) {
        Exchange created = conforms(engine, call(engine, ADMIN, "POST", "/v1/express",
                Http.json("expressCustomerName", "Contract Radiology", "metadata", Map.of("region", "north")),
                "application/json", "Roster-Reason", "onboarding"), 200);
        String id = created.reply().json().get("expressCustomerId").asText();
        String path = "/v1/express/" + id;
        conforms(engine, call(engine, ADMIN, "POST", "/v1/express", Http.json("expressCustomerName", "Plain"),
                "application/json"), 200);

        conforms(engine, call(engine, ADMIN, "GET", path, null, null), 200);
        conforms(engine, call(engine, ADMIN, "PATCH", path, Http.json("expressCustomerName", "Renamed"),
                "application/json"), 200);
        Exchange cleared = conforms(engine, call(engine, ADMIN, "PATCH", path,
                Http.json("metadata", null), "application/json"), 200);
        assertThat(cleared.reply().json().has("metadata")).isFalse();
        conforms(engine, call(engine, ADMIN, "PATCH", path, Http.object(), "application/json"), 200);

        // The three ways the SDKs send a bodiless POST, and a repeat that must stay a 200.
        Exchange off = conforms(engine, call(engine, ADMIN, "POST", path + "/deactivate", null, null), 200);
        assertThat(off.reply().json().get("isActive").asBoolean()).isFalse();
        conforms(engine, call(engine, ADMIN, "POST", path + "/deactivate", "", "application/json"), 200);
        // The document declares no body here; the Java SDK may still send one, which the server ignores.
        Exchange on = ignoredBody(call(engine, ADMIN, "POST", path + "/reactivate",
                Http.json("extra", "ignored"), "application/json"), 200);
        assertThat(on.reply().json().get("isActive").asBoolean()).isTrue();
        conforms(engine, call(engine, ADMIN, "POST", path + "/reactivate", null, null), 200);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void expressIdempotencyKeys(Engine engine) {
        String key = "contract-" + UUID.randomUUID();
        ObjectNode body = Http.json("expressCustomerName", "Keyed");
        Exchange first = conforms(engine, call(engine, ADMIN, "POST", "/v1/express", body, "application/json",
                "Idempotency-Key", key), 200);
        Exchange again = conforms(engine, call(engine, ADMIN, "POST", "/v1/express", body, "application/json",
                "Idempotency-Key", key), 200);
        assertThat(again.reply().header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.reply().json()).isEqualTo(first.reply().json());

        // The same key on another request is refused.
        ObjectNode other = Http.json("expressCustomerName", "Other");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v1/express", other, "application/json",
                "Idempotency-Key", key), 400, "ROSTER-IDEMPOTENCY-KEY-REUSED");
        // A final refusal made by the operation is kept like an answer, and its replay is marked too.
        String refusedKey = "contract-" + UUID.randomUUID();
        ObjectNode blank = Http.json("expressCustomerName", " ");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v1/express", blank, "application/json",
                "Idempotency-Key", refusedKey), 400, "ROSTER-INVALID-ARGUMENT");
        Exchange refusedAgain = call(engine, ADMIN, "POST", "/v1/express", blank, "application/json",
                "Idempotency-Key", refusedKey);
        failsConforming(engine, refusedAgain, 400, "ROSTER-INVALID-ARGUMENT");
        assertThat(refusedAgain.reply().header("Idempotent-Replayed")).isEqualTo("true");
        String path = "/v1/express/" + first.reply().json().get("expressCustomerId").asText();
        String deactivateKey = "contract-" + UUID.randomUUID();
        conforms(engine, call(engine, ADMIN, "POST", path + "/deactivate", null, null,
                "Idempotency-Key", deactivateKey), 200);
        Exchange replayed = conforms(engine, call(engine, ADMIN, "POST", path + "/deactivate", null, null,
                "Idempotency-Key", deactivateKey), 200);
        assertThat(replayed.reply().header("Idempotent-Replayed")).isEqualTo("true");
        rejected(call(engine, ADMIN, "POST", "/v1/express", body, "application/json", "Idempotency-Key", "has space"),
                400, "ROSTER-INVALID-ARGUMENT", "parameter.schema.pattern");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void expressListPages(Engine engine) {
        for (int i = 0; i < 3; i++) {
            conforms(engine, call(engine, ADMIN, "POST", "/v1/express", Http.json("expressCustomerName", "Page " + i),
                    "application/json"), 200);
        }
        conforms(engine, call(engine, ADMIN, "GET", "/v1/express", null, null), 200);
        Exchange first = conforms(engine, call(engine, ADMIN, "GET", "/v1/express?limit=1", null, null), 200);
        assertThat(first.reply().json().get("hasMore").asBoolean()).isTrue();
        String cursor = first.reply().json().get("cursor").asText();
        // The Java SDK sends the limit as a double; the cursor must still be accepted.
        Exchange second = conforms(engine, call(engine, ADMIN, "GET",
                "/v1/express?limit=1.0&cursor=" + cursor, null, null), 200);
        assertThat(second.reply().json().get("expressCustomers")).hasSize(1);
        Exchange all = conforms(engine, call(engine, ADMIN, "GET", "/v1/express?limit=100", null, null), 200);
        assertThat(all.reply().json().get("hasMore").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void expressFailures(Engine engine) {
        String id = newCustomer(engine, "Failures");

        // Conforming requests that name nothing: documented 404s.
        for (String method : List.of("GET", "PATCH")) {
            ObjectNode body = method.equals("PATCH") ? Http.object() : null;
            failsConforming(engine, call(engine, ADMIN, method, UNKNOWN_CUSTOMER, body,
                    body == null ? null : "application/json"), 404, "EXPRESS-NOT-FOUND");
        }
        failsConforming(engine, call(engine, ADMIN, "POST", UNKNOWN_CUSTOMER + "/deactivate", null, null),
                404, "EXPRESS-NOT-FOUND");
        failsConforming(engine, call(engine, ADMIN, "POST", UNKNOWN_CUSTOMER + "/reactivate", null, null),
                404, "EXPRESS-NOT-FOUND");
        failsConforming(engine, call(engine, ADMIN, "GET", "/v1/express?cursor=bm90LWEtY3Vyc29y", null, null),
                400, "ROSTER-INVALID-CURSOR");

        // Requests the document forbids: the validator must say so, the server must answer as documented.
        rejected(call(engine, null, "GET", "/v1/express", null, null), 401, "ROSTER-AUTH-MISSING",
                "security.missing");
        rejected(call(engine, null, "GET", "/v1/express/" + id, null, null, "Authorization", "Basic abc"),
                401, "AUTH-7fs1e", "security.invalid");
        failsConforming(engine, call(engine, "sk_live_00000000000000000000000000000000", "GET", "/v1/express/" + id,
                null, null), 401, "AUTH-7fs1e");
        Map<String, String> badLimits = Map.of("0", "minimum", "101", "maximum", "-5", "minimum",
                "10.5", "multipleOf", "abc", "type");
        badLimits.forEach((limit, rule) -> rejected(call(engine, ADMIN, "GET", "/v1/express?limit=" + limit, null,
                null), 400, "ROSTER-INVALID-ARGUMENT", "parameter.schema." + rule));
        rejected(call(engine, ADMIN, "GET", "/v1/express/cus_short", null, null),
                400, "ROSTER-INVALID-ARGUMENT", "parameter.schema.pattern");
        rejected(call(engine, ADMIN, "POST", "/v1/express", "{\"expressCustomerName\":", "application/json"),
                400, "ROSTER-MALFORMED-JSON", "body.schema.invalidJson");
        rejected(call(engine, ADMIN, "PATCH", "/v1/express/" + id, "[1,2]", "application/json"),
                400, "ROSTER-MALFORMED-JSON", "body.schema.type");
        rejected(call(engine, ADMIN, "POST", "/v1/express", Http.json("metadata", Map.of()), "application/json"),
                400, "ROSTER-INVALID-ARGUMENT", "body.schema.required");
        rejected(call(engine, ADMIN, "POST", "/v1/express", Http.json("expressCustomerName", ""), "application/json"),
                400, "ROSTER-INVALID-ARGUMENT", "body.schema.minLength");
        rejected(call(engine, ADMIN, "POST", "/v1/express",
                Http.json("expressCustomerName", "x", "metadata", Map.of("n", 1)), "application/json"),
                400, "ROSTER-INVALID-ARGUMENT", "body.schema.type");
        rejected(call(engine, ADMIN, "PATCH", "/v1/express/" + id,
                Http.json("metadata", Map.of("k".repeat(101), "v")), "application/json"),
                400, "ROSTER-INVALID-ARGUMENT", "body.schema.propertyNames");
        rejected(call(engine, ADMIN, "PATCH", "/v1/express/" + id, Http.json("expressCustomerName", null),
                "application/json"), 400, "ROSTER-INVALID-ARGUMENT", "body.schema.type");
        rejected(call(engine, ADMIN, "POST", "/v1/express/" + id + "/deactivate", null, null,
                "Roster-Reason", "r".repeat(501)), 400, "ROSTER-INVALID-ARGUMENT", "parameter.schema.maxLength");
    }

    // ---- instance administration ----

    @ParameterizedTest
    @EnumSource(Engine.class)
    void administration(Engine engine) {
        Exchange org = conforms(engine, call(engine, ADMIN, "POST", "/v1/organizations",
                Http.json("name", "Contract Clinic"), "application/json"), 200);
        String keys = "/v1/organizations/" + org.reply().json().get("organizationId").asText() + "/api-keys";
        Exchange key = conforms(engine, call(engine, ADMIN, "POST", keys, Http.json("name", "integration"),
                "application/json"), 200);
        String secret = key.reply().json().get("key").asText();
        String keyId = key.reply().json().get("apiKeyId").asText();

        // The new key works inside its organization and is refused administration.
        Exchange own = conforms(engine, call(engine, secret, "POST", "/v1/express",
                Http.json("expressCustomerName", "Tenant customer"), "application/json"), 200);
        assertThat(own.reply().json().get("createdByApiKeyId").asText()).isEqualTo(keyId);
        failsConforming(engine, call(engine, secret, "POST", "/v1/organizations", Http.json("name", "x"),
                "application/json"), 403, "AUTH-5mWD2");
        failsConforming(engine, call(engine, secret, "GET", keys, null, null), 403, "AUTH-5mWD2");
        failsConforming(engine, call(engine, secret, "POST", keys, Http.json("name", "y"), "application/json"),
                403, "AUTH-5mWD2");
        failsConforming(engine, call(engine, secret, "DELETE", keys + "/" + keyId, null, null), 403, "AUTH-5mWD2");

        conforms(engine, call(engine, ADMIN, "GET", keys, null, null), 200);
        Exchange revoked = conforms(engine, call(engine, ADMIN, "DELETE", keys + "/" + keyId, null, null), 200);
        assertThat(revoked.reply().json().has("revokedAt")).isTrue();
        conforms(engine, call(engine, ADMIN, "DELETE", keys + "/" + keyId, null, null), 200);
        failsConforming(engine, call(engine, secret, "GET", "/v1/express", null, null), 401, "AUTH-7fs1e");

        failsConforming(engine, call(engine, ADMIN, "GET", UNKNOWN_ORG + "/api-keys", null, null),
                404, "ORGANIZATION-NOT-FOUND");
        failsConforming(engine, call(engine, ADMIN, "POST", UNKNOWN_ORG + "/api-keys", Http.json("name", "z"),
                "application/json"), 404, "ORGANIZATION-NOT-FOUND");
        failsConforming(engine, call(engine, ADMIN, "DELETE", UNKNOWN_ORG + "/api-keys/" + keyId, null, null),
                404, "ORGANIZATION-NOT-FOUND");
        failsConforming(engine, call(engine, ADMIN, "DELETE",
                keys + "/00000000-0000-4000-8000-000000000000", null, null), 404, "APIKEY-NOT-FOUND");
        rejected(call(engine, ADMIN, "GET", "/v1/organizations/acme/api-keys", null, null),
                400, "ROSTER-INVALID-ARGUMENT", "parameter.schema.pattern");
        rejected(call(engine, ADMIN, "DELETE", keys + "/not-a-uuid", null, null),
                400, "ROSTER-INVALID-ARGUMENT", "parameter.schema.pattern");
        rejected(call(engine, ADMIN, "POST", "/v1/organizations", Http.object(), "application/json"),
                400, "ROSTER-INVALID-ARGUMENT", "body.schema.required");
        rejected(call(engine, null, "POST", "/v1/organizations", Http.json("name", "x"), "application/json"),
                401, "ROSTER-AUTH-MISSING", "security.missing");
    }

    // ---- what no operation describes ----

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unknownRoutesAndWrongMethodsAnswerTheDocumentedErrorBody(Engine engine) {
        unrouted(engine, call(engine, ADMIN, "GET", "/v1/nothing-here", null, null), 404,
                "validation.request.path.missing", "ROSTER-ROUTE-NOT-FOUND");
        unrouted(engine, call(engine, null, "GET", "/v2/express", null, null), 404,
                "validation.request.path.missing", "ROSTER-ROUTE-NOT-FOUND");
        unrouted(engine, call(engine, ADMIN, "PUT", UNKNOWN_CUSTOMER, Http.object(), "application/json"), 405,
                "validation.request.operation.notAllowed", "ROSTER-METHOD-NOT-ALLOWED");
        unrouted(engine, call(engine, ADMIN, "DELETE", "/v1/express", null, null), 405,
                "validation.request.operation.notAllowed", "ROSTER-METHOD-NOT-ALLOWED");
        unrouted(engine, call(engine, null, "POST", "/healthz", null, null), 405,
                "validation.request.operation.notAllowed", "ROSTER-METHOD-NOT-ALLOWED");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void expressUserLinks(Engine engine) {
        String id = newCustomer(engine, "Links");
        String path = "/v1/express/" + id + "/users";
        ObjectNode link = Http.json("userId", newUser(engine));
        Exchange added = conforms(engine, call(engine, ADMIN, "POST", path, link, "application/json"), 200);
        assertThat(added.reply().json().get("success").asBoolean()).isTrue();
        conforms(engine, call(engine, ADMIN, "POST", path, link, "application/json"), 200); // already linked
        conforms(engine, call(engine, ADMIN, "DELETE", path, link, "application/json"), 200);
        conforms(engine, call(engine, ADMIN, "DELETE", path, link, "application/json"), 200); // not linked

        ObjectNode nobody = Http.json("userId", "usr_00000000000000000000000000000000");
        for (String method : List.of("POST", "DELETE")) {
            failsConforming(engine, call(engine, ADMIN, method, path, nobody, "application/json"), 404, "QUERY-Dfbg2");
            failsConforming(engine, call(engine, ADMIN, method, UNKNOWN_CUSTOMER + "/users", link,
                    "application/json"), 404, "EXPRESS-NOT-FOUND");
        }
        conforms(engine, call(engine, ADMIN, "POST", "/v1/express/" + id + "/deactivate", null, null), 200);
        failsConforming(engine, call(engine, ADMIN, "POST", path, link, "application/json"), 400,
                "EXPRESS-CUSTOMER-INACTIVE");
    }

    // ---- Viewer studies and users ----

    @ParameterizedTest
    @EnumSource(Engine.class)
    void viewerStudies(Engine engine) {
        String customer = newCustomer(engine, "Viewer contract");
        String user = conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/users", Http.json("email",
                "contract-" + UUID.randomUUID() + "@example.com", "firstName", "Ada", "lastName", "Lovelace",
                "clinicRole", "Radiologist", "level", "member", "canManageStudies", true, "hasDashboardAccess", false,
                "suffix1", "MD"), "application/json"), 200).reply().json().get("userId").asText();
        String uid = "1.2.840." + Math.abs(UUID.randomUUID().getMostSignificantBits());
        Exchange created = conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/studies", Http.json(
                "studyInstanceUid", uid, "studyDescription", "CT Chest", "severity", "stat", "assignedTo", user,
                "expressCustomerId", customer, "metadata", Map.of("accession", "A1")), "application/json"), 200);
        String id = created.reply().json().get("studyId").asText();
        String path = "/v1/viewer/studies/" + id;

        conforms(engine, call(engine, ADMIN, "GET", path, null, null), 200);
        conforms(engine, call(engine, ADMIN, "GET", "/v1/viewer/studies/by-uid/" + uid, null, null), 200);
        conforms(engine, call(engine, ADMIN, "PATCH", path, Http.json("severity", "high", "assignedTo", null,
                "metadata", null, "studyViewerStatus", "complete"), "application/json"), 200);
        // The empty-value filters (assignedTo=) are exercised in StudyListTest: the validator reads an empty query
        // value as a missing one and then calls the optional parameter required.
        conforms(engine, call(engine, ADMIN, "GET", "/v1/viewer/studies?limit=10.0&isCancelled=false"
                + "&expressCustomerId=" + customer + "&severity=high&studyViewerStatus=complete&studyDescription=chest",
                null, null), 200);
        ObjectNode ref = Http.json("studyId", id);
        conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/studies/cancel", ref, "application/json"), 200);
        conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/studies/cancel", ref, "application/json"), 200);
        conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/studies/uncancel", Http.json("studyInstanceUid", uid),
                "application/json"), 200);
        failsConforming(engine, call(engine, ADMIN, "POST", "/v1/viewer/studies/uncancel", ref, "application/json"),
                400, "STUDY-NOT-CANCELLED");
        conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/studies/reroute-url", ref, "application/json"), 200);

        failsConforming(engine, call(engine, ADMIN, "POST", "/v1/viewer/studies", Http.json("studyInstanceUid", uid,
                "studyDescription", "again", "severity", "normal"), "application/json"), 409, "STUDY-ALREADY-EXISTS");
        failsConforming(engine, call(engine, ADMIN, "GET", "/v1/viewer/studies/stu_00000000000000000000000000000000",
                null, null), 404, "STUDY-NOT-FOUND");
        conforms(engine, call(engine, ADMIN, "POST", "/v1/express/" + customer + "/deactivate", null, null), 200);
        failsConforming(engine, call(engine, ADMIN, "POST", "/v1/viewer/studies", Http.json("studyInstanceUid",
                uid + ".1", "studyDescription", "closed", "severity", "normal", "expressCustomerId", customer),
                "application/json"), 400, "EXPRESS-CUSTOMER-INACTIVE");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void viewerUsers(Engine engine) {
        String email = "contract-" + UUID.randomUUID() + "@example.com";
        ObjectNode invite = Http.json("email", email, "firstName", "Grace", "lastName", "Hopper",
                "clinicRole", "Pathologists' Assistant", "level", "admin", "canManageStudies", true,
                "hasDashboardAccess", true, "middleName", "B", "phoneNumber", "+1 (555) 010-9999");
        String id = conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/users", invite, "application/json"), 200)
                .reply().json().get("userId").asText();
        String path = "/v1/viewer/users/" + id;

        conforms(engine, call(engine, ADMIN, "GET", path, null, null), 200);
        conforms(engine, call(engine, ADMIN, "PATCH", path, Http.json("middleName", null, "phoneNumber", null,
                "clinicRole", "Surgeon", "level", "member"), "application/json"), 200);
        conforms(engine, call(engine, ADMIN, "GET", "/v1/viewer/users?limit=5&email=" + email.toUpperCase()
                + "&firstName=rac&lastName=hop&invitedSource=api&level=member", null, null), 200);
        ObjectNode ref = Http.json("userId", id);
        conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/users/revoke-access", ref, "application/json"), 200);
        conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/users/reactivate", ref, "application/json"), 200);

        failsConforming(engine, call(engine, ADMIN, "POST", "/v1/viewer/users", invite, "application/json"), 409,
                "USER-EMAIL-TAKEN");
        failsConforming(engine, call(engine, ADMIN, "GET", "/v1/viewer/users/usr_00000000000000000000000000000000",
                null, null), 404, "QUERY-Dfbg2");
    }

    /** Users are made through the v2 API, which this document does not describe. */
    private static String newUser(Engine engine) {
        Reply r = servers.admin(engine).post("/v2/users/human", Http.json(
                "profile", Http.json("givenName", "Ada", "familyName", "Lovelace"),
                "email", Http.json("email", "contract-" + UUID.randomUUID() + "@example.com")));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().get("userId").asText();
    }

    // ---- checks ----

    private static Exchange call(Engine engine, String key, String method, String pathAndQuery, Object body,
                                 String contentType, String... headers) {
        return OpenApiContract.exchange(servers.on(engine).http(), key, method, pathAndQuery, body, contentType,
                headers);
    }

    /** A request the document allows, answered with {@code status} and a response the document allows. */
    private static Exchange conforms(Engine engine, Exchange e, int status) {
        assertThat(e.reply().status()).as("%s", e).isEqualTo(status);
        ValidationReport report = contract.validate(e);
        assertThat(report.getMessages()).as("%s%n%s", e, OpenApiContract.format(report)).isEmpty();
        if (status / 100 == 2) {
            String op = contract.operationId(e.method(), e.path()).orElseThrow();
            synchronized (succeeded) {
                succeeded.computeIfAbsent(engine, k -> new HashSet<>()).add(op);
            }
        }
        return e;
    }

    /** Creates a customer through the API (checked like every other call) and returns its ID. */
    private static String newCustomer(Engine engine, String name) {
        Exchange created = conforms(engine, call(engine, ADMIN, "POST", "/v1/express",
                Http.json("expressCustomerName", name), "application/json"), 200);
        return created.reply().json().get("expressCustomerId").asText();
    }

    /** A conforming request that fails as documented, with the stable error ID {@code errorId}. */
    private static void failsConforming(Engine engine, Exchange e, int status, String errorId) {
        conforms(engine, e, status);
        assertThat(e.reply().errorId()).as("%s", e).isEqualTo(errorId);
    }

    /**
     * A request the document forbids: the validator flags it for the expected rule ({@code validation.request.}
     * + {@code rule}), so the document states the constraint the server enforces, and the answer is a documented
     * error with the stable ID {@code errorId}.
     */
    private static void rejected(Exchange e, int status, String errorId, String rule) {
        assertThat(e.reply().status()).as("%s", e).isEqualTo(status);
        assertThat(e.reply().errorId()).as("%s", e).isEqualTo(errorId);
        ValidationReport request = contract.validateRequest(e);
        assertThat(OpenApiContract.keys(request).split(",")).as("the document should forbid %s", e)
                .contains("validation.request." + rule);
        ValidationReport response = contract.validateResponse(e);
        assertThat(response.getMessages()).as("%s%n%s", e, OpenApiContract.format(response)).isEmpty();
    }

    /** A request carrying a body the document does not declare: flagged as such, and answered as documented. */
    private static Exchange ignoredBody(Exchange e, int status) {
        assertThat(e.reply().status()).as("%s", e).isEqualTo(status);
        assertThat(OpenApiContract.keys(contract.validateRequest(e))).as("%s", e)
                .isEqualTo("validation.request.body.unexpected");
        ValidationReport response = contract.validateResponse(e);
        assertThat(response.getMessages()).as("%s%n%s", e, OpenApiContract.format(response)).isEmpty();
        return e;
    }

    /**
     * A request no operation describes (the validator says which way), answered with the one error body and the
     * documented headers, each checked against its component in the document.
     */
    private static void unrouted(Engine engine, Exchange e, int status, String requestKey, String errorId) {
        assertThat(e.reply().status()).as("%s", e).isEqualTo(status);
        assertThat(OpenApiContract.keys(contract.validateRequest(e))).as("%s", e).contains(requestKey);
        assertThat(e.reply().header("content-type")).as("%s", e).startsWith("application/json");
        List<ValidationReport> reports = new ArrayList<>();
        reports.add(contract.validateJson(e.reply().body(), contract.schema("Error")));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Request-Id", e.reply().header("X-Request-Id"));
        headers.put("X-Should-Retry", e.reply().header("X-Should-Retry"));
        headers.forEach((name, value) -> {
            assertThat(value).as("%s header %s", e, name).isNotNull();
            reports.add(contract.validateText(value, contract.headerSchema(name)));
        });
        for (ValidationReport r : reports) {
            assertThat(r.getMessages()).as("%s%n%s", e, OpenApiContract.format(r)).isEmpty();
        }
        assertThat(e.reply().errorId()).as("%s", e).isEqualTo(errorId);
    }
}
