package dev.roster.http;

import static dev.roster.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.http.v1.ExpressApi;
import dev.roster.testing.Engine;
import dev.roster.testing.Eventually;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Idempotency-Key on v1 writes: one run per key, the same answer on every retry. */
class IdempotencyTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRetriedCreateReturnsTheFirstAnswerAndCreatesOnce(Engine engine) {
        Http api = servers.newTenant(engine).with("Idempotency-Key", UUID.randomUUID().toString());

        Reply first = api.post("/v1/express", json("expressCustomerName", "Once"));
        Reply retry = api.post("/v1/express", json("expressCustomerName", "Once"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("idempotent-replayed")).isNull();
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("idempotent-replayed")).isEqualTo("true");
        assertThat(retry.header("content-type")).startsWith("application/json");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(api.get("/v1/express").json().get("expressCustomers")).hasSize(1);
    }

    /**
     * A retried create of a webhook endpoint hands back the endpoint and signing secret the first run made: a client
     * that lost the first answer still learns the secret that signs its deliveries, and no second endpoint delivers.
     */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRetriedWebhookEndpointCreateReturnsTheSameEndpointAndSecret(Engine engine) {
        Http api = servers.newTenant(engine).with("Idempotency-Key", UUID.randomUUID().toString());
        var body = json("url", "https://hooks.example.invalid/roster", "eventTypes", List.of("user.*"));

        Reply first = api.post("/v1/webhook-endpoints", body);
        Reply retry = api.post("/v1/webhook-endpoints", body);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(retry.header("idempotent-replayed")).isEqualTo("true");
        assertThat(retry.json().get("webhookEndpointId")).isEqualTo(first.json().get("webhookEndpointId"));
        assertThat(retry.json().get("secret").asText()).isNotEmpty().isEqualTo(first.json().get("secret").asText());
        assertThat(api.get("/v1/webhook-endpoints").json().get("webhookEndpoints")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theSameKeyOnAnotherRequestIsRefused(Engine engine) {
        Http api = servers.newTenant(engine).with("Idempotency-Key", "order-42");
        api.post("/v1/express", json("expressCustomerName", "First"));

        Reply other = api.post("/v1/express", json("expressCustomerName", "Second"));

        assertThat(other.status()).isEqualTo(400);
        assertThat(other.errorId()).isEqualTo("ROSTER-IDEMPOTENCY-KEY-REUSED");
        assertThat(other.header("x-should-retry")).isEqualTo("false");
        assertThat(api.get("/v1/express").json().get("expressCustomers")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void keysBelongToOneOrganization(Engine engine) {
        Http first = servers.newTenant(engine).with("Idempotency-Key", "shared-name");
        Http second = servers.newTenant(engine).with("Idempotency-Key", "shared-name");

        Reply a = first.post("/v1/express", json("expressCustomerName", "Same body"));
        Reply b = second.post("/v1/express", json("expressCustomerName", "Same body"));

        assertThat(b.header("idempotent-replayed")).isNull();
        assertThat(b.json().get("expressCustomerId")).isNotEqualTo(a.json().get("expressCustomerId"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRefusalIsKeptAndReplayedToo(Engine engine) {
        Http api = servers.newTenant(engine).with("Idempotency-Key", UUID.randomUUID().toString());

        Reply first = api.post("/v1/express", json("expressCustomerName", ""));
        Reply retry = api.post("/v1/express", json("expressCustomerName", ""));

        assertThat(first.status()).isEqualTo(400);
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.header("idempotent-replayed")).isEqualTo("true");
        assertThat(retry.header("x-should-retry")).isEqualTo("false");
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void readsIgnoreTheHeaderAndMalformedKeysAreRefused(Engine engine) {
        Http api = servers.newTenant(engine);

        assertThat(api.with("Idempotency-Key", "k").get("/v1/express").status()).isEqualTo(200);
        assertThat(api.with("Idempotency-Key", "k").get("/v1/express").header("idempotent-replayed")).isNull();
        Reply tooLong = api.with("Idempotency-Key", "k".repeat(256)).post("/v1/express", json("expressCustomerName", "x"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("message").asText()).contains("Idempotency-Key");
        assertThat(api.get("/v1/express").json().get("expressCustomers")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRetryWhileTheFirstStillRunsIsToldToWaitAndMayRetry(Engine engine) throws Exception {
        TestServer server = servers.on(engine);
        Http api = servers.admin(engine);
        String id = api.post("/v1/express", json("expressCustomerName", "Slow")).json().get("expressCustomerId").asText();
        String key = UUID.randomUUID().toString();
        Http keyed = api.with("Idempotency-Key", key);

        CompletableFuture<Reply> first;
        Reply concurrent;
        try (Connection lock = holdWrites(server, id)) {
            first = CompletableFuture.supplyAsync(() -> keyed.post("/v1/express/" + id + "/deactivate"));
            Eventually.until(() -> server.requestsInFlight(ExpressApi.class, "deactivate") == 1,
                    "the first request reached the server and waits on the lock");
            if (server.engine() == Engine.POSTGRES) {
                Eventually.until(() -> claimed(server), "the first request claimed its key");
                // The held row lock stops this server's writer (its batch waits on the row), a retry's claim
                // included, so the retry goes to another replica, as a load balancer may send it.
                try (TestServer replica = TestServer.start(server.storage())) {
                    concurrent = replica.http().as(TestServer.ADMIN_KEY)
                            .with("Idempotency-Key", key)
                            .post("/v1/express/" + id + "/deactivate");
                }
            } else {
                concurrent = null; // on SQLite the lock holds every write, the key's claim included
            }
            lock.rollback();
        }

        assertThat(first.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
        if (concurrent != null) {
            assertThat(concurrent.status()).isEqualTo(409);
            assertThat(concurrent.errorId()).isEqualTo("ROSTER-IDEMPOTENCY-KEY-IN-FLIGHT");
            assertThat(concurrent.header("x-should-retry")).isNull();
        }
        Reply afterwards = keyed.post("/v1/express/" + id + "/deactivate");
        assertThat(afterwards.header("idempotent-replayed")).isEqualTo("true");
        assertThat(afterwards.body()).isEqualTo(first.get().body());
    }

    /** Whether a keyed request is recorded as still running, read from outside the server. */
    private static boolean claimed(TestServer server) {
        try (Connection c = DriverManager.getConnection(server.storage().databaseUrl());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM idempotency_keys WHERE status IS NULL")) {
            r.next();
            return r.getInt(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection holdWrites(TestServer server, String id) throws Exception {
        boolean postgres = server.engine() == Engine.POSTGRES;
        Connection c = DriverManager.getConnection(postgres ? server.storage().databaseUrl()
                : "jdbc:sqlite:" + server.storage().dataDir().resolve("roster.db"));
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute(postgres
                    ? "SELECT id FROM express_customers WHERE id = '" + id + "' FOR UPDATE"
                    : "UPDATE express_customers SET version = version WHERE id = '" + id + "'");
        }
        return c;
    }
}
