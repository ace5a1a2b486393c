package dev.roster.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Engine;
import dev.roster.testing.Eventually;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Storage;
import dev.roster.testing.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PostgreSQL of the test's own is stopped under a running server and started again. */
class PostgresOutageTest {
    @Test
    void anOutageAnswers503FastAndTheServerRecoversByItself(@TempDir Path dir) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path data = Files.createDirectories(dir.resolve("pg"));
        EmbeddedPostgres pg = start(data, port);
        Storage storage = new Storage(Engine.POSTGRES, Files.createDirectories(dir.resolve("roster")),
                pg.getJdbcUrl("postgres", "postgres"));
        try (TestServer server = TestServer.start(storage)) {
            Http http = server.http().as(TestServer.ADMIN_KEY);
            String id = http.post("/v1/express", Http.json("expressCustomerName", "Outage")).json()
                    .path("expressCustomerId").asText();

            pg.close();
            long stopped = System.nanoTime();
            Reply health = Eventually.until(() -> server.http().get("/healthz"), r -> r.status() == 503,
                    Duration.ofSeconds(10), "/healthz answers 503");
            assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(5));
            assertThat(health.status()).isEqualTo(503);

            long asked = System.nanoTime();
            Reply read = http.get("/v1/express/" + id);
            Reply write = http.post("/v1/express/" + id + "/deactivate");
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(8));
            for (Reply r : new Reply[] {read, write}) {
                assertThat(r.status()).as(r.toString()).isEqualTo(503);
                assertThat(r.json().path("code").asInt()).isEqualTo(14);
                assertThat(r.header("x-should-retry")).isNull();
                assertThat(r.body()).doesNotContain("Exception", "\tat ");
            }

            pg = start(data, port);
            Eventually.until(() -> server.http().get("/healthz"), r -> r.status() == 200, Duration.ofSeconds(30),
                    "/healthz answers 200 again");
            Reply after = Eventually.until(() -> http.post("/v1/express/" + id + "/deactivate"),
                    r -> r.status() == 200, Duration.ofSeconds(30), "a write succeeds again");
            assertThat(after.json().path("isActive").asBoolean()).isFalse();
        } finally {
            pg.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
    }
}
