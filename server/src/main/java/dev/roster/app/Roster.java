package dev.roster.app;

import dev.roster.store.ApiKeyStore;
import dev.roster.store.Database;
import dev.roster.store.EventLog;
import dev.roster.store.ExpressCustomerStore;
import dev.roster.store.IdempotencyStore;
import dev.roster.store.OrganizationStore;
import java.time.Clock;

/** The application: every use case, wired to one database and one clock. */
public final class Roster {
    private final Database db;
    private final ApiKeys apiKeys;
    private final Organizations organizations;
    private final Customers customers;
    private final IdempotencyKeys idempotencyKeys;

    public Roster(Database db, Clock clock) {
        this.db = db;
        EventLog events = new EventLog();
        OrganizationStore organizationStore = new OrganizationStore();
        this.apiKeys = new ApiKeys(db, new ApiKeyStore(), organizationStore, events, clock);
        this.organizations = new Organizations(db, organizationStore, apiKeys, events, clock);
        this.customers = new Customers(db, new ExpressCustomerStore(), events, clock);
        this.idempotencyKeys = new IdempotencyKeys(db, new IdempotencyStore(), clock);
    }

    public Database database() {
        return db;
    }

    public ApiKeys apiKeys() {
        return apiKeys;
    }

    public Organizations organizations() {
        return organizations;
    }

    public Customers customers() {
        return customers;
    }

    public IdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }
}
