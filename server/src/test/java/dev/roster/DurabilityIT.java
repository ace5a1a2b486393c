package dev.roster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means durable: eight clients deactivate, reactivate and create customers against a server
 * process, the process is killed with SIGKILL in the middle, and after a restart on the same data directory every
 * write that was answered 200 is there with its event, and the event log and the rows tell the same story.
 */
class DurabilityIT {
    private static final String KEY = "durability-it-key-0123456789abcdef";
    private static final int CLIENTS = 8;
    private static final int CUSTOMERS_PER_CLIENT = 4;
    private static final int ACKED_BEFORE_KILL = 400;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void everyAcknowledgedWriteSurvivesASigkill() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("server.log");
        List<Client> clients = new ArrayList<>();
        Queue<String> ackedCreates = new ConcurrentLinkedQueue<>();
        AtomicInteger acked = new AtomicInteger();

        ServerProcess first = ServerProcess.start(data, KEY, log);
        try {
            for (int c = 0; c < CLIENTS; c++) {
                List<Customer> mine = new ArrayList<>();
                for (int i = 0; i < CUSTOMERS_PER_CLIENT; i++) {
                    mine.add(new Customer(id(post(first.baseUrl() + "/v1/express", "{\"expressCustomerName\":\"c" + c + "-" + i + "\"}"))));
                }
                clients.add(new Client(first.baseUrl(), mine, ackedCreates, acked));
            }
            List<Thread> threads = clients.stream().map(c -> Thread.ofPlatform().start(c)).toList();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (acked.get() < ACKED_BEFORE_KILL && System.nanoTime() < deadline && threads.stream().allMatch(Thread::isAlive)) {
                Thread.sleep(10);
            }
            assertThat(threads).as("all clients still writing when the server is killed").allMatch(Thread::isAlive);
            assertThat(acked.get()).as("writes acknowledged before the kill").isGreaterThanOrEqualTo(ACKED_BEFORE_KILL);
            first.kill();
            for (Thread t : threads) {
                t.join(Duration.ofSeconds(60));
                assertThat(t.isAlive()).as("a client stopped after the kill").isFalse();
            }
        } finally {
            first.kill();
        }
        for (Client c : clients) {
            assertThat(c.failure).as("clients end on the kill, not on a wrong answer").isInstanceOf(IOException.class);
        }

