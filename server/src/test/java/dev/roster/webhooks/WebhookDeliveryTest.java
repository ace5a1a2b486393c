package dev.roster.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Engine;
import dev.roster.testing.Eventually;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import dev.roster.testing.WebhookReceiver;
import dev.roster.testing.WebhookReceiver.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Deliveries as a receiver sees them, verified with the Standard Webhooks library, on both engines. */
class WebhookDeliveryTest {
    @RegisterExtension
    static final WebhookServers servers = new WebhookServers();

    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void lifecycleEventsArriveInOrderSignedAsStandardWebhooks(Engine engine) {
        Http api = servers.newTenant(engine);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String endpoint = endpoint(api, receiver, List.of("express_customer.*"));
            String customer = api.post("/v1/express", Http.json("expressCustomerName", "Hooked")).json()
                    .get("expressCustomerId").asText();
            api.post("/v1/express/" + customer + "/deactivate");
            api.post("/v1/express/" + customer + "/reactivate");

            List<Delivery> got = Eventually.until(receiver::deliveries, d -> d.size() >= 3, WAIT, "three deliveries");
            assertThat(got).extracting(Delivery::type).containsExactly("express_customer.created",
                    "express_customer.deactivated", "express_customer.reactivated");
            for (Delivery d : got) {
                assertThat(d.verifiedWith()).as("verified by the Standard Webhooks library").hasSize(1);
                JsonNode body = d.json();
                assertThat(body.properties()).extracting(Map.Entry::getKey).containsExactly("id", "type", "data");
                assertThat(body.get("id").asText()).isEqualTo(d.id()).startsWith("evt_");
                assertThat(body.get("data").get("expressCustomerId").asText()).isEqualTo(customer);
                assertThat(d.signature()).startsWith("v1,").doesNotContain(" ");
                long timestamp = Long.parseLong(d.headers().get("webhook-timestamp").getFirst());
                assertThat(timestamp).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
            }
            JsonNode attempts = Eventually.until(() -> api.get("/v1/webhook-endpoints/" + endpoint + "/attempts").json(),
                    a -> a.get("attempts").size() == 3, WAIT, "three attempts recorded");
            assertThat(attempts.get("hasMore").asBoolean()).isFalse();
            for (JsonNode a : attempts.get("attempts")) {
                assertThat(a.get("statusCode").asInt()).isEqualTo(200);
                assertThat(a.get("attempt").asInt()).isEqualTo(1);
                assertThat(a.has("nextAttemptAt")).isFalse();
            }
            String metrics = servers.on(engine).http().get("/metrics").body();
            assertThat(metrics).contains("roster_webhook_deliveries_total{result=\"success\"}")
                    .contains("roster_webhook_delivery_lag_seconds_bucket")
                    .contains("roster_webhook_yielded_seconds_total");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailedDeliveryIsTriedAgainWithTheSameIdAndAFreshSignature(Engine engine) {
        Http api = servers.newTenant(engine);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Set<String> failedOnce = ConcurrentHashMap.newKeySet();
            receiver.answer(d -> failedOnce.add(d.id()) ? 500 : 204);
            String endpoint = endpoint(api, receiver, List.of("express_customer.created"));
            api.post("/v1/express", Http.json("expressCustomerName", "Flaky"));

            List<Delivery> got = Eventually.until(receiver::deliveries,
                    d -> d.stream().anyMatch(x -> x.answered() == 204), WAIT, "a delivery answered 204");
            assertThat(got).hasSize(2).extracting(Delivery::answered).containsExactly(500, 204);
            assertThat(got.get(1).id()).isEqualTo(got.get(0).id());
            assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
            assertThat(got).allSatisfy(d -> assertThat(d.verifiedWith()).hasSize(1));

            JsonNode attempts = Eventually.until(() -> api.get("/v1/webhook-endpoints/" + endpoint + "/attempts").json(),
                    a -> a.get("attempts").size() == 2, WAIT, "two attempts recorded").get("attempts");
            // Newest first: the retry's 204, then the first attempt's 500 with the time of the retry.
            assertThat(attempts.get(0).get("attempt").asInt()).isEqualTo(2);
            assertThat(attempts.get(0).get("statusCode").asInt()).isEqualTo(204);
            assertThat(attempts.get(1).get("attempt").asInt()).isEqualTo(1);
            assertThat(attempts.get(1).get("statusCode").asInt()).isEqualTo(500);
            assertThat(attempts.get(1).has("nextAttemptAt")).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEndpointThatAnswers410IsDisabledAndAnEventSaysSo(Engine engine) {
        Http api = servers.newTenant(engine);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answer(d -> 410);
            String endpoint = endpoint(api, receiver, List.of());
            Reply one = Eventually.until(() -> api.get("/v1/webhook-endpoints/" + endpoint),
                    r -> !r.json().get("enabled").asBoolean(), WAIT, "the endpoint disabled");
            assertThat(one.json().get("disabledReason").asText()).contains("410");
            // Its own creation was the event it refused; nothing more is sent once it is disabled.
            assertThat(receiver.deliveries()).hasSize(1);
            List<Map<String, Object>> disabled = servers.on(engine).database().read(h -> h.createQuery(
                    "SELECT type, actor_type, reason FROM events WHERE aggregate_id = :id AND type = :type")
                    .bind("id", endpoint).bind("type", "webhook_endpoint.disabled").mapToMap().list());
            assertThat(disabled).hasSize(1);
            assertThat(disabled.getFirst().get("actor_type")).isEqualTo("system");
            assertThat((String) disabled.getFirst().get("reason")).contains("410");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void afterARotationEveryDeliveryCarriesBothSignatures(Engine engine) {
        Http api = servers.newTenant(engine);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String endpoint = endpoint(api, receiver, List.of("express_customer.created"));
            String oldSecret = receiver.secretsTrusted().getFirst();
            Reply rotated = api.post("/v1/webhook-endpoints/" + endpoint + "/rotate-secret");
            assertThat(rotated.status()).isEqualTo(200);
            String newSecret = rotated.json().get("secret").asText();
            assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
            assertThat(api.get("/v1/webhook-endpoints/" + endpoint).json().has("secret")).isFalse();
            receiver.trust(newSecret);

            api.post("/v1/express", Http.json("expressCustomerName", "Rotated"));
            Delivery d = Eventually.until(receiver::deliveries, l -> !l.isEmpty(), WAIT, "a delivery").getFirst();
            assertThat(d.signature().split(" ")).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("v1,"));
            assertThat(d.verifiedWith()).containsExactlyInAnyOrder(oldSecret, newSecret);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void oneEventIsResentAndEverythingSinceATimeIsRecovered(Engine engine) {
        Http api = servers.newTenant(engine);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String since = Instant.now().minusSeconds(1).toString();
            String endpoint = endpoint(api, receiver, List.of("express_customer.*"));
            api.post("/v1/express", Http.json("expressCustomerName", "One"));
            api.post("/v1/express", Http.json("expressCustomerName", "Two"));
            List<Delivery> first = Eventually.until(receiver::deliveries, l -> l.size() == 2, WAIT, "two deliveries");

            Reply resent = api.post("/v1/webhook-endpoints/" + endpoint + "/events/" + first.get(0).id() + "/resend");
            assertThat(resent.status()).as("%s", resent).isEqualTo(200);
            Eventually.until(receiver::deliveries, l -> l.size() == 3, WAIT, "the resent event");
            assertThat(receiver.deliveries().get(2).id()).isEqualTo(first.get(0).id());

            Reply recovered = api.post("/v1/webhook-endpoints/" + endpoint + "/recover", Http.json("since", since));
            assertThat(recovered.status()).as("%s", recovered).isEqualTo(200);
            assertThat(recovered.json().get("queued").asInt()).isEqualTo(2);
            Eventually.until(receiver::deliveries, l -> l.size() == 5, WAIT, "the recovered events");
            assertThat(receiver.acknowledged()).containsExactlyInAnyOrder(first.get(0).id(), first.get(1).id());

            assertThat(api.post("/v1/webhook-endpoints/" + endpoint + "/events/evt_00000000000000000000000000000000/resend")
                    .errorId()).isEqualTo("WEBHOOK-EVENT-NOT-FOUND");
            assertThat(api.post("/v1/webhook-endpoints/" + endpoint + "/recover", Http.json("since", "yesterday"))
                    .body()).contains("since");
        }
    }

    /** An endpoint for {@code receiver}, whose secret the receiver then trusts. */
    static String endpoint(Http api, WebhookReceiver receiver, List<String> types) {
        Reply created = api.post("/v1/webhook-endpoints", Http.json("url", receiver.url(), "eventTypes", types,
                "description", "test receiver"));
        assertThat(created.status()).as("%s", created).isEqualTo(200);
        receiver.trust(created.json().get("secret").asText());
        return created.json().get("webhookEndpointId").asText();
    }
}
