package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.testing.Http;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The document itself, without a server: it is OpenAPI 3.1 that parses without a message, and the validator
 * really enforces its JSON Schema 2020-12 rules. The second half feeds hand-made responses that each break one
 * documented rule and requires a complaint for every one, so the contract test cannot pass by accident when the
 * validator silently ignores a keyword (the reason this library version was checked at all).
 */
class OpenApiDocumentTest {
    private static final OpenApiContract contract = OpenApiContract.load();
    private static final String CUSTOMER_PATH = "/v1/express/cus_1234567890abcdef1234567890abcdef";
    private static final String REQUEST_ID = "req_0123456789abcdef";

    @Test
    void isOpenApi31AndParsesWithoutMessages() {
        assertThat(contract.api.getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(contract.api.getOpenapi()).startsWith("3.1.");
        assertThat(contract.parseMessages).isEmpty();
    }

    /** The parser's silence above means something: a broken copy of the same document is objected to. */
    @Test
    void theParserObjectsToABrokenCopy() {
        String danglingRef = contract.text.replace("\"#/components/schemas/ExpressCustomerList\"",
                "\"#/components/schemas/NoSuchSchema\"");
        assertThat(OpenApiContract.parse(danglingRef).getMessages()).isNotEmpty();
        String misspelt = contract.text.replace("\"operationId\": \"health\"", "\"operationIdd\": \"health\"");
        assertThat(OpenApiContract.parse(misspelt).getMessages()).isNotEmpty();
    }

    @Test
    void everyOperationIsNamedAndEveryErrorUsesTheOneErrorBody() {
        assertThat(contract.operationIds()).doesNotContainNull().doesNotHaveDuplicates();
        var responses = contract.api.getComponents().getResponses();
        contract.api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                op.getResponses().forEach((status, response) -> {
                    ApiResponse resolved = response.get$ref() == null ? response
                            : responses.get(response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1));
                    assertThat(resolved.getHeaders()).as("%s %s %s", method, path, status).containsKey("X-Request-Id");
                    if (status.startsWith("4") || status.startsWith("5")) {
                        var media = resolved.getContent().get("application/json");
                        assertThat(media.getSchema().get$ref()).as("%s %s %s", method, path, status)
                                .isEqualTo("#/components/schemas/Error");
                    }
                    // 409 (a keyed request still running) and 429 are worth retrying; every other 4xx is final.
                    if (status.startsWith("4") && !status.equals("409") && !status.equals("429")) {
                        assertThat(resolved.getHeaders()).as("%s %s %s", method, path, status)
                                .containsKey("X-Should-Retry");
                    }
                })));
    }

    /**
     * The validator reads only the parameters and the security an operation lists itself: a parameter declared on
     * the path item, or a top-level {@code security}, would be skipped without a word (a malformed ID in the path
     * or a missing key would pass). So every operation lists its own, and this keeps it that way.
     */
    @Test
    void everyOperationDeclaresItsOwnPathParametersAndSecurity() {
        assertThat(contract.api.getSecurity()).isNullOrEmpty();
        var declared = contract.api.getComponents().getParameters();
        contract.api.getPaths().forEach((path, item) -> {
            assertThat(item.getParameters()).as(path).isNullOrEmpty();
            long placeholders = path.chars().filter(ch -> ch == '{').count();
            item.readOperationsMap().forEach((method, op) -> {
                assertThat(op.getSecurity()).as("%s %s security", method, path).isNotNull();
                long inPath = op.getParameters() == null ? 0 : op.getParameters().stream()
                        .map(p -> p.get$ref() == null ? p : declared.get(p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1)))
                        .filter(p -> "path".equals(p.getIn()))
                        .count();
                assertThat(inPath).as("%s %s path parameters", method, path).isEqualTo(placeholders);
            });
        });
    }

    @Test
    void aConformingCustomerPasses() {
        ValidationReport report = retrieveAnswering(200, customer(c -> { }), Map.of());
        assertThat(report.hasErrors()).as(OpenApiContract.format(report)).isFalse();
        ValidationReport nullTimestamps = retrieveAnswering(200,
                customer(c -> c.putNull("createdAt").putNull("updatedAt")), Map.of());
        assertThat(nullTimestamps.hasErrors()).as(OpenApiContract.format(nullTimestamps)).isFalse();
    }

    static Stream<Arguments> driftedCustomers() {
        return Stream.of(
                drift("required-nullable createdAt missing", c -> c.remove("createdAt")),
                drift("required id missing", c -> c.remove("expressCustomerId")),
                drift("id without its prefix", c -> c.put("expressCustomerId", "1234567890abcdef1234567890abcdef")),
                drift("isActive as a string", c -> c.put("isActive", "true")),
                drift("negative userCount", c -> c.put("userCount", -1)),
                drift("fractional userCount", c -> c.put("userCount", 1.5)),
                drift("timestamp without milliseconds", c -> c.put("updatedAt", "2024-03-15T14:20:00Z")),
                drift("optional createdByApiKeyId sent as null", c -> c.putNull("createdByApiKeyId")),
                drift("createdByApiKeyId not a UUIDv4", c -> c.put("createdByApiKeyId", "550e8400-e29b-11d4-a716-446655440000")),
                drift("optional metadata sent as null", c -> c.putNull("metadata")),
                drift("empty metadata sent instead of omitted", c -> c.putObject("metadata")),
                drift("metadata value not a string", c -> c.putObject("metadata").put("n", 1)),
                drift("metadata key of 101 characters", c -> c.putObject("metadata").put("k".repeat(101), "v")),
                drift("metadata value of 1001 characters", c -> c.putObject("metadata").put("k", "v".repeat(1001))),
                drift("51 metadata pairs", c -> {
                    ObjectNode m = c.putObject("metadata");
                    for (int i = 0; i < 51; i++) {
                        m.put("k" + i, "v");
                    }
                }),
                drift("an undocumented key", c -> c.put("object", "express_customer")));
    }

    private static Arguments drift(String name, Consumer<ObjectNode> change) {
        return Arguments.of(name, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("driftedCustomers")
    void aDriftedCustomerIsReported(String name, Consumer<ObjectNode> change) {
        ValidationReport report = retrieveAnswering(200, customer(change), Map.of());
        assertThat(report.hasErrors()).as(name).isTrue();
    }

    /**
     * The shapes added for Viewer studies, Viewer users and the v2 REST answers, each broken in one way the server
     * could plausibly drift: the conforming original passes, every drifted copy is reported.
     */
    static Stream<Arguments> driftedAnswers() {
        return Stream.of(
                answer("study cancelledAt missing", STUDY_PATH, Request.Method.GET, 200, study(), s -> s.remove("cancelledAt")),
                answer("study severity outside the enum", STUDY_PATH, Request.Method.GET, 200, study(), s -> s.put("severity", "urgent")),
                answer("study assignedTo sent as null", STUDY_PATH, Request.Method.GET, 200, study(), s -> s.putNull("assignedTo")),
                answer("study reference without its email", STUDY_PATH, Request.Method.GET, 200, study(),
                        s -> ((ObjectNode) s.get("assignedTo")).remove("email")),
                answer("study UID with a leading zero", STUDY_PATH, Request.Method.GET, 200, study(),
                        s -> s.put("studyInstanceUid", "1.02.3")),
                answer("user with a status field", USER_PATH, Request.Method.GET, 200, viewerUser(), u -> u.put("status", "revoked")),
                answer("user clinicRole not one of the 61", USER_PATH, Request.Method.GET, 200, viewerUser(),
                        u -> u.put("clinicRole", "Wizard")),
                answer("user lastLoginAt missing", USER_PATH, Request.Method.GET, 200, viewerUser(), u -> u.remove("lastLoginAt")),
                answer("v2 sequence as a JSON number", V2_USER_PATH, Request.Method.GET, 200, v2User(),
                        u -> ((ObjectNode) u.get("details")).put("sequence", 3)),
                answer("v2 state outside the read states", V2_USER_PATH, Request.Method.GET, 200, v2User(),
                        u -> ((ObjectNode) u.get("user")).put("state", "USER_STATE_DELETED")),
                answer("v2 snake_case key", V2_USER_PATH, Request.Method.GET, 200, v2User(),
                        u -> ((ObjectNode) u.get("user")).set("user_id", ((ObjectNode) u.get("user")).remove("userId"))),
                answer("v2 phone omitted instead of {}", V2_USER_PATH, Request.Method.GET, 200, v2User(),
                        u -> ((ObjectNode) u.at("/user/human")).remove("phone")),
                answer("CreateSession answering 200", "/v2/sessions", Request.Method.POST, 200, createdSession(), s -> { }),
                answer("CreateSession without its token", "/v2/sessions", Request.Method.POST, 201, createdSession(),
                        s -> s.remove("sessionToken")));
    }

    private static Arguments answer(String name, String path, Request.Method method, int status, ObjectNode body,
                                    Consumer<ObjectNode> change) {
        return Arguments.of(name, path, method, status, body, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("driftedAnswers")
    void aDriftedNewAnswerIsReported(String name, String path, Request.Method method, int status, ObjectNode body,
                                     Consumer<ObjectNode> change) {
        ValidationReport original = answering(path, method, method == Request.Method.POST ? 201 : 200, body.toString());
        assertThat(original.hasErrors()).as("%s: the original%n%s", name, OpenApiContract.format(original)).isFalse();
        ObjectNode drifted = body.deepCopy();
        change.accept(drifted);
        assertThat(answering(path, method, status, drifted.toString()).hasErrors()).as(name).isTrue();
    }

    private static ValidationReport answering(String path, Request.Method method, int status, String body) {
        SimpleResponse r = SimpleResponse.Builder.status(status).withContentType("application/json")
                .withHeader("X-Request-Id", REQUEST_ID).withBody(body).build();
        return contract.validator.validateResponse(path, method, r);
    }

    private static final String STUDY_PATH = "/v1/viewer/studies/stu_1234567890abcdef1234567890abcdef";
    private static final String USER_PATH = "/v1/viewer/users/usr_1234567890abcdef1234567890abcdef";
    private static final String V2_USER_PATH = "/v2/users/usr_1234567890abcdef1234567890abcdef";

    private static ObjectNode study() {
        return Http.json("studyId", "stu_1234567890abcdef1234567890abcdef", "studyInstanceUid", "1.2.840.10008.1",
                "studyDescription", "Brain MRI with Contrast", "severity", "high", "studyViewerStatus", "incomplete",
                "isCancelled", false, "cancelledAt", null, "createdAt", "2024-01-15T09:00:00.000Z",
                "updatedAt", "2024-01-15T09:00:00.000Z",
                "assignedTo", Http.json("userId", "usr_1234567890abcdef1234567890abcdef", "email", "ada@example.com"),
                "createdByApiKey", Http.json("apiKeyId", "550e8400-e29b-41d4-a716-446655440000", "description", "ci"));
    }

    private static ObjectNode viewerUser() {
        return Http.json("userId", "usr_1234567890abcdef1234567890abcdef", "email", "ada@example.com",
                "firstName", "Ada", "lastName", "Lovelace", "clinicRole", "Radiologist", "level", "member",
                "canManageStudies", true, "hasDashboardAccess", false, "invitedSource", "api",
                "createdAt", "2024-01-15T09:00:00.000Z", "lastLoginAt", null);
    }

    /** The GetUserByID example of zitadel-v2.md §4.2, with Roster's IDs. */
    private static ObjectNode v2User() {
        ObjectNode details = Http.json("sequence", "3", "changeDate", "2026-11-22T09:31:31.841Z",
                "resourceOwner", "org_00000000000000000000000000000001");
        return Http.json("details", details, "user", Http.json("userId", "usr_1234567890abcdef1234567890abcdef",
                "details", details, "state", "USER_STATE_INACTIVE", "username", "ada@example.com",
                "loginNames", new Object[] {"ada@example.com"}, "preferredLoginName", "ada@example.com",
                "human", Http.json("profile", Http.json("givenName", "Ada", "familyName", "Lovelace", "nickName", "",
                        "displayName", "Ada Lovelace", "preferredLanguage", "und", "gender", "GENDER_UNSPECIFIED"),
                        "email", Http.json("email", "ada@example.com", "isVerified", true), "phone", Http.object())));
    }

    private static ObjectNode createdSession() {
        return Http.json("details", Http.json("sequence", "1", "changeDate", "2026-11-22T10:00:00.123Z",
                "resourceOwner", "org_00000000000000000000000000000001"),
                "sessionId", "ses_1234567890abcdef1234567890abcdef", "sessionToken", "opaque");
    }

    @Test
    void theErrorBodyAndItsHeadersAreEnforced() {
        String error = Http.json("code", 5, "message", "Express customer could not be found (EXPRESS-NOT-FOUND)",
                "details", new Object[] {Map.of("@type", "type.googleapis.com/zitadel.v1.ErrorDetail",
                        "id", "EXPRESS-NOT-FOUND", "message", "Express customer could not be found")}).toString();
        Map<String, String> retryFalse = Map.of("X-Should-Retry", "false");
        ValidationReport good = retrieveAnswering(404, error, retryFalse);
        assertThat(good.hasErrors()).as(OpenApiContract.format(good)).isFalse();

        assertThat(retrieveAnswering(404, error, Map.of()).hasErrors()).as("X-Should-Retry missing").isTrue();
        assertThat(retrieveAnswering(404, error, Map.of("X-Should-Retry", "true")).hasErrors())
                .as("X-Should-Retry true").isTrue();
        assertThat(validateResponse(404, error, retryFalse, false).hasErrors()).as("X-Request-Id missing").isTrue();
        assertThat(retrieveAnswering(404, "{\"error\":\"not found\"}", retryFalse).hasErrors())
                .as("another error shape").isTrue();
        assertThat(retrieveAnswering(404, error.replace("zitadel.v1.ErrorDetail", "google.rpc.ErrorInfo"), retryFalse)
                .hasErrors()).as("another @type").isTrue();
        assertThat(retrieveAnswering(409, error, retryFalse).hasErrors()).as("an undocumented status").isTrue();
    }

    @Test
    void theListEnvelopeIsEnforced() {
        String last = "{\"expressCustomers\":[],\"hasMore\":false}";
        assertThat(list(last).hasErrors()).as(OpenApiContract.format(list(last))).isFalse();
        assertThat(list("{\"expressCustomers\":[],\"hasMore\":false,\"cursor\":\"\"}").hasErrors())
                .as("empty cursor").isTrue();
        assertThat(list("{\"expressCustomers\":[],\"hasMore\":false,\"cursor\":null}").hasErrors())
                .as("null cursor").isTrue();
        assertThat(list("{\"expressCustomers\":[]}").hasErrors()).as("hasMore missing").isTrue();
        assertThat(list("{\"items\":[],\"hasMore\":false}").hasErrors()).as("renamed items key").isTrue();
    }

    private static ValidationReport list(String body) {
        SimpleResponse r = SimpleResponse.Builder.ok().withContentType("application/json")
                .withHeader("X-Request-Id", REQUEST_ID).withBody(body).build();
        return contract.validator.validateResponse("/v1/express", Request.Method.GET, r);
    }

    private static ValidationReport retrieveAnswering(int status, String body, Map<String, String> headers) {
        return validateResponse(status, body, headers, true);
    }

    private static ValidationReport validateResponse(int status, String body, Map<String, String> headers,
                                                     boolean withRequestId) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(status)
                .withContentType("application/json; charset=utf-8").withBody(body);
        if (withRequestId) {
            b.withHeader("X-Request-Id", REQUEST_ID);
        }
        headers.forEach(b::withHeader);
        return contract.validator.validateResponse(CUSTOMER_PATH, Request.Method.GET, b.build());
    }

    /** The example customer of avara-v1.md §2.1 in Roster's timestamp form, changed by {@code change}. */
    private static String customer(Consumer<ObjectNode> change) {
        ObjectNode c = Http.json(
                "expressCustomerId", "cus_1234567890abcdef1234567890abcdef",
                "expressCustomerName", "City Medical Center - Radiology Department",
                "isActive", true,
                "userCount", 15,
                "createdAt", "2024-01-15T09:00:00.000Z",
                "updatedAt", "2024-03-15T14:20:00.000Z",
                "createdByApiKeyId", "550e8400-e29b-41d4-a716-446655440000",
                "createdByUserId", "usr_1234567890abcdef1234567890abcdef",
                "metadata", Map.of("department", "radiology", "region", "northeast"));
        change.accept(c);
        return c.toString();
    }
}
