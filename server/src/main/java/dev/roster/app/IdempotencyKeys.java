package dev.roster.app;

import dev.roster.domain.Code;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.domain.Principal;
import dev.roster.domain.StoredResponse;
import dev.roster.store.Database;
import dev.roster.store.IdempotencyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Stripe's Idempotency-Key model: the first request with a key runs and its answer is kept for 24 hours; a retry of
 * the same request gets that answer again without running anything; the same key on another request is refused; a
 * retry while the first is still running is told to wait. Keys belong to an organization.
 */
public final class IdempotencyKeys {
    static final Duration RETENTION = Duration.ofHours(24);
    /** Longer than any request may run (the server's request timeout is 30 s): its server died, the key is free. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    static final int MAX_KEY_LENGTH = 255;

    private final Database db;
    private final IdempotencyStore store;
    private final Clock clock;
    private volatile Instant nextPurge = Instant.MIN;

    public IdempotencyKeys(Database db, IdempotencyStore store, Clock clock) {
        this.db = db;
        this.store = store;
        this.clock = clock;
    }

    /** What to do with a keyed request: run it, or answer with what its first run answered. */
    public sealed interface Start permits Run, Replay {
    }

    public record Run() implements Start {
    }

    public record Replay(StoredResponse response) implements Start {
    }

    /** Claims {@code key} for the request whose fingerprint is given, or finds the answer it already has. */
    public Start begin(Principal who, String key, String fingerprint) {
        requireWellFormed(key);
        return db.write(h -> {
            Instant now = Clocks.now(clock);
            purgeNowAndThen(h, now);
            Optional<IdempotencyStore.Entry> existing = store.find(h, who.organizationId(), key);
            if (existing.isPresent()) {
                IdempotencyStore.Entry entry = existing.get();
                boolean expired = entry.createdAt().isBefore(now.minus(RETENTION));
                boolean abandoned = entry.response().isEmpty() && entry.createdAt().isBefore(now.minus(ABANDONED_AFTER));
                if (!expired && !abandoned) {
                    if (!entry.fingerprint().equals(fingerprint)) {
                        throw new DomainError(Code.INVALID_ARGUMENT, ErrorIds.IDEMPOTENCY_KEY_REUSED,
                                "Idempotency-Key was already used for a different request; use a new key");
                    }
                    return entry.response().<Start>map(Replay::new).orElseThrow(IdempotencyKeys::inFlight);
                }
                store.remove(h, who.organizationId(), key);
            }
            if (!store.claim(h, who.organizationId(), key, fingerprint, now)) {
                throw inFlight();
            }
            return new Run();
        });
    }

    /** Keeps the answer of the first run for retries. */
    public void finish(Principal who, String key, StoredResponse response) {
        db.write(h -> {
            store.complete(h, who.organizationId(), key, response);
            return null;
        });
    }

    /** The first run ended without an answer worth keeping (a server error): a retry may run again. */
    public void release(Principal who, String key) {
        db.write(h -> {
            store.remove(h, who.organizationId(), key);
            return null;
        });
    }

    private void purgeNowAndThen(org.jdbi.v3.core.Handle h, Instant now) {
        if (now.isAfter(nextPurge)) {
            store.removeOlderThan(h, now.minus(RETENTION));
            nextPurge = now.plus(Duration.ofHours(1));
        }
    }

    private static void requireWellFormed(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw DomainError.invalidField("Idempotency-Key header",
                    "must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters without spaces");
        }
    }

    private static DomainError inFlight() {
        return new DomainError(Code.ABORTED, ErrorIds.IDEMPOTENCY_KEY_IN_FLIGHT,
                "A request with this Idempotency-Key is still running; retry shortly");
    }
}
