package dev.roster.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.app.WebhookSettings;
import dev.roster.testing.Engine;
import dev.roster.testing.Eventually;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Time limits made short: an endpoint that fails for the whole failure window (5 days in production, 300 ms here) is
 * disabled, and attempts older than the retention (7 days in production, 2 s here) leave the attempts log.
 */
class WebhookFailureWindowTest {
    @RegisterExtension
    static final WebhookServers servers = new WebhookServers(WebhookSettings.defaults().allowingPrivateTargets()
            .withRetries(WebhookServers.FAST, Duration.ofMillis(300)).withAttemptRetention(Duration.ofSeconds(2)));

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEndpointFailingForTheWholeWindowIsDisabled(Engine engine) {
        Http api = servers.newTenant(engine);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answer(d -> 503);
            String endpoint = WebhookDeliveryTest.endpoint(api, receiver, List.of());
            Reply disabled = Eventually.until(() -> api.get("/v1/webhook-endpoints/" + endpoint),
                    r -> !r.json().get("enabled").asBoolean(), Duration.ofSeconds(20), "the endpoint disabled");
            assertThat(disabled.json().get("disabledReason").asText()).contains("without a success");
            int sent = receiver.deliveries().size();
            assertThat(sent).isBetween(2, 3);

            // Enabled again, it starts with a clean record and gets the next event.
            receiver.answer(d -> 200);
            assertThat(api.patch("/v1/webhook-endpoints/" + endpoint, Http.json("enabled", true)).status())
                    .isEqualTo(200);
            api.post("/v1/express", Http.json("expressCustomerName", "After"));
            Eventually.until(() -> receiver.deliveries().stream().anyMatch(d -> d.type().equals(
                    "express_customer.created") && d.answered() == 200), "a delivery after enabling");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void attemptsOlderThanTheRetentionLeaveTheLog(Engine engine) throws InterruptedException {
        Http api = servers.newTenant(engine);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String endpoint = "/v1/webhook-endpoints/" + WebhookDeliveryTest.endpoint(api, receiver, List.of());
            String first = Eventually.until(() -> api.get(endpoint + "/attempts").json().get("attempts"),
                    a -> a.size() == 1, Duration.ofSeconds(20), "the creation's delivery recorded")
                    .get(0).get("attemptId").asText();
            // The dispatcher prunes when it starts on an endpoint and every minute after; turning the endpoint off
            // until the attempt is past the retention, then on again, starts it again.
            api.patch(endpoint, Http.json("enabled", false));
            Thread.sleep(2_500);
            api.patch(endpoint, Http.json("enabled", true));
            Eventually.until(() -> api.get(endpoint + "/attempts").body(), body -> !body.contains(first),
                    Duration.ofSeconds(20), "the old attempt pruned");
        }
    }
}
