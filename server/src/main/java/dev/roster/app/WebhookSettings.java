package dev.roster.app;

import dev.roster.domain.RetrySchedule;
import java.time.Duration;

/**
 * How webhooks are delivered. {@code allowPrivateTargets} lets endpoints point at loopback and private addresses (a
 * development or test setup); {@code failureWindow} is how long an endpoint may fail without one success before it
 * is disabled; {@code lease} is how long a replica keeps an endpoint to itself without renewing; {@code poll} how
 * often an idle endpoint looks for new events; {@code attemptRetention} how long the attempts log keeps an attempt.
 */
public record WebhookSettings(boolean allowPrivateTargets, RetrySchedule retries, Duration failureWindow,
                              Duration lease, Duration poll, Duration attemptRetention) {
    public static WebhookSettings defaults() {
        return new WebhookSettings(false, RetrySchedule.STANDARD, Duration.ofDays(5), Duration.ofSeconds(60),
                Duration.ofMillis(100), Duration.ofDays(7));
    }

    public WebhookSettings allowingPrivateTargets() {
        return new WebhookSettings(true, retries, failureWindow, lease, poll, attemptRetention);
    }

    public WebhookSettings withRetries(RetrySchedule schedule, Duration window) {
        return new WebhookSettings(allowPrivateTargets, schedule, window, lease, poll, attemptRetention);
    }

    public WebhookSettings withAttemptRetention(Duration retention) {
        return new WebhookSettings(allowPrivateTargets, retries, failureWindow, lease, poll, retention);
    }
}
