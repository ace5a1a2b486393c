package dev.roster.app;

import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.domain.ExpressCustomer;
import dev.roster.domain.Ids;
import dev.roster.domain.Keyset;
import dev.roster.domain.Metadata;
import dev.roster.domain.Page;
import dev.roster.domain.Principal;
import dev.roster.domain.Study;
import dev.roster.domain.User;
import dev.roster.domain.UserState;
import dev.roster.store.BatchedLookups;
import dev.roster.store.Database;
import dev.roster.store.ExpressCustomerStore;
import dev.roster.store.Listed;
import dev.roster.store.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jdbi.v3.core.Handle;

/**
 * Express customer use cases. Each write is one transaction: authorize, load, apply the rule, save, append
 * the event. Lifecycle transitions are idempotent on v1: repeating one returns the customer unchanged and
 * writes no event.
 */
public final class Customers {
    public static final String AGGREGATE = "express_customer";

    private final Database db;
    private final ExpressCustomerStore store;
    private final UserStore users;
    private final EventRecorder events;
    private final Cursors cursors;
    private final Clock clock;
    /** PostgreSQL: concurrent reads of single customers, one query per batch. */
    private final Optional<BatchedLookups<ExpressCustomerStore.Key, ExpressCustomer>> lookups;

    Customers(Database db, ExpressCustomerStore store, UserStore users, EventRecorder events, Cursors cursors,
              Clock clock) {
        this.db = db;
        this.cursors = cursors;
        this.store = store;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.lookups = db.batched("roster-customer-lookups", store::findMany);
    }

    /** What a create asks for; {@code metadata} already passed its limits. */
    public record NewCustomer(String name, Metadata metadata) {
    }

    /** A partial update: a null field is left unchanged. */
    public record CustomerChanges(String name, Metadata metadata) {
    }

    public ExpressCustomer create(Principal who, String reason, NewCustomer request) {
        String name = ExpressCustomer.validName("expressCustomerName", request.name());
        return db.write(h -> {
            Instant now = now();
            ExpressCustomer c = new ExpressCustomer(who.organizationId(), Ids.CUSTOMER.next(), name, true, 0,
                    request.metadata(), now, now, who.actor().apiKeyId(), who.actor().userId(), 1);
            store.insert(h, c);
            record(h, who, reason, c, "express_customer.created");
            return c;
        });
    }

    /**
     * The customer if it is in memory, without touching the database: safe to call where blocking is not allowed.
     * Empty means "not known here", not "not found"; {@link #get} then decides.
     */
    public Optional<ExpressCustomer> cached(Principal who, String id) {
        Ids.CUSTOMER.require("expressCustomerId", id);
        return store.cache().get(who.organizationId(), id);
    }

    /**
     * From the database, for a caller that waits for it; kept in memory for the next read where there is a cache
     * (SQLite), or read together with the other requests' customers in one query where there is not (PostgreSQL).
     */
    public CompletableFuture<ExpressCustomer> get(Principal who, String id) {
        return get(who, id, Runnable::run);
    }

    /** {@link #get}, answered on {@code answerOn} where the read is batched. */
    public CompletableFuture<ExpressCustomer> get(Principal who, String id, Executor answerOn) {
        Ids.CUSTOMER.require("expressCustomerId", id);
        if (lookups.isPresent()) {
            var key = new ExpressCustomerStore.Key(who.organizationId(), id);
            return lookups.get().find(key, answerOn).thenApply(found -> found.orElseThrow(Customers::notFound));
        }
        long stamp = store.cache().stamp();
        return db.readAsync(h -> {
            ExpressCustomer found = load(h, who, id);
            store.cache().offer(found, stamp);
            return found;
        });
    }

    public ExpressCustomer update(Principal who, String reason, String id, CustomerChanges changes) {
        Ids.CUSTOMER.require("expressCustomerId", id);
        String newName = changes.name() == null ? null : ExpressCustomer.validName("expressCustomerName", changes.name());
        return db.write(h -> {
            ExpressCustomer current = load(h, who, id);
            String name = newName == null ? current.name() : newName;
            Metadata metadata = changes.metadata() == null ? current.metadata() : changes.metadata();
            if (name.equals(current.name()) && metadata.equals(current.metadata())) {
                return current; // nothing changes: no new version, no event
            }
            ExpressCustomer changed = current.withDetails(name, metadata, now());
            store.update(h, changed);
            record(h, who, reason, changed, "express_customer.updated");
            return changed;
        });
    }

    /**
     * Completes once the change is durable; nothing waits for it on a thread of its own (see
     * {@link Database#writeAsync}), and the future completes on the writer's thread.
     */
    public CompletableFuture<ExpressCustomer> deactivate(Principal who, String reason, String id) {
        return transition(who, reason, id, false, "express_customer.deactivated");
    }

    /** As {@link #deactivate}. */
    public CompletableFuture<ExpressCustomer> reactivate(Principal who, String reason, String id) {
        return transition(who, reason, id, true, "express_customer.reactivated");
    }

    /** The hot write path: one conditional UPDATE that returns the changed row, then the event. */
    private CompletableFuture<ExpressCustomer> transition(Principal who, String reason, String id, boolean active,
                                                          String eventType) {
        Ids.CUSTOMER.require("expressCustomerId", id);
        return db.writeAsync(h -> {
            Optional<ExpressCustomer> changed = store.setActive(h, who.organizationId(), id, active, now());
            if (changed.isEmpty()) {
                return load(h, who, id); // already so (unchanged, no event), or NOT_FOUND
            }
            record(h, who, reason, changed.get(), eventType);
            return changed.get();
        });
    }

