package dev.roster.app;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.roster.domain.DomainError;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * One token bucket per key (an API key, a user), in this server's memory: a replica counts only what it serves.
 * Memory stays bounded: a bucket left alone for one period is full again, as a new one would be, so it is dropped,
 * and at most {@code maxKeys} are kept (a bucket evicted early starts full, which only errs towards allowing).
 */
public final class RateLimiter {
    private final RateLimit limit;
    private final String errorId;
    private final String text;
    private final Cache<String, Bucket> buckets;
    private final LongAdder refused = new LongAdder();

    RateLimiter(RateLimit limit, int maxKeys, String errorId, String text) {
        this.limit = limit;
        this.errorId = errorId;
        this.text = text;
        this.buckets = limit.isOff() ? null : Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(limit.period())
                .build();
    }

    /** Takes one permit for {@code key}; without one, RESOURCE_EXHAUSTED saying when the next is due. */
    public void admit(String key) {
        if (buckets == null) {
            return;
        }
        ConsumptionProbe probe = buckets.get(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            refused.increment();
            throw DomainError.resourceExhausted(errorId, text, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Requests refused since start, for the metrics. */
    public long refused() {
        return refused.sum();
    }

    public RateLimit limit() {
        return limit;
    }

    private Bucket newBucket() {
        // Greedy refill: permits come back one by one over the period rather than all at its end.
        return Bucket.builder()
                .addLimit(b -> b.capacity(limit.permits()).refillGreedy(limit.permits(), limit.period()))
                .build();
    }
}
