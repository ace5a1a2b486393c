package dev.roster.http.v2;

import static dev.roster.http.v2.SessionsTest.login;
import static dev.roster.http.v2.V2Fixtures.PASSWORD;
import static dev.roster.http.v2.V2Fixtures.addUserWithPassword;
import static dev.roster.http.v2.V2Fixtures.fails;
import static dev.roster.http.v2.V2Fixtures.uniqueEmail;
import static dev.roster.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.app.PasswordHasher;
import dev.roster.app.RateLimit;
import dev.roster.app.Roster;
import dev.roster.domain.Actor;
import dev.roster.proto.zitadel.user.v2.ListUsersRequest;
import dev.roster.proto.zitadel.user.v2.Password;
import dev.roster.proto.zitadel.user.v2.SetPasswordRequest;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rate limits over real HTTP: per API key across v1, v2 REST, gRPC and gRPC-Web together, and per user on password
 * checks. The limits are per hour, so no permit comes back while a test runs.
 */
class RateLimitTest {
    private static final int PER_KEY = 4;
    private static final int CHECKS_PER_USER = 3;
    private static final int RESOURCE_EXHAUSTED = 8;

    /** Requests limited per key; password checks not. */
    @RegisterExtension
    static final Servers keyLimited = new Servers(new Roster.Settings(0, PasswordHasher.standard(),
            new RateLimit(PER_KEY, Duration.ofHours(1)), RateLimit.OFF));

