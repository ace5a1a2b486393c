package dev.roster.app;

import dev.roster.domain.RetrySchedule;
import java.time.Duration;

/**
 * How webhooks are delivered. {@code allowPrivateTargets} lets endpoints point at loopback and private addresses (a
 * development or test setup); {@code failureWindow} is how long an endpoint may fail without one success before it
 * is disabled; {@code lease} is how long a replica keeps an endpoint to itself without renewing; {@code poll} how
 * often an idle endpoint looks for new events.
 */
public record WebhookSettings(boolean allowPrivateTargets, RetrySchedule retries, Duration failureWindow,
                              Duration lease, Duration poll) {
    public static WebhookSettings defaults() {
        return new WebhookSettings(false, RetrySchedule.STANDARD, Duration.ofDays(5), Duration.ofSeconds(60),
                Duration.ofMillis(100));
    }

    public WebhookSettings allowingPrivateTargets() {
        return new WebhookSettings(true, retries, failureWindow, lease, poll);
    }

    public WebhookSettings withRetries(RetrySchedule schedule, Duration window) {
        return new WebhookSettings(allowPrivateTargets, schedule, window, lease, poll);
    }
}
