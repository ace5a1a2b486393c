package dev.roster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.domain.FeedPosition;
import dev.roster.store.Database;
import dev.roster.testing.Engine;
import dev.roster.testing.Eventually;
import dev.roster.testing.Storage;
import dev.roster.testing.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * At-least-once across a crash: a server process delivering to a slow receiver is killed with SIGKILL in the middle
 * of its deliveries and started again on the same data; the receiver ends up with every event the log holds
 * (some twice, none missing). On PostgreSQL the restarted server is another replica to the database, so it also
 * shows the dead one's endpoint lease being taken over once it expires.
 */
class WebhookKillIT {
    private static final String KEY = "webhook-kill-it-key-0123456789abcdef";
    private static final int CUSTOMERS = 150;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void noEventIsLostWhenTheServerIsKilledMidDelivery(Engine engine) throws Exception {
        Storage storage = Storage.fresh(engine);
        Path data = storage.dataDir();
        Path log = dir.resolve("server.log");
        String databaseUrl = storage.databaseUrl();
        String[] options = databaseUrl == null
                ? new String[] {"--webhooks-allow-private-targets"}
                : new String[] {"--webhooks-allow-private-targets", "--database-url", databaseUrl};
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            // Slow enough that the deliveries are still going when the writes are done.
            receiver.answer(d -> {
                try {
                    Thread.sleep(15);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 200;
            });
            ServerProcess first = ServerProcess.start(data, KEY, log, options);
            try {
                JsonNode endpoint = post(first, "/v1/webhook-endpoints", "{\"url\":\"" + receiver.url()
                        + "\",\"eventTypes\":[\"express_customer.*\"]}");
                receiver.trust(endpoint.get("secret").asText());
                for (int i = 0; i < CUSTOMERS; i++) {
                    String id = post(first, "/v1/express", "{\"expressCustomerName\":\"k" + i + "\"}")
                            .get("expressCustomerId").asText();
                    post(first, "/v1/express/" + id + "/deactivate", "");
                }
                int before = Eventually.until(() -> receiver.acknowledged().size(), n -> n >= 40,
                        Duration.ofSeconds(60), "deliveries under way");
                assertThat(before).as("killed in the middle of the deliveries").isLessThan(2 * CUSTOMERS);
            } finally {
                first.kill();
            }
            ServerProcess second = ServerProcess.start(data, KEY, log, options);
            try {
                // On PostgreSQL the dead server's 60 s lease on the endpoint runs out first.
                Eventually.until(() -> receiver.acknowledged().size(), n -> n >= 2 * CUSTOMERS,
                        Duration.ofSeconds(150), "every event delivered after the restart");
            } finally {
                second.close();
            }
            Set<String> logged = new HashSet<>();
            try (Database db = Database.open(databaseUrl, data)) {
                logged.addAll(db.read(h -> h.createQuery(
                        "SELECT tx_id, position FROM events WHERE type LIKE 'express_customer.%'")
                        .map((rs, ctx) -> new FeedPosition(rs.getLong("tx_id"), rs.getLong("position")).eventId())
                        .list()));
            }
            assertThat(logged).hasSize(2 * CUSTOMERS);
            assertThat(receiver.acknowledged()).containsAll(logged);
            assertThat(receiver.deliveries()).allSatisfy(d -> assertThat(d.verifiedWith()).hasSize(1));
        }
    }

    private JsonNode post(ServerProcess server, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s", path, r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
