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