    /**
     * Links a user (avara-v1.md §6.0 items 10 and 34). Idempotent: an existing link answers the same and writes no
     * event. An inactive customer takes no new links; a user who is not ACTIVE cannot be linked.
     */
    public void addUser(Principal who, String reason, String customerId, String userId) {
        Ids.CUSTOMER.require("expressCustomerId", customerId);
        Ids.USER.require("userId", userId);
        db.write(h -> {
            // Both rows are locked, the user's first as in every write that locks both (a user's delete unlinks it
            // from its customers), so a concurrent deactivate or delete waits for this link instead of missing it.
            Optional<User> user = users.findForChange(h, who.organizationId(), userId);
            ExpressCustomer customer = lockedCustomer(h, who, customerId);
            User linked = user.filter(u -> u.state() != UserState.DELETED).orElseThrow(Users::notFound);
            if (!customer.active()) {
                throw DomainError.failedPrecondition(ErrorIds.EXPRESS_CUSTOMER_INACTIVE, "Express customer is inactive");
            }
            Study.requireAssignable(linked);
            if (store.link(h, who.organizationId(), customerId, userId, now())) {
                recordLink(h, who, reason, customerId, userId, "express_customer.user_linked");
            }
            return null;
        });
    }

    /** Unlinks a user; allowed on an inactive customer. Idempotent: no link answers the same and writes no event. */
    public void removeUser(Principal who, String reason, String customerId, String userId) {
        Ids.CUSTOMER.require("expressCustomerId", customerId);
        Ids.USER.require("userId", userId);
        db.write(h -> {
            load(h, who, customerId);
            linkableUser(h, who, userId);
            if (store.unlink(h, who.organizationId(), customerId, userId, now())) {
                recordLink(h, who, reason, customerId, userId, "express_customer.user_unlinked");
            }
            return null;
        });
    }

    /** A deleted user leaves every customer, in the transaction that deletes it. */
    void unlinkEverywhere(Handle h, Principal who, String reason, String userId, Instant now) {
        for (String customerId : store.customersOf(h, who.organizationId(), userId)) {
            if (store.unlink(h, who.organizationId(), customerId, userId, now)) {
                recordLink(h, who, reason, customerId, userId, "express_customer.user_unlinked");
            }
        }
    }

    private User linkableUser(Handle h, Principal who, String userId) {
        return users.find(h, who.organizationId(), userId)
                .filter(u -> u.state() != UserState.DELETED)
                .orElseThrow(Users::notFound);
    }


    private void recordLink(Handle h, Principal who, String reason, String customerId, String userId, String type) {
        ExpressCustomer c = load(h, who, customerId);
        Events log = new Events(c.organizationId(), AGGREGATE, c.id(), who.actor(), reason, c.updatedAt());
        events.append(h, log.event(type, c.version(), events.data().customerLink(c, userId)));
    }

    /** One page, newest first. The cursor is bound to the organization and the limit it was issued with. */
    public CompletableFuture<Listing> list(Principal who, Optional<String> cursor, int limit) {
        String query = "express|limit=" + limit;
        Optional<Keyset> after = cursors.decode(cursor, who.organizationId(), query, Ids.CUSTOMER);
        return db.readAsync(h -> {
            Page<ExpressCustomer> page = store.page(h, who.organizationId(), after, limit);
            return new Listing(page, page.next().map(k -> cursors.encode(k, who.organizationId(), query)));
        });
    }

    public record Listing(Page<ExpressCustomer> page, Optional<String> nextCursor) {
    }

    /**
     * The console's list: newest first, by a case-insensitive part of the name (null: any) and by state (null: any),
     * paged by offset with the number of all matches.
     */
    public Listed<ExpressCustomer> search(Principal who, String nameContains, Boolean active, long offset, int limit) {
        String org = who.organizationId();
        String name = nameContains == null || nameContains.isBlank() ? null : nameContains.strip();
        return db.search(org, h -> store.search(h, org, name, active, offset, limit));
    }

    /** The users linked to a customer, oldest link first; deleted users are never linked. */
    public List<User> linkedUsers(Principal who, String customerId) {
        Ids.CUSTOMER.require("expressCustomerId", customerId);
        return db.read(h -> {
            load(h, who, customerId);
            return users.linkedTo(h, who.organizationId(), customerId);
        });
    }

    private ExpressCustomer load(Handle h, Principal who, String id) {
        return store.find(h, who.organizationId(), id).orElseThrow(Customers::notFound);
    }

    /** As {@link #load}, locked until the transaction ends (see {@link ExpressCustomerStore#findForChange}). */
    ExpressCustomer lockedCustomer(Handle h, Principal who, String id) {
        return store.findForChange(h, who.organizationId(), id).orElseThrow(Customers::notFound);
    }

    static DomainError notFound() {
        return DomainError.notFound(ErrorIds.EXPRESS_NOT_FOUND, "Express customer could not be found");
    }

    private void record(Handle h, Principal who, String reason, ExpressCustomer c, String type) {
        Events log = new Events(c.organizationId(), AGGREGATE, c.id(), who.actor(), reason, c.updatedAt());
        events.append(h, log.event(type, c.version(), events.data().customer(c)));
    }

    private Instant now() {
        return Clocks.now(clock);
    }
}
