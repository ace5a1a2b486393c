package dev.roster.http;

import static dev.roster.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.http.v1.ExpressApi;
import dev.roster.testing.Engine;
import dev.roster.testing.Eventually;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stopping the server lets a request that is already running finish and answer, and only then closes the port. The
 * request is held in flight by a lock taken from outside the server on the row it wants to change.
 */
class GracefulShutdownTest {
    @ParameterizedTest
    @EnumSource(Engine.class)
    void anInFlightWriteFinishesBeforeThePortCloses(Engine engine) throws Exception {
        TestServer server = TestServer.start(engine);
        Http api = server.http().as(TestServer.ADMIN_KEY);
        String id = api.post("/v1/express", json("expressCustomerName", "In flight")).json()
                .get("expressCustomerId").asText();

        CompletableFuture<Reply> inFlight;
        CompletableFuture<Void> stopped;
        try (Connection lock = lockCustomer(server, id)) {
            inFlight = CompletableFuture.supplyAsync(() -> api.post("/v1/express/" + id + "/deactivate"));
            Eventually.until(() -> server.requestsInFlight(ExpressApi.class, "deactivate") == 1,
                    "the deactivation reached the server and waits on the lock");
            stopped = CompletableFuture.runAsync(server::close);
            Eventually.until(() -> healthStatus(server) != 200, "the server began to stop");
            assertThat(healthStatus(server)).as("health while stopping, the port still open").isEqualTo(503);
            assertThat(inFlight).isNotDone();
            assertThat(stopped).isNotDone();
            lock.rollback();
        }

        Reply answer = inFlight.get(20, TimeUnit.SECONDS);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("isActive").asBoolean()).isFalse();
        stopped.get(20, TimeUnit.SECONDS);
        assertThatThrownBy(() -> api.get("/healthz")).hasCauseInstanceOf(java.net.ConnectException.class);
    }

    /** What {@code /healthz} answers; a closed port fails the test. */
    private static int healthStatus(TestServer server) {
        return server.http().get("/healthz").status();
    }

    /** A transaction from outside the server that holds what a write of {@code id} needs, until rolled back. */
    private static Connection lockCustomer(TestServer server, String id) throws SQLException {
        boolean postgres = server.engine() == Engine.POSTGRES;
        Connection c = DriverManager.getConnection(postgres ? server.storage().databaseUrl()
                : "jdbc:sqlite:" + server.storage().dataDir().resolve("roster.db"));
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            if (postgres) {
                s.execute("SELECT id FROM express_customers WHERE id = '" + id + "' FOR UPDATE");
            } else {
                // SQLite has one writer: holding the write lock holds every write.
                s.execute("UPDATE express_customers SET version = version WHERE id = '" + id + "'");
            }
        }
        return c;
    }
}
