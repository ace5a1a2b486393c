package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.app.PasswordHasher;
import dev.roster.app.RateLimit;
import dev.roster.app.Roster;
import dev.roster.domain.Actor;
import dev.roster.http.OpenApiContract.Exchange;
import dev.roster.testing.Cli;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import io.swagger.v3.oas.models.SpecVersion;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
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

    /** Servers that allow each key one request an hour, to see the rate limit's answer. */
    @RegisterExtension
    static final Servers limited = new Servers(new Roster.Settings(0, PasswordHasher.standard(),
            new RateLimit(1, Duration.ofHours(1)), RateLimit.OFF));

    private static final OpenApiContract contract = OpenApiContract.load();
    private static final String ADMIN = TestServer.ADMIN_KEY;
    private static final String UNKNOWN_CUSTOMER = "/v1/express/cus_00000000000000000000000000000000";
    private static final String UNKNOWN_ORG = "/v1/organizations/org_ffffffffffffffffffffffffffffffff";
    private static final String DEFAULT_ORG = "org_00000000000000000000000000000001";
    private static final String PASSWORD = "correct horse battery";
    /** A bcrypt hash of {@link #PASSWORD}, as an import through AddHumanUser's hashedPassword brings it. */
    private static final String BCRYPT_OF_PASSWORD =
            OpenBSDBCrypt.generate(PASSWORD.toCharArray(), new byte[16], 4);
    private static final AtomicLong UIDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

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
        Exchange first = keyedTwice(engine, key, "POST", "/v1/express", body);

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
        refusedWithoutKey(engine, "GET", "/v1/express", null);
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

    // ---- Express customer users ----

    @ParameterizedTest
    @EnumSource(Engine.class)
    void expressUserLinks(Engine engine) {
        String id = newCustomer(engine, "Links");
        String users = "/v1/express/" + id + "/users";
        ObjectNode link = Http.json("userId", newV2User(engine, null));

        conforms(engine, call(engine, ADMIN, "POST", users, link, "application/json", "Roster-Reason", "on call"), 200);
        // Linking again is a 200 that changes nothing.
        conforms(engine, call(engine, ADMIN, "POST", users, link, "application/json"), 200);
        Exchange linked = conforms(engine, call(engine, ADMIN, "GET", "/v1/express/" + id, null, null), 200);
        assertThat(linked.reply().json().get("userCount").asInt()).isEqualTo(1);
        String key = "contract-" + UUID.randomUUID();
        conforms(engine, call(engine, ADMIN, "DELETE", users, link, "application/json", "Idempotency-Key", key), 200);
        Exchange replayed = conforms(engine, call(engine, ADMIN, "DELETE", users, link, "application/json",
                "Idempotency-Key", key), 200);
        assertThat(replayed.reply().header("Idempotent-Replayed")).isEqualTo("true");
        conforms(engine, call(engine, ADMIN, "DELETE", users, link, "application/json"), 200);

        ObjectNode nobody = Http.json("userId", "usr_00000000000000000000000000000000");
        for (String method : List.of("POST", "DELETE")) {
            failsConforming(engine, call(engine, ADMIN, method, UNKNOWN_CUSTOMER + "/users", link, "application/json"),
                    404, "EXPRESS-NOT-FOUND");
            failsConforming(engine, call(engine, ADMIN, method, users, nobody, "application/json"), 404, "QUERY-Dfbg2");
            rejected(call(engine, ADMIN, method, users, Http.object(), "application/json"),
                    400, "ROSTER-INVALID-ARGUMENT", "body.schema.required");
            rejected(call(engine, ADMIN, method, users, Http.json("userId", "usr_1"), "application/json"),
                    400, "ROSTER-INVALID-ARGUMENT", "body.schema.pattern");
            refusedWithoutKey(engine, method, users, link);
        }
        // A revoked user takes no new link; an inactive customer takes none but still lets one go.
        ObjectNode revoked = Http.json("userId", newV2User(engine, null));
        conforms(engine, call(engine, ADMIN, "POST", users, revoked, "application/json"), 200);
        conforms(engine, call(engine, ADMIN, "POST", "/v1/viewer/users/revoke-access", revoked, "application/json"), 200);
        String other = newCustomer(engine, "Other links");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v1/express/" + other + "/users", revoked,
                "application/json"), 400, "USER-NOT-ACTIVE");
        conforms(engine, call(engine, ADMIN, "POST", "/v1/express/" + id + "/deactivate", null, null), 200);
        failsConforming(engine, call(engine, ADMIN, "POST", users, link, "application/json"), 400,
                "EXPRESS-CUSTOMER-INACTIVE");
        conforms(engine, call(engine, ADMIN, "DELETE", users, revoked, "application/json"), 200);
    }

    // ---- Viewer studies ----

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

    // ---- Viewer users ----

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

    // ---- v2 users and sessions (REST) ----

    @ParameterizedTest
    @EnumSource(Engine.class)
    void v2UserLifecycle(Engine engine) {
        String email = uniqueEmail();
        Exchange added = conforms(engine, call(engine, ADMIN, "POST", "/v2/users/human", Http.json(
                "username", "contract-" + UUID.randomUUID(),
                "organization", Http.json("orgId", DEFAULT_ORG),
                "profile", Http.json("givenName", "Ada", "familyName", "Lovelace", "nickName", "ada",
                        "preferredLanguage", "en", "gender", "GENDER_FEMALE"),
                "email", Http.json("email", email, "isVerified", true),
                "phone", Http.json("phone", "+41 79 000 00 00", "isVerified", true),
                "password", Http.json("password", PASSWORD, "changeRequired", false)),
                "application/json", "Roster-Reason", "hire"), 200);
        String id = added.reply().json().get("userId").asText();
        String chosen = "usr_" + UUID.randomUUID().toString().replace("-", "");
        conforms(engine, call(engine, ADMIN, "POST", "/v2/users/human", Http.json("userId", chosen,
                "profile", Http.json("givenName", "Bo", "familyName", "Chosen"), "email", Http.json("email", uniqueEmail()),
                "hashedPassword", Http.json("hash", BCRYPT_OF_PASSWORD)), "application/json",
                "x-zitadel-orgid", DEFAULT_ORG), 200);
        String user = "/v2/users/" + id;

        Exchange got = conforms(engine, call(engine, ADMIN, "GET", user, null, null), 200);
        assertThat(got.reply().json().at("/user/state").asText()).isEqualTo("USER_STATE_ACTIVE");
        conforms(engine, call(engine, ADMIN, "POST", "/v2/users", Http.object(), "application/json"), 200);
        Exchange listed = conforms(engine, call(engine, ADMIN, "POST", "/v2/users", Http.json(
                "query", Http.json("offset", "0", "limit", 10, "asc", true),
                "sortingColumn", "USER_FIELD_NAME_CREATION_DATE",
                "queries", List.of(
                        Http.json("orQuery", Http.json("queries", List.of(
                                Http.json("emailQuery", Http.json("emailAddress", email.toUpperCase(java.util.Locale.ROOT),
                                        "method", "TEXT_QUERY_METHOD_EQUALS_IGNORE_CASE")),
                                Http.json("inUserIdsQuery", Http.json("userIds", List.of(chosen)))))),
                        Http.json("notQuery", Http.json("query", Http.json("stateQuery",
                                Http.json("state", "USER_STATE_INACTIVE")))),
                        Http.json("typeQuery", Http.json("type", "TYPE_HUMAN")))),
                "application/json"), 200);
        assertThat(listed.reply().json().get("result")).hasSize(2);
        conforms(engine, call(engine, ADMIN, "POST", "/v2/users", Http.json("queries", List.of(
                Http.json("userNameQuery", Http.json("userName", "nobody-" + UUID.randomUUID())))),
                "application/json"), 200);
        conforms(engine, call(engine, ADMIN, "PUT", "/v2/users/human/" + id, Http.json(
                "profile", Http.json("givenName", "Augusta Ada", "familyName", "King"),
                "email", Http.json("email", uniqueEmail()), "phone", Http.json("phone", "+41 79 111 11 11")),
                "application/json"), 200);
        conforms(engine, call(engine, ADMIN, "POST", user + "/password", Http.json(
                "newPassword", Http.json("password", PASSWORD + " 2"), "currentPassword", PASSWORD),
                "application/json"), 200);

        // Every transition once, then again where ZITADEL refuses the repeat.
        Map<String, String> refusedRepeat = new LinkedHashMap<>();
        refusedRepeat.put("deactivate", "COMMAND-5gunjw0cd7");
        refusedRepeat.put("reactivate", "COMMAND-s5qqcz97hf");
        refusedRepeat.put("lock", "COMMAND-lgws8wtsqf");
        refusedRepeat.put("unlock", "COMMAND-olb9vb0oca");
        refusedRepeat.forEach((action, errorId) -> {
            conforms(engine, call(engine, ADMIN, "POST", user + "/" + action, Http.object(), "application/json"), 200);
            failsConforming(engine, call(engine, ADMIN, "POST", user + "/" + action, Http.object(), "application/json"),
                    400, errorId);
        });
        conforms(engine, call(engine, ADMIN, "DELETE", user, null, null), 200);
        failsConforming(engine, call(engine, ADMIN, "DELETE", user, null, null), 404, "COMMAND-bd4ir1mblj");
        failsConforming(engine, call(engine, ADMIN, "GET", user, null, null), 404, "QUERY-Dfbg2");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void v2UserFailures(Engine engine) {
        String taken = uniqueEmail();
        String id = newV2User(engine, taken, PASSWORD);
        String unknown = "/v2/users/usr_00000000000000000000000000000000";
        ObjectNode profile = Http.json("givenName", "Eve", "familyName", "Doe");

        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/users/human", Http.json("username", taken.toUpperCase(
                java.util.Locale.ROOT), "profile", profile, "email", Http.json("email", uniqueEmail())),
                "application/json"), 409, "V3-DKcYh");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/users/human", Http.json("userId", id,
                "profile", profile, "email", Http.json("email", uniqueEmail())), "application/json"),
                400, "COMMAND-7yiox1isql");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/users/human", Http.json("organization",
                Http.json("orgId", "org_ffffffffffffffffffffffffffffffff"), "profile", profile,
                "email", Http.json("email", uniqueEmail())), "application/json"), 404, "ORGANIZATION-NOT-FOUND");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/users/human", Http.json("profile", profile,
                "email", Http.json("email", uniqueEmail()), "totpSecret", "JBSWY3DPEHPK3PXP"), "application/json"),
                501, "ROSTER-UNSUPPORTED");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/users/human", Http.json("profile", profile,
                "email", Http.json("email", uniqueEmail()), "password", Http.json("password", "short")),
                "application/json"), 400, "DOMAIN-HuJf6");
        failsConforming(engine, call(engine, ADMIN, "PUT", "/v2/users/human/" + id, Http.json("email",
                Http.json("email", uniqueEmail(), "returnCode", Http.object())), "application/json"),
                501, "ROSTER-UNSUPPORTED");
        failsConforming(engine, call(engine, ADMIN, "PUT", "/v2/users/human/" + id, Http.json("username",
                newV2UserName(engine)), "application/json"), 409, "V3-DKcYh");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/users/" + id + "/password", Http.json(
                "newPassword", Http.json("password", "another password"), "currentPassword", "not the password"),
                "application/json"), 400, "COMMAND-3M0fs");
        failsConforming(engine, call(engine, ADMIN, "GET", unknown, null, null), 404, "QUERY-Dfbg2");
        failsConforming(engine, call(engine, ADMIN, "PUT", "/v2/users/human/usr_00000000000000000000000000000000",
                Http.json("profile", profile), "application/json"), 404, "COMMAND-ugjs0upun6");
        Map<String, String> notFound = Map.of("deactivate", "COMMAND-5gp2p62iin", "reactivate", "COMMAND-9hy5kzbuk6",
                "lock", "COMMAND-450yxuqrh1", "unlock", "COMMAND-x377t913pw");
        notFound.forEach((action, errorId) -> failsConforming(engine, call(engine, ADMIN, "POST",
                unknown + "/" + action, Http.object(), "application/json"), 404, errorId));
        failsConforming(engine, call(engine, ADMIN, "POST", unknown + "/password", Http.json("newPassword",
                Http.json("password", PASSWORD)), "application/json"), 404, "COMMAND-G8dh3");

        // Requests the document forbids.
        rejected(call(engine, ADMIN, "POST", "/v2/users/human", Http.json("email", Http.json("email", uniqueEmail())),
                "application/json"), 400, "ROSTER-INVALID-ARGUMENT", "body.schema.required");
        rejected(call(engine, ADMIN, "POST", "/v2/users/human", Http.json("profile", profile, "email",
                Http.json("email", uniqueEmail()), "idpLinks", List.of(Http.json("idpId", "x"))), "application/json"),
                501, "ROSTER-UNSUPPORTED", "body.schema.maxItems");
        rejected(call(engine, ADMIN, "POST", "/v2/users", Http.json("query", Http.json("limit", 1001)),
                "application/json"), 400, "QUERY-4M0fs", "body.schema.maximum");
        rejected(call(engine, ADMIN, "POST", "/v2/users", Http.json("queries", List.of(Http.object())),
                "application/json"), 400, "GRPC-vR9nC", "body.schema.minProperties");
        rejected(call(engine, ADMIN, "GET", "/v2/users/" + "u".repeat(201), null, null),
                400, "ROSTER-INVALID-ARGUMENT", "parameter.schema.maxLength");
        rejected(call(engine, ADMIN, "POST", "/v2/users/human", "{\"profile\":", "application/json"),
                400, "ROSTER-REQUEST-REJECTED", "body.schema.invalidJson");
        refusedWithoutKey(engine, "GET", "/v2/users/" + id, null);
        failsConforming(engine, call(engine, "sk_live_00000000000000000000000000000000", "POST", "/v2/users",
                Http.object(), "application/json"), 401, "AUTH-7fs1e");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void v2Sessions(Engine engine) {
        String email = uniqueEmail();
        String userId = newV2User(engine, email, PASSWORD);
        Exchange created = conforms(engine, call(engine, ADMIN, "POST", "/v2/sessions", Http.json(
                "checks", Http.json("user", Http.json("loginName", email.toUpperCase(java.util.Locale.ROOT)),
                        "password", Http.json("password", PASSWORD)),
                "metadata", Map.of("device", "a2lvc2s="),
                "userAgent", Http.json("fingerprintId", "fp-1", "ip", "192.0.2.1", "description", "kiosk",
                        "header", Map.of("user-agent", Http.json("values", List.of("curl/8")))),
                "lifetime", "3600s"), "application/json", "Roster-Reason", "login"), 201);
        String sessionId = created.reply().json().get("sessionId").asText();
        String token = URLEncoder.encode(created.reply().json().get("sessionToken").asText(), StandardCharsets.UTF_8);
        String session = "/v2/sessions/" + sessionId;
        // A session without checks is allowed, as on ZITADEL.
        conforms(engine, call(engine, ADMIN, "POST", "/v2/sessions", Http.object(), "application/json"), 201);

        Exchange got = conforms(engine, call(engine, ADMIN, "GET", session + "?sessionToken=" + token, null, null), 200);
        assertThat(got.reply().json().at("/session/factors/password/verifiedAt").isTextual()).isTrue();
        conforms(engine, call(engine, ADMIN, "GET", session + "?session_token=" + token, null, null), 200);
        conforms(engine, call(engine, ADMIN, "GET", session, null, null), 200);
        failsConforming(engine, call(engine, ADMIN, "GET", session + "?sessionToken=nope", null, null),
                403, "QUERY-dsfr3");
        Exchange listed = conforms(engine, call(engine, ADMIN, "POST", "/v2/sessions/search", Http.json(
                "query", Http.json("limit", 10, "asc", true), "sortingColumn", "SESSION_FIELD_NAME_CREATION_DATE",
                "queries", List.of(Http.json("userIdQuery", Http.json("id", userId)),
                        Http.json("idsQuery", Http.json("ids", List.of(sessionId))),
                        Http.json("creationDateQuery", Http.json("creationDate", "2000-01-01T00:00:00Z",
                                "method", "TIMESTAMP_QUERY_METHOD_GREATER")))), "application/json"), 200);
        assertThat(listed.reply().json().get("sessions")).hasSize(1);
        conforms(engine, call(engine, ADMIN, "POST", "/v2/sessions/search", Http.object(), "application/json"), 200);

        failsConforming(engine, call(engine, ADMIN, "DELETE", session, Http.json("sessionToken", "nope"),
                "application/json"), 403, "COMMAND-sGr42");
        conforms(engine, call(engine, ADMIN, "DELETE", session, Http.json("sessionToken",
                created.reply().json().get("sessionToken").asText()), "application/json"), 200);
        // Idempotent, as on ZITADEL.
        conforms(engine, call(engine, ADMIN, "DELETE", session, Http.object(), "application/json"), 200);
        failsConforming(engine, call(engine, ADMIN, "GET", session, null, null), 404, "QUERY-SFeaa");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void v2SessionFailures(Engine engine) {
        String userId = newV2User(engine, PASSWORD);
        Exchange wrong = call(engine, ADMIN, "POST", "/v2/sessions", Http.json("checks", Http.json(
                "user", Http.json("userId", userId), "password", Http.json("password", "not it"))), "application/json");
        failsConforming(engine, wrong, 400, "COMMAND-3M0fs");
        assertThat(wrong.reply().json().at("/details/0/failedAttempts").asInt()).isEqualTo(1);
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/sessions", Http.json("checks", Http.json(
                "user", Http.json("loginName", "nobody-" + UUID.randomUUID()))), "application/json"), 404, "QUERY-Dfbg2");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/sessions", Http.json("checks", Http.json(
                "password", Http.json("password", PASSWORD))), "application/json"), 400, "COMMAND-Sfw3f");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/sessions", Http.json("checks", Http.json(
                "user", Http.json("loginName", newV2UserName(engine)), "password", Http.json("password", PASSWORD))),
                "application/json"), 400, "COMMAND-WEf3t");
        conforms(engine, call(engine, ADMIN, "POST", "/v2/users/" + userId + "/deactivate", Http.object(),
                "application/json"), 200);
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/sessions", Http.json("checks", Http.json(
                "user", Http.json("userId", userId))), "application/json"), 400, "SESSION-Gj4ko");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/sessions", Http.json("challenges", Http.object()),
                "application/json"), 501, "ROSTER-UNSUPPORTED");
        failsConforming(engine, call(engine, ADMIN, "POST", "/v2/sessions/search", Http.json("queries", List.of(
                Http.json("creatorQuery", Http.object()))), "application/json"), 501, "ROSTER-UNSUPPORTED");
        failsConforming(engine, call(engine, ADMIN, "GET", "/v2/sessions/ses_00000000000000000000000000000000", null,
                null), 404, "QUERY-SFeaa");

        rejected(call(engine, ADMIN, "POST", "/v2/sessions", Http.json("lifetime", "-5s"), "application/json"),
                400, "ROSTER-INVALID-ARGUMENT", "body.schema.pattern");
        rejected(call(engine, ADMIN, "POST", "/v2/sessions/search", Http.json("queries", List.of(Http.object())),
                "application/json"), 400, "GRPC-Sfefs", "body.schema.minProperties");
        rejected(call(engine, null, "POST", "/v2/sessions", Http.object(), "application/json"), 401,
                "ROSTER-AUTH-MISSING", "security.missing");
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

    // ---- rate limits ----

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRequestOverTheKeysRateLimitIsADocumented429(Engine engine) {
        TestServer server = limited.on(engine);
        String org = server.roster().organizations().create(Actor.cli(), "Limited").id();
        String key = server.roster().apiKeys().createByOperator(org, "limited").secret();

        conforms(engine, OpenApiContract.exchange(server.http(), key, "GET", "/v1/express", null, null), 200);
        Exchange v1 = OpenApiContract.exchange(server.http(), key, "GET", "/v1/express", null, null);
        Exchange v2 = OpenApiContract.exchange(server.http(), key, "POST", "/v2/users", Http.object(),
                "application/json");

        for (Exchange refused : List.of(v1, v2)) {
            failsConforming(engine, refused, 429, "ROSTER-RATE-LIMITED");
            assertThat(refused.reply().header("Retry-After")).as("%s", refused).matches("[1-9][0-9]*");
        }
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

    /** A user made over v2 (ACTIVE, with a password when one is given), checked like every other call. */
    private static String newV2User(Engine engine, String email, String password) {
        ObjectNode body = Http.json("profile", Http.json("givenName", "Test", "familyName", "User"),
                "email", Http.json("email", email));
        if (password != null) {
            body.set("password", Http.json("password", password));
        }
        Exchange added = conforms(engine, call(engine, ADMIN, "POST", "/v2/users/human", body, "application/json"), 200);
        return added.reply().json().get("userId").asText();
    }

    private static String newV2User(Engine engine, String password) {
        return newV2User(engine, uniqueEmail(), password);
    }

    /** The username of a new v2 user without a password (the username defaults to the email). */
    private static String newV2UserName(Engine engine) {
        String email = uniqueEmail();
        newV2User(engine, email, null);
        return email;
    }

    private static ObjectNode inviteBody(String email, String firstName, String level) {
        return Http.json("email", email, "firstName", firstName, "lastName", "Tester", "clinicRole", "Radiologist",
                "level", level, "canManageStudies", true, "hasDashboardAccess", false);
    }

    private static String uniqueEmail() {
        return "c" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    /** A DICOM UID not used before in this JVM. */
    private static String uid() {
        return "1.2.840.10008." + UIDS.incrementAndGet();
    }

    /** Sends the same keyed request twice: the second answer is the first one again, marked as replayed. */
    private static Exchange keyedTwice(Engine engine, String key, String method, String path, ObjectNode body) {
        Exchange first = conforms(engine, call(engine, ADMIN, method, path, body, "application/json",
                "Idempotency-Key", key), 200);
        Exchange again = conforms(engine, call(engine, ADMIN, method, path, body, "application/json",
                "Idempotency-Key", key), 200);
        assertThat(again.reply().header("Idempotent-Replayed")).as("%s", again).isEqualTo("true");
        assertThat(again.reply().json()).isEqualTo(first.reply().json());
        return first;
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

    /**
     * A request with query parameters sent with an empty value, the TypeScript and C# SDKs' way of sending null. The
     * validator takes an empty value for an absent one unless the parameter's schema is its OpenAPI 3.0 string model,
     * which a 3.1 document never produces, so for these it reports exactly {@code names} as missing and nothing else;
     * the answer must still be the documented one.
     */
    private static Exchange emptyValues(Exchange e, int status, String... names) {
        assertThat(e.reply().status()).as("%s", e).isEqualTo(status);
        List<ValidationReport.Message> messages = contract.validateRequest(e).getMessages();
        assertThat(messages).as("%s", e).hasSize(names.length)
                .allSatisfy(m -> assertThat(m.getKey()).isEqualTo("validation.request.parameter.missing"));
        for (String name : names) {
            assertThat(messages).as("%s", e).anySatisfy(m -> assertThat(m.getMessage()).contains("'" + name + "'"));
        }
        ValidationReport response = contract.validateResponse(e);
        assertThat(response.getMessages()).as("%s%n%s", e, OpenApiContract.format(response)).isEmpty();
        return e;
    }

    /** A call without {@code Authorization}: the document requires the key, the server answers 401. */
    private static void refusedWithoutKey(Engine engine, String method, String path, Object body) {
        rejected(call(engine, null, method, path, body, body == null ? null : "application/json"), 401,
                "ROSTER-AUTH-MISSING", "security.missing");
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
