package dev.roster.http;

import static dev.roster.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.Servers;
import dev.roster.testing.TestServer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every response shares: the error body for the server's own failures, request ids, no internals. */
class ServerBehaviourTest {
    @RegisterExtension
    static final Servers servers = new Servers();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unknownRoutesAnswer404WithTheErrorBody(Engine engine) {
        for (Http http : new Http[] {servers.on(engine).http(), servers.admin(engine)}) {
            for (String path : new String[] {"/", "/v2", "/v1/expresss", "/v1/express/cus_x/users/extra"}) {
                Reply r = http.get(path);
                assertThat(r.status()).as(path).isEqualTo(404);
                assertThat(r.json().get("code").asInt()).isEqualTo(5);
                assertThat(r.errorId()).isEqualTo("ROSTER-ROUTE-NOT-FOUND");
                assertThat(r.json().get("details")).hasSize(1);
                assertThat(r.header("x-should-retry")).isEqualTo("false");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void wrongMethodsAnswer405WithUnimplemented(Engine engine) {
        Http api = servers.admin(engine);
        String id = api.post("/v1/express", json("expressCustomerName", "M")).json().get("expressCustomerId").asText();
        Reply[] replies = {
                api.send("PUT", "/v1/express", "{}", "application/json"),
                api.delete("/v1/express/" + id),
                api.get("/v1/express/" + id + "/deactivate"),
                servers.on(engine).http().post("/healthz")};
        for (Reply r : replies) {
            assertThat(r.status()).as(r.body()).isEqualTo(405);
            assertThat(r.json().get("code").asInt()).isEqualTo(12);
            assertThat(r.errorId()).isEqualTo("ROSTER-METHOD-NOT-ALLOWED");
            assertThat(r.json().get("details")).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyResponseCarriesItsOwnRequestId(Engine engine) {
        Http api = servers.admin(engine);
        Reply[] replies = {
                api.get("/healthz"), api.get("/v1/express"), api.get("/nowhere"),
                servers.on(engine).http().get("/v1/express"), api.get("/openapi.json"), api.get("/metrics")};
        Set<String> ids = new HashSet<>();
        for (Reply r : replies) {
            assertThat(r.header("x-request-id")).as(r.toString()).matches("^req_[0-9a-f]+$");
            ids.add(r.header("x-request-id"));
        }
        assertThat(ids).hasSize(replies.length);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void metricsCountCommitsAndTheWritesTheyCarried(Engine engine) throws InterruptedException {
        Http api = servers.admin(engine);
        String id = api.post("/v1/express", json("expressCustomerName", "Metered")).json().get("expressCustomerId").asText();
        api.post("/v1/express/" + id + "/deactivate");
        String metrics = api.get("/metrics").body();
        assertThat(counter(metrics, "roster_database_committed_writes_total")).isGreaterThanOrEqualTo(2);
        assertThat(counter(metrics, "roster_database_commits_total")).isBetween(1.0,
                counter(metrics, "roster_database_committed_writes_total"));
        if (engine == Engine.SQLITE) {
            // The log's length as the checkpoint after these writes found it (WalCheckpointerTest covers restarts).
            metrics = scrapeUntil(api, m -> counter(m, "roster_sqlite_wal_frames") > 0);
            assertThat(counter(metrics, "roster_sqlite_wal_frames")).isPositive();
            assertThat(metrics).containsPattern("(?m)^roster_sqlite_wal_restarts_total \\d");
        } else {
            assertThat(metrics).doesNotContain("roster_sqlite_"); // PostgreSQL has no log of Roster's to watch
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void metricsPublishRequestLatencyAsAHistogramAndNoClientSidePercentiles(Engine engine) throws InterruptedException {
        Http api = servers.admin(engine);
        api.get("/v1/express");

        // Until the metrics route's own series shows up, which takes one scrape before this one.
        String metrics = scrapeUntil(api, m -> m.contains("service=\"roster.metrics\""));
        List<String> http = metrics.lines().filter(l -> l.startsWith("roster_http_")).toList();
        assertThat(http).filteredOn(l -> l.startsWith("roster_http_total_duration_seconds_bucket{"))
                .anySatisfy(l -> assertThat(l).contains("le=\"0.001\""))
                .anySatisfy(l -> assertThat(l).contains("le=\"10.0\""))
                .anySatisfy(l -> assertThat(l).contains("le=\"+Inf\""));
        assertThat(http).noneMatch(l -> l.contains("quantile="))
                .noneMatch(l -> l.contains("$$Lambda")) // a series name that changed with every build
                .anyMatch(l -> l.contains("service=\"roster.metrics\""));
        assertThat(http).anyMatch(l -> l.startsWith("roster_http_request_duration_seconds_count{"))
                .anyMatch(l -> l.startsWith("roster_http_response_length_count{"))
                .noneMatch(l -> l.startsWith("roster_http_request_duration_seconds_bucket{"));
    }

    /** A request's meters are recorded once its response is written, which may be just after the client read it. */
    private static String scrapeUntil(Http api, Predicate<String> expected) throws InterruptedException {
        String metrics = api.get("/metrics").body();
        for (int attempt = 0; attempt < 100 && !expected.test(metrics); attempt++) {
            Thread.sleep(20);
            metrics = api.get("/metrics").body();
        }
        return metrics;
    }

    private static double counter(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(name.length() + 1))).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unauthenticatedAnswersNameTheBearerScheme(Engine engine) {
        Reply r = servers.on(engine).http().get("/v1/express");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("code").asInt()).isEqualTo(16);
        assertThat(r.header("www-authenticate")).isEqualTo("Bearer");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBodyOverTheLimitIsRefusedWithTheErrorBody(Engine engine) {
        String huge = "{\"expressCustomerName\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        Reply r = servers.admin(engine).post("/v1/express", huge);

        assertThat(r.status()).isBetween(400, 499);
        assertThat(r.json().get("details")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailingDatabaseGivesInternalWithARequestIdAndNoInternals(Engine engine) throws InterruptedException {
        try (TestServer server = TestServer.start(engine)) {
            Http api = server.http().as(TestServer.ADMIN_KEY);
            assertThat(api.get("/v1/express").status()).isEqualTo(200); // the key is cached from here on
            server.database().close();

            Reply r = api.post("/v1/express", json("expressCustomerName", "never stored"));

            assertThat(r.status()).isEqualTo(500);
            assertThat(r.json().get("code").asInt()).isEqualTo(13);
            assertThat(r.errorId()).isEqualTo("ROSTER-INTERNAL");
            assertThat(r.json().get("message").asText()).contains(r.header("x-request-id"));
            assertThat(r.body()).doesNotContainIgnoringCase("exception").doesNotContain("Hikari", "SQL", "\tat ");
            assertThat(r.header("x-should-retry")).isNull();

            Reply health = api.get("/healthz");
            for (int i = 0; i < 50 && health.status() == 200; i++) {
                Thread.sleep(100);
                health = api.get("/healthz");
            }
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("code").asInt()).isEqualTo(14);
        }
    }
}
