package dev.roster.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.roster.domain.ExpressCustomer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Committed Express customers kept in memory, so that reading one needs neither a database connection nor a thread
 * that may block. Only for a database this server alone writes (the embedded SQLite file): replicas sharing a
 * PostgreSQL cluster could not tell each other what they changed, so there the cache is {@link #NONE}.
 *
 * <p>Never stale, by construction: every statement that changes a customer forgets it once its transaction has
 * committed (before the writer's caller is answered), and a reader may put what it read only if no change was
 * forgotten between the moment it began reading and the moment it puts. A reader that lost that race simply leaves
 * the entry for the next one.
 */
public final class ExpressCustomerCache {
    /** Caches nothing: every read goes to the database. */
    public static final ExpressCustomerCache NONE = new ExpressCustomerCache(0);

    private final Cache<Key, ExpressCustomer> entries;
    /** Moves on every forget; a read that began at another value may not fill an empty entry. */
    private final AtomicLong changes = new AtomicLong();

    private ExpressCustomerCache(long maximumSize) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    /** Up to {@code maximumSize} customers, the least useful evicted first. */
    public static ExpressCustomerCache bounded(long maximumSize) {
        if (maximumSize <= 0) {
            throw new IllegalArgumentException("maximumSize must be positive; use NONE for no cache");
        }
        return new ExpressCustomerCache(maximumSize);
    }

    public boolean enabled() {
        return this != NONE;
    }

    public Optional<ExpressCustomer> get(String orgId, String id) {
        return enabled() ? Optional.ofNullable(entries.getIfPresent(new Key(orgId, id))) : Optional.empty();
    }

    /** Taken before a read of the database whose result may be {@link #offer}ed. */
    public long stamp() {
        return changes.get();
    }

    /** What a read found, put only if nothing was forgotten since {@code stamp}; a newer version always wins. */
    public void offer(ExpressCustomer read, long stamp) {
        if (!enabled()) {
            return;
        }
        entries.asMap().compute(new Key(read.organizationId(), read.id()), (key, current) -> {
            if (current != null) {
                return current.version() >= read.version() ? current : read;
            }
            return changes.get() == stamp ? read : null;
        });
    }

    /** Called once a transaction that changed this customer has committed; forgetting more than that is harmless. */
    void forget(String orgId, String id) {
        if (!enabled()) {
            return;
        }
        changes.incrementAndGet(); // before the removal: a read racing with it then cannot put back what it read
        entries.invalidate(new Key(orgId, id));
    }

    /** Tenant first: a customer is only ever found within its organization. */
    private record Key(String orgId, String id) {
    }
}
