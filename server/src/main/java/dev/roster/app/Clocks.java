package dev.roster.app;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Roster keeps and writes times in UTC with millisecond precision. */
final class Clocks {
    private Clocks() {
    }

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
