package dev.roster.app;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** At most {@code permits} per {@code period}, with bursts up to {@code permits}; no permits means no limit. */
public record RateLimit(long permits, Duration period) {
    public static final RateLimit OFF = new RateLimit(0, Duration.ofSeconds(1));

    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})(?:/(s|min|h))?");

    public RateLimit {
        if (permits < 0 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs 0 or more permits in a positive period");
        }
    }

    public boolean isOff() {
        return permits == 0;
    }

    /**
     * {@code off}, {@code 0} (also off), {@code <n>} per {@code unit}, or {@code <n>/s}, {@code <n>/min},
     * {@code <n>/h}.
     */
    public static RateLimit parse(String text, Duration unit) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("off")) {
            return OFF;
        }
        Matcher m = TEXT.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not off, a number, or a number per s, min or h"
                    + " (such as 100/s)");
        }
        long permits = Long.parseLong(m.group(1));
        if (permits == 0) {
            return OFF;
        }
        Duration period = m.group(2) == null ? unit : switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(1);
            case "min" -> Duration.ofMinutes(1);
            default -> Duration.ofHours(1);
        };
        return new RateLimit(permits, period);
    }
}
