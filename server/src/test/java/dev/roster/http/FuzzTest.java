package dev.roster.http;

import static dev.roster.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seeded, bounded fuzzing over real HTTP: requests for every operation in {@code /openapi.json}, bent in random ways,
 * and gRPC-Web calls with broken frames on every v2 method. Whatever comes in, the answer is never a 5xx, never names
 * a class, always carries {@code X-Request-Id}, and a failure always has the one error shape. A failure message
 * quotes the request, and the seed makes the run repeatable.
 */
class FuzzTest {
    private static final long SEED = 20261206L;
    private static final int REQUESTS = 1_500;
    private static final int RPCS = 300;
    /** What a leaked exception or class looks like in a body or a grpc-message. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "(com\\.linecorp|io\\.grpc|io\\.netty|java\\.|javax\\.|dev\\.roster|org\\.jdbi|org\\.sqlite|org\\.postgresql"
                    + "|com\\.fasterxml|com\\.google\\.protobuf|Exception\\b|\\tat )");
    private static final List<String> RPC_METHODS = List.of(
            "zitadel.user.v2.UserService/AddHumanUser", "zitadel.user.v2.UserService/GetUserByID",
            "zitadel.user.v2.UserService/ListUsers", "zitadel.user.v2.UserService/UpdateHumanUser",
            "zitadel.user.v2.UserService/DeactivateUser", "zitadel.user.v2.UserService/ReactivateUser",
            "zitadel.user.v2.UserService/LockUser", "zitadel.user.v2.UserService/UnlockUser",
            "zitadel.user.v2.UserService/DeleteUser", "zitadel.user.v2.UserService/SetPassword",
            "zitadel.session.v2.SessionService/ListSessions", "zitadel.session.v2.SessionService/GetSession",
            "zitadel.session.v2.SessionService/CreateSession", "zitadel.session.v2.SessionService/DeleteSession");

    @RegisterExtension
    static final Servers servers = new Servers();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyDocumentedOperationAnswersHostileRequestsWithTheOneErrorShape(Engine engine) {
        TestServer server = servers.on(engine);
        Http api = server.http().as(server.newOrganizationKey());
        List<Http> callers = List.of(api, api, api, api, api.as(null), api.as("sk_live_" + "0".repeat(32)),
                api.as(server.newOrganizationKey()), api.as(TestServer.ADMIN_KEY));
        JsonNode document = api.get("/openapi.json").json();
        RequestFuzzer fuzzer = new RequestFuzzer(document, SEED, knownIds(api));
        List<RequestFuzzer.Operation> operations = fuzzer.operations();
        assertThat(operations).hasSizeGreaterThan(30);
        Random random = new Random(SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();

        for (int i = 0; i < REQUESTS; i++) {
            RequestFuzzer.Operation op = operations.get(i % operations.size());
            RequestFuzzer.Request request = fuzzer.next(op);
            Http caller = callers.get(random.nextInt(callers.size()));
            Reply reply = caller.sendBytes(request.method(), request.path(), request.headers(), request.body(),
                    request.contentType());
            assertWellFormed(reply, "request " + i + " (seed " + SEED + "): " + request);
            statuses.merge(reply.status(), 1, Integer::sum);
        }
        // Bent requests are mostly refused, but enough must succeed to show the fuzzing reached past validation.
        assertThat(statuses.getOrDefault(200, 0)).as("successes among %s", statuses).isGreaterThan(REQUESTS / 10);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyV2MethodAnswersBrokenGrpcWebFramesWithAStatusThatNamesTheProblem(Engine engine) {
        TestServer server = servers.on(engine);
        Http api = server.http().as(server.newOrganizationKey());
        Random random = new Random(SEED);

        for (int i = 0; i < RPCS; i++) {
            String method = RPC_METHODS.get(i % RPC_METHODS.size());
            boolean text = random.nextInt(4) == 0;
            byte[] frame = brokenFrame(random);
            byte[] body = text ? Base64.getEncoder().encode(frame) : frame;
            if (text && random.nextInt(4) == 0) {
                body = "!!!".getBytes(StandardCharsets.US_ASCII);
            }
            String type = text ? "application/grpc-web-text+proto" : "application/grpc-web+proto";
            Reply reply = api.with("X-Grpc-Web", "1").sendBytes("POST", "/" + method, Map.of(), body, type);
            String context = "rpc " + i + " (seed " + SEED + ") " + method + " " + type + " frame "
                    + Base64.getEncoder().encodeToString(frame.length > 64 ? Arrays.copyOf(frame, 64) : frame);
            assertThat(reply.status()).as(context + " -> " + reply).isLessThan(500);
            assertThat(reply.header("X-Request-Id")).as(context + " X-Request-Id").isNotBlank();
            String grpcStatus = GrpcWebTrailers.status(reply, text);
            assertThat(grpcStatus).as(context + " grpc-status").isNotNull()
                    .isNotIn("2", "13"); // UNKNOWN and INTERNAL would say the server failed, not the frame
            assertThat(GrpcWebTrailers.message(reply, text)).as(context + " grpc-message")
                    .doesNotContainPattern(CLASS_NAME);
        }
    }

    /** A gRPC-Web frame bent one way: a payload that is not the message, wrong flags, or a wrong length. */
    private static byte[] brokenFrame(Random random) {
        byte[] payload = new byte[random.nextInt(64)];
        random.nextBytes(payload);
        int flags = switch (random.nextInt(4)) {
            case 0 -> 1; // compressed, without a grpc-encoding
            case 1 -> 0x7e; // reserved bits
            default -> 0;
        };
        long length = switch (random.nextInt(4)) {
            case 0 -> 0xFFFFFFFFL; // 4 GiB
            case 1 -> payload.length + 10L; // truncated
            default -> payload.length;
        };
        return ByteBuffer.allocate(5 + payload.length).put((byte) flags).putInt((int) length).put(payload).array();
    }

