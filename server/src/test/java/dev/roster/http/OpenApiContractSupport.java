package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.http.OpenApiContract.Exchange;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
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
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real requests to a running Roster on both engines, each checked with its response against the OpenAPI document
 * the server ships (and serves). A conforming request must get a response the document allows for that
 * operation and status; a request the document itself forbids (bad limit, malformed JSON, no key) must be flagged
 * by the validator and still be answered with a documented error. After each surface's class, every documented
 * operation of that surface must have been seen to succeed on each engine, so a new operation cannot go
 * undocumented-by-test; {@link ServerContractTest} checks that every operation belongs to a surface.
 */
abstract class OpenApiContractSupport {
    @RegisterExtension
    static final Servers servers = new Servers();

    static final OpenApiContract contract = OpenApiContract.load();
    static final String ADMIN = TestServer.ADMIN_KEY;
    static final String UNKNOWN_CUSTOMER = "/v1/express/cus_00000000000000000000000000000000";
    static final String UNKNOWN_ORG = "/v1/organizations/org_ffffffffffffffffffffffffffffffff";
    static final String DEFAULT_ORG = "org_00000000000000000000000000000001";
    static final String PASSWORD = "correct horse battery";
    /** A bcrypt hash of {@link #PASSWORD}, as an import through AddHumanUser's hashedPassword brings it. */
    static final String BCRYPT_OF_PASSWORD =
            OpenBSDBCrypt.generate(PASSWORD.toCharArray(), new byte[16], 4);
    static final AtomicLong UIDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    /** Operations seen answering 2xx, per engine, across the whole class. */
    static final Map<Engine, Set<String>> succeeded = new EnumMap<>(Engine.class);

    /** The operation id prefixes of the surfaces, one test class each. */
    static final List<String> SURFACES = List.of("express.", "viewer.", "v2.", "health", "metrics", "openapi",
            "organizations.", "apiKeys.", "events.", "webhooks.");

    /** Every documented operation whose id starts with one of {@code prefixes} was seen succeeding on each engine. */
    static void everyOperationSucceededOnEveryEngine(String... prefixes) {
        Set<String> expected = new TreeSet<>();
        for (String id : contract.operationIds()) {
            for (String prefix : prefixes) {
                if (id.startsWith(prefix)) {
                    expected.add(id);
                }
            }
        }
        assertThat(expected).as("operations under %s", List.of(prefixes)).isNotEmpty();
        for (Engine engine : Engine.values()) {
            Set<String> seen = new TreeSet<>(succeeded.getOrDefault(engine, Set.of()));
            seen.retainAll(expected);
            assertThat(seen).as("operations seen succeeding on %s", engine)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    // ---- checks ----

    static Exchange call(Engine engine, String key, String method, String pathAndQuery, Object body,
                                 String contentType, String... headers) {
        return OpenApiContract.exchange(servers.on(engine).http(), key, method, pathAndQuery, body, contentType,
                headers);
    }

    /** A request the document allows, answered with {@code status} and a response the document allows. */
    static Exchange conforms(Engine engine, Exchange e, int status) {
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
    static String newCustomer(Engine engine, String name) {
        Exchange created = conforms(engine, call(engine, ADMIN, "POST", "/v1/express",
                Http.json("expressCustomerName", name), "application/json"), 200);
        return created.reply().json().get("expressCustomerId").asText();
    }

    /** A user made over v2 (ACTIVE, with a password when one is given), checked like every other call. */
    static String newV2User(Engine engine, String email, String password) {
        ObjectNode body = Http.json("profile", Http.json("givenName", "Test", "familyName", "User"),
                "email", Http.json("email", email));
        if (password != null) {
            body.set("password", Http.json("password", password));
        }
        Exchange added = conforms(engine, call(engine, ADMIN, "POST", "/v2/users/human", body, "application/json"), 200);
        return added.reply().json().get("userId").asText();
    }

    static String newV2User(Engine engine, String password) {
        return newV2User(engine, uniqueEmail(), password);
    }

    /** The username of a new v2 user without a password (the username defaults to the email). */
    static String newV2UserName(Engine engine) {
        String email = uniqueEmail();
        newV2User(engine, email, null);
        return email;
    }

    static ObjectNode inviteBody(String email, String firstName, String level) {
        return Http.json("email", email, "firstName", firstName, "lastName", "Tester", "clinicRole", "Radiologist",
                "level", level, "canManageStudies", true, "hasDashboardAccess", false);
    }

    static String uniqueEmail() {
        return "c" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    /** A DICOM UID not used before in this JVM. */
    static String uid() {
        return "1.2.840.10008." + UIDS.incrementAndGet();
    }

    /** Sends the same keyed request twice: the second answer is the first one again, marked as replayed. */
    static Exchange keyedTwice(Engine engine, String key, String method, String path, ObjectNode body) {
        Exchange first = conforms(engine, call(engine, ADMIN, method, path, body, "application/json",
                "Idempotency-Key", key), 200);
        Exchange again = conforms(engine, call(engine, ADMIN, method, path, body, "application/json",
                "Idempotency-Key", key), 200);
        assertThat(again.reply().header("Idempotent-Replayed")).as("%s", again).isEqualTo("true");
        assertThat(again.reply().json()).isEqualTo(first.reply().json());
        return first;
    }

    /** A conforming request that fails as documented, with the stable error ID {@code errorId}. */
    static void failsConforming(Engine engine, Exchange e, int status, String errorId) {
        conforms(engine, e, status);
        assertThat(e.reply().errorId()).as("%s", e).isEqualTo(errorId);
    }

    /**
     * A request the document forbids: the validator flags it for the expected rule ({@code validation.request.}
     * + {@code rule}), so the document states the constraint the server enforces, and the answer is a documented
     * error with the stable ID {@code errorId}.
     */
    static void rejected(Exchange e, int status, String errorId, String rule) {
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
    static Exchange emptyValues(Exchange e, int status, String... names) {
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
    static void refusedWithoutKey(Engine engine, String method, String path, Object body) {
        rejected(call(engine, null, method, path, body, body == null ? null : "application/json"), 401,
                "ROSTER-AUTH-MISSING", "security.missing");
    }

    /** A request carrying a body the document does not declare: flagged as such, and answered as documented. */
    static Exchange ignoredBody(Exchange e, int status) {
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
    static void unrouted(Engine engine, Exchange e, int status, String requestKey, String errorId) {
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
