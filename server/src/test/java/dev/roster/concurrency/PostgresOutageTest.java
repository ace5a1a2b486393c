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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PostgreSQL of the test's own is stopped under a running server and started again. */
class PostgresOutageTest {
    @Test
    void anOutageAnswers503FastAndTheServerRecoversByItself(@TempDir Path dir) throws IOException {
        int port = freePort();
        Path data = Files.createDirectories(dir.resolve("pg"));
        EmbeddedPostgres pg = start(data, port);
        try (TestServer server = TestServer.start(storageOn(pg, dir))) {
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

    /**
     * A database that hangs rather than going away (a frozen host, a network that drops packets): its connections
     * stay open and answer nothing. Stopped with SIGSTOP, every PostgreSQL process of the test's own.
     */
    @Test
    void aDatabaseThatHangsIsAnswered503FastAndTheServerRecoversWhenItAnswersAgain(@TempDir Path dir)
            throws IOException {
        Path data = Files.createDirectories(dir.resolve("pg"));
        try (EmbeddedPostgres pg = start(data, freePort()); TestServer server = TestServer.start(storageOn(pg, dir))) {
            Http http = server.http().as(TestServer.ADMIN_KEY);
            String id = http.post("/v1/express", Http.json("expressCustomerName", "Hung")).json()
                    .path("expressCustomerId").asText();

            List<ProcessHandle> postgres = processesOf(data);
            signal("STOP", postgres);
            try {
                long froze = System.nanoTime();
                Eventually.until(() -> server.http().get("/healthz"), r -> r.status() == 503, Duration.ofSeconds(10),
                        "/healthz answers 503");
                assertThat(Duration.ofNanos(System.nanoTime() - froze)).as("until /healthz said so")
                        .isLessThan(Duration.ofSeconds(3));

                long asked = System.nanoTime();
                Reply read = http.get("/v1/express/" + id);
                Reply write = http.post("/v1/express/" + id + "/deactivate");
                assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("a read and a write, answered")
                        .isLessThan(Duration.ofSeconds(2));
                for (Reply r : new Reply[] {read, write}) {
                    assertThat(r.status()).as(r.toString()).isEqualTo(503);
                    assertThat(r.json().path("code").asInt()).isEqualTo(14);
                }
            } finally {
                signal("CONT", postgres);
            }

            Eventually.until(() -> server.http().get("/healthz"), r -> r.status() == 200, Duration.ofSeconds(30),
                    "/healthz answers 200 again");
            assertThat(http.get("/v1/express/" + id).json().path("isActive").asBoolean())
                    .as("the write answered 503 was not made").isTrue();
            Reply after = http.post("/v1/express/" + id + "/deactivate");
            assertThat(after.status()).as(after.toString()).isEqualTo(200);
            assertThat(after.json().path("isActive").asBoolean()).isFalse();
        }
    }

    /** The postmaster (its pid is the first line of postmaster.pid) and every process it started. */
    private static List<ProcessHandle> processesOf(Path data) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        return Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws IOException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(p -> command.add(Long.toString(p.pid())));
        try {
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            assertThat(exit).as(String.join(" ", command)).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling PostgreSQL", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    private static Storage storageOn(EmbeddedPostgres pg, Path dir) throws IOException {
        return new Storage(Engine.POSTGRES, Files.createDirectories(dir.resolve("roster")),
                pg.getJdbcUrl("postgres", "postgres"));
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
    }
}