    private static void assertWellFormed(Reply reply, String context) {
        // 501 is UNIMPLEMENTED, a documented answer for a ZITADEL field Roster does not support; any other 5xx fails.
        boolean unimplemented = reply.status() == 501 && reply.json().path("code").asInt() == 12;
        assertThat(unimplemented || reply.status() < 500).as(context + " -> " + reply).isTrue();
        assertThat(reply.status()).as(context).isGreaterThanOrEqualTo(200);
        assertThat(reply.header("X-Request-Id")).as(context + " X-Request-Id").isNotBlank();
        if (reply.status() >= 400) {
            // Only failures: /metrics and /openapi.json name JVM and Java things on purpose.
            assertThat(reply.body()).as(context + " names no class").doesNotContainPattern(CLASS_NAME);
            JsonNode error = reply.json();
            assertThat(error.path("code").isInt()).as(context + " error code in " + reply.body()).isTrue();
            assertThat(error.path("message").isTextual()).as(context + " error message in " + reply.body()).isTrue();
            assertThat(error.path("details").isMissingNode() || error.path("details").isArray())
                    .as(context + " error details in " + reply.body()).isTrue();
        }
    }

    /** Real ids by path parameter name, so that part of the requests reach objects that exist. */
    private static Map<String, List<String>> knownIds(Http api) {
        String customer = api.post("/v1/express", json("expressCustomerName", "Fuzz clinic"))
                .json().get("expressCustomerId").asText();
        String uid = "1.2.840.113619." + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L);
        String study = api.post("/v1/viewer/studies", json("studyInstanceUid", uid,
                "studyDescription", "Brain MRI", "severity", "normal")).json().get("studyId").asText();
        String viewer = api.post("/v1/viewer/users", json("email", "fuzz-" + UUID.randomUUID() + "@example.com",
                "firstName", "Grace", "lastName", "Hopper", "clinicRole", "Radiologist", "level", "member",
                "canManageStudies", true, "hasDashboardAccess", false)).json().get("userId").asText();
        String user = api.post("/v2/users/human", json("profile", json("givenName", "Ada", "familyName", "Lovelace"),
                "email", json("email", "fuzz-" + UUID.randomUUID() + "@example.com"))).json().get("userId").asText();
        String session = api.post("/v2/sessions", json("checks", json("user", json("userId", user))))
                .json().get("sessionId").asText();
        List.of(customer, study, viewer, user, session).forEach(id -> assertThat(id).isNotBlank());
        return Map.of("expressCustomerId", List.of(customer), "studyId", List.of(study),
                "studyInstanceUid", List.of(uid), "userId", List.of(viewer, user), "user_id", List.of(user, viewer),
                "session_id", List.of(session));
    }
}
