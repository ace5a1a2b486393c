package dev.roster.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Replicas;
import dev.roster.testing.Reply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A client following {@code GET /v1/events} while two replicas write concurrently on one PostgreSQL (and one server
 * on SQLite) reads every event exactly once and in the log's final order: none skipped because it committed after
 * a later position was read, none read twice.
 */
class EventsFeedReplicaTest {
    private static final int WRITERS = 8;
    private static final int WRITES_EACH = 1_250;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aPollingReaderMissesNothingAndRepeatsNothingOverTenThousandWrites(Engine engine) throws Exception {
        try (Replicas replicas = Replicas.start(engine, 2);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<String> customers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                customers.add(replicas.admin(w).post("/v1/express", Http.json("expressCustomerName", "feed-" + w))
                        .json().get("expressCustomerId").asText());
            }
            String start = last(replicas.admin(0));

            AtomicBoolean writing = new AtomicBoolean(true);
            Future<List<String>> reader = pool.submit(() -> follow(replicas, start, writing));
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String path = "/v1/express/" + customers.get(w);
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < WRITES_EACH; i++) {
                        // Each toggle changes the customer, so each writes one event; requests alternate replicas.
                        Reply r = replicas.admin(writer + i).post(path + (i % 2 == 0 ? "/deactivate" : "/reactivate"));
                        assertThat(r.status()).as(r.toString()).isEqualTo(200);
                    }
                    return null;
                }));
            }
            for (Future<?> w : writers) {
                w.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            List<String> followed = reader.get(2, TimeUnit.MINUTES);

            List<String> settled = readAll(replicas.admin(1), start);
            assertThat(settled).as("events written").hasSize(WRITERS * WRITES_EACH);
            assertThat(new HashSet<>(followed)).as("events read twice").hasSameSizeAs(followed);
            assertThat(followed).as("read while writing, against the log once writes ended").isEqualTo(settled);
        }
    }

    /** Follows the feed from {@code start}, alternating replicas, until writes ended and the log is read to its end. */
    private static List<String> follow(Replicas replicas, String start, AtomicBoolean writing) {
        List<String> read = new ArrayList<>();
        String after = start;
        for (int poll = 0; ; poll++) {
            boolean wasWriting = writing.get();
            JsonNode page = page(replicas.admin(poll), after);
            for (JsonNode e : page.get("events")) {
                after = e.get("id").asText();
                read.add(after);
            }
            if (!wasWriting && !page.get("hasMore").asBoolean()) {
                return read;
            }
        }
    }

    private static List<String> readAll(Http http, String start) {
        List<String> read = new ArrayList<>();
        String after = start;
        while (true) {
            JsonNode page = page(http, after);
            for (JsonNode e : page.get("events")) {
                after = e.get("id").asText();
                read.add(after);
            }
            if (!page.get("hasMore").asBoolean()) {
                return read;
            }
        }
    }

    private static JsonNode page(Http http, String after) {
        Reply r = http.get("/v1/events?limit=100&starting_after=" + after);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** The id of the newest event readable now. */
    private static String last(Http http) {
        String last = null;
        JsonNode page;
        do {
            page = http.get("/v1/events?limit=100" + (last == null ? "" : "&starting_after=" + last)).json();
            for (JsonNode e : page.get("events")) {
                last = e.get("id").asText();
            }
        } while (page.get("hasMore").asBoolean());
        return last;
    }
}