    /** Password checks limited per user (lockout off); requests not. */
    @RegisterExtension
    static final Servers userLimited = new Servers(new Roster.Settings(0, PasswordHasher.standard(),
            RateLimit.OFF, new RateLimit(CHECKS_PER_USER, Duration.ofHours(1))));

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aKeysRequestsOnEveryProtocolDrawFromOneBucketAndTheNextIsRefused(Engine engine) {
        TestServer server = keyLimited.on(engine);
        String key = operatorKey(server);
        Http v1 = server.http().as(key);
        V2Client grpc = V2Client.of(Transport.GRPC, server.http(), key);
        V2Client grpcWeb = V2Client.of(Transport.GRPC_WEB, server.http(), key);
        long refusedBefore = refused(server, "api_key");
        long customersBefore = customers(server);

        assertThat(v1.get("/v1/express").status()).isEqualTo(200);
        assertThat(v1.post("/v2/users", Http.object()).status()).isEqualTo(200);
        grpc.call(Rpc.LIST_USERS, ListUsersRequest.getDefaultInstance());
        grpcWeb.call(Rpc.LIST_USERS, ListUsersRequest.getDefaultInstance());

        assertLimited(v1.get("/v1/express"), "ROSTER-RATE-LIMITED", Duration.ofMinutes(15));
        assertLimited(v1.post("/v1/express", json("expressCustomerName", "one too many")), "ROSTER-RATE-LIMITED",
                Duration.ofMinutes(15));
        assertLimited(v1.post("/v2/users", Http.object()), "ROSTER-RATE-LIMITED", Duration.ofMinutes(15));
        for (V2Client c : List.of(grpc, grpcWeb)) {
            fails(c, () -> c.call(Rpc.LIST_USERS, ListUsersRequest.getDefaultInstance()), RESOURCE_EXHAUSTED,
                    "ROSTER-RATE-LIMITED");
        }
        assertThat(customers(server)).as("the refused create wrote nothing").isEqualTo(customersBefore);
        assertThat(refused(server, "api_key") - refusedBefore).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anotherKeyKeepsItsOwnBucketAndAnUnknownKeyIsUnauthenticated(Engine engine) {
        TestServer server = keyLimited.on(engine);
        Http spent = server.http().as(operatorKey(server));
        for (int i = 0; i < PER_KEY; i++) {
            assertThat(spent.get("/v1/express").status()).isEqualTo(200);
        }
        assertThat(spent.get("/v1/express").status()).isEqualTo(429);

        Http other = server.http().as(operatorKey(server));
        for (int i = 0; i < PER_KEY; i++) {
            Reply r = other.get("/v1/express");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        Reply unknown = server.http().as("sk_live_00000000000000000000000000000000").get("/v1/express");
        assertThat(unknown.status()).isEqualTo(401);
        V2Client unknownGrpc = V2Client.of(Transport.GRPC, server.http(), "sk_live_00000000000000000000000000000000");
        fails(unknownGrpc, () -> unknownGrpc.call(Rpc.LIST_USERS, ListUsersRequest.getDefaultInstance()),
                V2Fixtures.UNAUTHENTICATED, "AUTH-7fs1e");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void withTheRequestLimitOffNoRequestIsRefused(Engine engine) {
        TestServer server = userLimited.on(engine);
        String key = operatorKey(server);
        Http v1 = server.http().as(key);
        V2Client grpc = V2Client.of(Transport.GRPC, server.http(), key);

        for (int i = 0; i < 50; i++) {
            assertThat(v1.get("/v1/express").status()).isEqualTo(200);
            assertThat(v1.post("/v2/users", Http.object()).status()).isEqualTo(200);
            grpc.call(Rpc.LIST_USERS, ListUsersRequest.getDefaultInstance());
        }
        assertThat(refused(server, "api_key")).isZero();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void passwordChecksAreLimitedPerUserWhicheverKeyAsksAndWhateverTheOutcome(Engine engine) {
        TestServer server = userLimited.on(engine);
        V2Client admin = V2Client.of(Transport.GRPC, server.http(), TestServer.ADMIN_KEY);
        String email = uniqueEmail();
        String userId = addUserWithPassword(admin, email);
        String otherEmail = uniqueEmail();
        addUserWithPassword(admin, otherEmail);
        long refusedBefore = refused(server, "password_check");

        // Each check through another key: the limit belongs to the user, not to the caller.
        Http rest = server.http().as(operatorKeyOfTheDefaultOrganization(server));
        assertThat(rest.post("/v2/sessions", loginJson(email, PASSWORD)).status()).isEqualTo(201);
        fails(admin, () -> admin.call(Rpc.CREATE_SESSION, login(email, "not the password")),
                V2Fixtures.INVALID_ARGUMENT, "COMMAND-3M0fs");
        V2Client web = V2Client.of(Transport.GRPC_WEB, server.http(), operatorKeyOfTheDefaultOrganization(server));
        fails(web, () -> web.call(Rpc.SET_PASSWORD, SetPasswordRequest.newBuilder().setUserId(userId)
                        .setNewPassword(Password.newBuilder().setPassword("another long password"))
                        .setCurrentPassword("not the password").build()),
                V2Fixtures.INVALID_ARGUMENT, "COMMAND-3M0fs");

        // The right password is refused too: no check runs, so nothing is learnt and nothing counts towards lockout.
        assertLimited(rest.post("/v2/sessions", loginJson(email, PASSWORD)), "ROSTER-PASSWORD-CHECKS-LIMITED",
                Duration.ofMinutes(20));
        fails(admin, () -> admin.call(Rpc.CREATE_SESSION, login(email, PASSWORD)), RESOURCE_EXHAUSTED,
                "ROSTER-PASSWORD-CHECKS-LIMITED");
        fails(admin, () -> admin.call(Rpc.SET_PASSWORD, SetPasswordRequest.newBuilder().setUserId(userId)
                        .setNewPassword(Password.newBuilder().setPassword("another long password"))
                        .setCurrentPassword(PASSWORD).build()),
                RESOURCE_EXHAUSTED, "ROSTER-PASSWORD-CHECKS-LIMITED");
        assertThat(refused(server, "password_check") - refusedBefore).isEqualTo(3);

        assertThat(rest.post("/v2/sessions", loginJson(otherEmail, PASSWORD)).status())
                .as("another user's checks").isEqualTo(201);
        assertThat(rest.post("/v2/sessions", json("checks", json("user", json("loginName", email)))).status())
                .as("a session without a password check").isEqualTo(201);
        Reply user = rest.get("/v2/users/" + userId);
        assertThat(user.json().at("/user/state").asText()).isEqualTo("USER_STATE_ACTIVE");
    }

    private static ObjectNode loginJson(String loginName, String password) {
        return json("checks", json("user", json("loginName", loginName), "password", json("password", password)));
    }

    /** A refusal by a rate limit on REST: 429 in the one error shape, retryable, saying when to come back. */
    private static void assertLimited(Reply r, String id, Duration refill) {
        assertThat(r.status()).as(r.body()).isEqualTo(429);
        assertThat(r.json().get("code").asInt()).isEqualTo(RESOURCE_EXHAUSTED);
        assertThat(r.errorId()).isEqualTo(id);
        assertThat(r.json().get("message").asText()).endsWith("(" + id + ")");
        assertThat(r.header("x-should-retry")).as("429 is retried by the SDKs").isNull();
        long retryAfter = Long.parseLong(r.header("retry-after"));
        assertThat(retryAfter).isBetween(refill.toSeconds() - 60, refill.toSeconds());
    }

    /** A key of a new organization, made as the CLI makes one, so the instance-admin key's bucket is not spent. */
    private static String operatorKey(TestServer server) {
        String org = server.roster().organizations().create(Actor.cli(), "Limited").id();
        return server.roster().apiKeys().createByOperator(org, "limited").secret();
    }

    private static String operatorKeyOfTheDefaultOrganization(TestServer server) {
        return server.roster().apiKeys().createByOperator(V2Fixtures.DEFAULT_ORG, "another caller").secret();
    }

    private static long customers(TestServer server) {
        return server.database().read(h -> h.createQuery("SELECT COUNT(*) FROM express_customers")
                .mapTo(Long.class).one());
    }

    /** What {@code /metrics} counts as refused by one limit. */
    private static long refused(TestServer server, String limit) {
        String prefix = "roster_rate_limited_total{limit=\"" + limit + "\"";
        for (String line : server.http().get("/metrics").body().split("\n")) {
            if (line.startsWith(prefix)) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no " + prefix + " in /metrics");
    }
}
