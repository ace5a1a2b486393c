package dev.roster.http;

import dev.roster.app.WebhookDeliveries.Outcome;
import dev.roster.webhooks.DeliveryListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;

/**
 * Webhook deliveries at {@code /metrics}: attempts by result (a 2xx, another status, no answer) and, for each
 * delivered event, the time from its write to the receiver's 2xx as a histogram, the lag operators alert on; and
 * the time delivery paused to leave a saturated write path its CPU, which explains a lag that grows under load.
 */
final class WebhookMetrics implements DeliveryListener {
    private final Counter success;
    private final Counter failure;
    private final Counter error;
    private final Timer lag;
    private final Counter yielded;

    WebhookMetrics(MeterRegistry registry) {
        this.success = counter(registry, "success", "answered with a 2xx");
        this.failure = counter(registry, "failure", "answered with another status");
        this.error = counter(registry, "error", "not answered: refused, timed out or not sent");
        this.lag = Timer.builder("roster.webhook.delivery.lag")
                .description("from an event's write to its delivery's 2xx")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(30))
                .register(registry);
        this.yielded = Counter.builder("roster.webhook.yielded.seconds")
                .description("time delivery workers paused because the database writer was saturated")
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String result, String description) {
        return Counter.builder("roster.webhook.deliveries").tag("result", result)
                .description("webhook delivery attempts " + description).register(registry);
    }

    @Override
    public void recorded(Outcome o) {
        if (o.delivered()) {
            success.increment();
            lag.record(Duration.between(o.event().createdAt(), o.at().plusMillis(o.durationMillis())));
        } else if (o.status() != null) {
            failure.increment();
        } else {
            error.increment();
        }
    }

    @Override
    public void yielded(Duration pause) {
        yielded.increment(pause.toNanos() / 1e9);
    }
}
