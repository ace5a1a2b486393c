package dev.roster.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after the first attempt fails, wait {@code delays[0]}, and so on; once the
 * delays run out the event is given up for this endpoint (a resend or a recovery can still bring it).
 */
public record RetrySchedule(List<Duration> delays) {
    /** The schedule Standard Webhooks senders commonly use: about 27 hours in all. */
    public static final RetrySchedule STANDARD = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10)));

    public RetrySchedule {
        delays = List.copyOf(delays);
    }

    /** The wait before attempt {@code failedAttempt + 1}, or empty when {@code failedAttempt} was the last one. */
    public Optional<Duration> after(int failedAttempt) {
        return failedAttempt >= 1 && failedAttempt <= delays.size()
                ? Optional.of(delays.get(failedAttempt - 1)) : Optional.empty();
    }
}
