package dev.roster.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Engine;
import dev.roster.testing.Eventually;
import dev.roster.testing.Http;
import dev.roster.testing.Replicas;
import dev.roster.testing.WebhookReceiver;
import dev.roster.testing.WebhookReceiver.Delivery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Replicas on one PostgreSQL share the deliveries: each event goes to each endpoint once, not once per replica. */
class WebhookReplicasTest {
    private static final int CUSTOMERS = 60;

    @Test
    void twoReplicasDeliverEachEventToAnEndpointOnce() throws InterruptedException {
        try (Replicas replicas = Replicas.start(Engine.POSTGRES, 2, WebhookServers.SETTINGS);
             WebhookReceiver first = WebhookReceiver.start();
             WebhookReceiver second = WebhookReceiver.start()) {
            assertThat(replicas.size()).isEqualTo(2);
            for (WebhookReceiver receiver : List.of(first, second)) {
                String secret = replicas.admin(0).post("/v1/webhook-endpoints", Http.json("url", receiver.url(),
                        "eventTypes", List.of("express_customer.created"))).json().get("secret").asText();
                receiver.trust(secret);
            }
            for (int i = 0; i < CUSTOMERS; i++) {
                assertThat(replicas.admin(i).post("/v1/express", Http.json("expressCustomerName", "c" + i)).status())
                        .isEqualTo(200);
            }
            for (WebhookReceiver receiver : List.of(first, second)) {
                Eventually.until(() -> receiver.acknowledged().size(), n -> n == CUSTOMERS, Duration.ofSeconds(20),
                        "every event at " + receiver.url());
            }
            // Both replicas' dispatchers ran the whole time; a duplicate would have had a second or two to arrive.
            Thread.sleep(2_000);
            for (WebhookReceiver receiver : List.of(first, second)) {
                Map<String, Long> perEvent = receiver.deliveries().stream()
                        .collect(Collectors.groupingBy(Delivery::id, Collectors.counting()));
                assertThat(perEvent).hasSize(CUSTOMERS);
                assertThat(perEvent.values()).as("deliveries per event").allMatch(n -> n == 1);
                assertThat(receiver.deliveries()).allSatisfy(d -> assertThat(d.verifiedWith()).hasSize(1));
            }
        }
    }
}
