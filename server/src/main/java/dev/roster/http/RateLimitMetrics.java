package dev.roster.http;

import dev.roster.app.RateLimiter;
import dev.roster.app.Roster;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/** Requests refused by each rate limit at {@code /metrics}: a key or a user hitting its limit shows as a rising count. */
final class RateLimitMetrics {
    private RateLimitMetrics() {
    }

    static void bind(Roster.RateLimits limits, MeterRegistry registry) {
        counter(limits.requests(), "api_key", registry);
        counter(limits.passwordChecks(), "password_check", registry);
    }

    private static void counter(RateLimiter limiter, String limit, MeterRegistry registry) {
        FunctionCounter.builder("roster.rate.limited", limiter, RateLimiter::refused)
                .description("requests refused with RESOURCE_EXHAUSTED (429) by a rate limit")
                .tag("limit", limit)
                .register(registry);
    }
}