        try (ServerProcess second = ServerProcess.start(data, KEY, log)) {
            Path db = data.resolve("roster.db");
            for (Client c : clients) {
                for (Customer customer : c.customers) {
                    checkLifecycle(second.baseUrl(), db, customer);
                }
            }
            assertThat(ackedCreates).isNotEmpty();
            for (String created : ackedCreates) {
                assertThat(events(db, created)).as("events of acknowledged create %s", created)
                        .first().isEqualTo("express_customer.created");
                assertThat(get(second.baseUrl(), created).get("isActive").asBoolean()).isTrue();
            }
            checkRowsAgreeWithTheLog(db);
            Customer any = clients.getFirst().customers.getFirst();
            String after = post(second.baseUrl() + "/v1/express/" + any.id + "/deactivate", "");
            assertThat(JSON.readTree(after).get("isActive").asBoolean()).as("the restarted server writes").isFalse();
        }
    }

    /** The transitions in the log are the acknowledged ones, plus the one in flight at the kill if it committed. */
    private void checkLifecycle(String base, Path db, Customer c) throws Exception {
        List<String> types = events(db, c.id);
        int transitions = types.size() - 1;
        assertThat(types.getFirst()).isEqualTo("express_customer.created");
        if (c.inFlight) {
            assertThat(transitions).as("transitions of %s (one in flight)", c.id).isBetween(c.ackedTransitions, c.ackedTransitions + 1);
        } else {
            assertThat(transitions).as("transitions of %s", c.id).isEqualTo(c.ackedTransitions);
        }
        boolean active = transitions % 2 == 0; // created active, then deactivated, reactivated, ...
        assertThat(get(base, c.id).get("isActive").asBoolean()).as("isActive of %s", c.id).isEqualTo(active);
    }

    /** Every customer: version = number of events, versions 1..n without gaps, is_active = what the last event says. */
    private static void checkRowsAgreeWithTheLog(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("""
                     SELECT c.id, c.version, c.is_active, count(e.position), min(e.aggregate_version),
                            max(e.aggregate_version),
                            (SELECT type FROM events l WHERE l.aggregate_type = 'express_customer'
                               AND l.aggregate_id = c.id ORDER BY l.aggregate_version DESC LIMIT 1)
                     FROM express_customers c
                     LEFT JOIN events e ON e.aggregate_type = 'express_customer' AND e.aggregate_id = c.id
                     GROUP BY c.id, c.version, c.is_active""")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                String id = rs.getString(1);
                long version = rs.getLong(2);
                assertThat(rs.getLong(4)).as("events of %s", id).isEqualTo(version);
                assertThat(rs.getLong(5)).as("first event version of %s", id).isEqualTo(1);
                assertThat(rs.getLong(6)).as("last event version of %s", id).isEqualTo(version);
                boolean lastSaysActive = !rs.getString(7).equals("express_customer.deactivated");
                assertThat(rs.getBoolean(3)).as("is_active of %s against its last event", id).isEqualTo(lastSaysActive);
            }
            assertThat(rows).isGreaterThan(CLIENTS * CUSTOMERS_PER_CLIENT);
        }
    }

    private static List<String> events(Path db, String id) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement s = c.prepareStatement("""
                     SELECT type FROM events WHERE aggregate_type = 'express_customer' AND aggregate_id = ?
                     ORDER BY aggregate_version""")) {
            s.setString(1, id);
            List<String> types = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
            return types;
        }
    }

    private String post(String url, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode get(String base, String id) throws IOException, InterruptedException {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/v1/express/" + id)).GET()));
    }

    /** The body of a 200; anything else is a wrong answer (IllegalStateException), a lost connection an IOException. */
    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + KEY)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String id(String customerJson) throws IOException {
        return JSON.readTree(customerJson).get("expressCustomerId").asText();
    }

    /** One customer's acknowledged history, as one client saw it. */
    private static final class Customer {
        final String id;
        boolean active = true;
        int ackedTransitions;
        boolean inFlight;

        Customer(String id) {
            this.id = id;
        }
    }

    /** Writes until a request fails: every third a create, otherwise the next transition of one of its customers. */
    private final class Client implements Runnable {
        final String base;
        final List<Customer> customers;
        final Queue<String> ackedCreates;
        final AtomicInteger acked;
        final AtomicBoolean running = new AtomicBoolean(true);
        volatile Exception failure;

        Client(String base, List<Customer> customers, Queue<String> ackedCreates, AtomicInteger acked) {
            this.base = base;
            this.customers = customers;
            this.ackedCreates = ackedCreates;
            this.acked = acked;
        }

        @Override
        public void run() {
            for (int step = 0; running.get(); step++) {
                try {
                    if (step % 3 == 2) {
                        ackedCreates.add(id(post(base + "/v1/express", "{\"expressCustomerName\":\"during the run\"}")));
                    } else {
                        transition(customers.get(step % customers.size()));
                    }
                    acked.incrementAndGet();
                } catch (Exception e) {
                    failure = e;
                    running.set(false);
                }
            }
        }

        private void transition(Customer c) throws IOException, InterruptedException {
            c.inFlight = true;
            String answer = post(base + "/v1/express/" + c.id + (c.active ? "/deactivate" : "/reactivate"), "");
            boolean nowActive = JSON.readTree(answer).get("isActive").asBoolean();
            if (nowActive == c.active) {
                throw new IllegalStateException("transition of " + c.id + " did not change it: " + answer);
            }
            c.active = nowActive;
            c.ackedTransitions++;
            c.inFlight = false;
        }
    }
}
