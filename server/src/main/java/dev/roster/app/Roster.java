package dev.roster.app;

import dev.roster.domain.ErrorIds;
import dev.roster.store.ApiKeyStore;
import dev.roster.store.Database;
import dev.roster.store.EventFeed;
import dev.roster.store.EventLog;
import dev.roster.store.Dialect;
import dev.roster.store.ExpressCustomerCache;
import dev.roster.store.ExpressCustomerStore;
import dev.roster.store.IdempotencyStore;
import dev.roster.store.InstanceSecretStore;
import dev.roster.store.OrganizationStore;
import dev.roster.store.SessionStore;
import dev.roster.store.StudyStore;
import dev.roster.store.UserStore;
import dev.roster.store.ViewerUserStore;
import dev.roster.store.WebhookDeliveryStore;
import dev.roster.store.WebhookEndpointStore;
import java.time.Clock;

/** The application: every use case, wired to one database and one clock. */
public final class Roster {
    /** About 0.5 kB each: 50k customers keep the cache near 25 MB of the heap. */
    static final int CACHED_CUSTOMERS = 50_000;

    private final Database db;
    private final ApiKeys apiKeys;
    private final Organizations organizations;
    private final Customers customers;
    private final IdempotencyKeys idempotencyKeys;
    private final Users users;
    private final Sessions sessions;
    private final Clock clock;
    private final StudyLinks studyLinks;
    private final Studies studies;
    private final ViewerUsers viewerUsers;
    private final Cursors cursors;
    private final RateLimits rateLimits;
    private final EventHistory events;
    private final ConsoleAccess console;
    private final WebhookEndpoints webhookEndpoints;
    private final WebhookDeliveries webhookDeliveries;

    /**
     * Settings an operator may change; the defaults are ZITADEL's, which limits neither requests nor password checks
     * ({@code roster serve} turns both limits on).
     */
    public record Settings(int lockoutMaxAttempts, PasswordHasher passwords, RateLimit requestsPerApiKey,
                           RateLimit passwordChecksPerUser) {
        public static Settings defaults() {
            return new Settings(0, PasswordHasher.standard(), RateLimit.OFF, RateLimit.OFF);
        }
    }

    /** The limits this server enforces, each with a count of what it refused. */
    public record RateLimits(RateLimiter requests, RateLimiter passwordChecks) {
    }

    /** Keys with a bucket at one time; a bucket is a few hundred bytes, so each limiter stays within a few MB. */
    static final int LIMITED_KEYS = 10_000;

    public Roster(Database db, Clock clock, EventData eventData) {
        this(db, clock, Settings.defaults(), eventData);
    }

    public Roster(Database db, Clock clock, Settings settings, EventData eventData) {
        this(db, clock, settings, WebhookSettings.defaults(), eventData);
    }

    public Roster(Database db, Clock clock, Settings settings, WebhookSettings webhooks, EventData eventData) {
        if (settings.lockoutMaxAttempts() < 0) {
            throw new IllegalArgumentException("the lockout limit must be 0 (off) or more");
        }
        this.db = db;
        this.clock = clock;
        this.rateLimits = new RateLimits(
                new RateLimiter(settings.requestsPerApiKey(), LIMITED_KEYS, ErrorIds.RATE_LIMITED,
                        "Too many requests for this API key"),
                new RateLimiter(settings.passwordChecksPerUser(), LIMITED_KEYS, ErrorIds.PASSWORD_CHECKS_LIMITED,
                        "Too many password checks for this user"));
        EventRecorder events = new EventRecorder(new EventLog(), eventData);
        OrganizationStore organizationStore = new OrganizationStore();
        UserStore userStore = new UserStore(db.dialect());
        SessionStore sessionStore = new SessionStore();
        SessionTermination termination = new SessionTermination(sessionStore, events);
        this.apiKeys = new ApiKeys(db, new ApiKeyStore(), organizationStore, events, clock);
        this.organizations = new Organizations(db, organizationStore, apiKeys, events, clock);
        this.idempotencyKeys = new IdempotencyKeys(db, new IdempotencyStore(), clock);
        InstanceSecretStore instanceSecrets = new InstanceSecretStore();
        this.cursors = new Cursors(db, instanceSecrets, clock);
        ExpressCustomerStore customerStore = new ExpressCustomerStore(customerCache(db), db.dialect());
        this.customers = new Customers(db, customerStore, userStore, events, cursors, clock);
        ViewerUserStore viewerUserStore = new ViewerUserStore(userStore);
        this.studyLinks = new StudyLinks(db, instanceSecrets, clock);
        this.studies = new Studies(db, new StudyStore(), customerStore, userStore, studyLinks, events, cursors, clock);
        PasswordChecks passwordChecks = new PasswordChecks(settings.passwords(), rateLimits.passwordChecks());
        this.users = new Users(db, userStore, events, settings.passwords(), passwordChecks, termination, customers,
                studies, new OwnerProtection(viewerUserStore), clock);
        this.sessions = new Sessions(db, sessionStore, userStore, events, passwordChecks, termination, users,
                settings.lockoutMaxAttempts(), clock);
        this.events = new EventHistory(db);
        this.viewerUsers = new ViewerUsers(db, userStore, viewerUserStore, termination, events, cursors, clock);
        this.console = new ConsoleAccess(db, userStore, sessions, viewerUsers, instanceSecrets, clock);
        TargetGuard guard = new TargetGuard(webhooks.allowPrivateTargets());
        WebhookEndpointStore endpointStore = new WebhookEndpointStore(db.dialect());
        WebhookDeliveryStore deliveryStore = new WebhookDeliveryStore();
        EventFeed feed = new EventFeed(db.dialect());
        this.webhookEndpoints = new WebhookEndpoints(db, endpointStore, deliveryStore, organizationStore, events,
                feed, cursors, guard, clock);
        this.webhookDeliveries = new WebhookDeliveries(db, endpointStore, deliveryStore, feed, webhookEndpoints,
                webhooks, guard, clock);
    }

    /**
     * In memory only where this server is the database's one writer: SQLite's file belongs to one server, while a
     * PostgreSQL cluster may be shared by replicas that cannot see each other's changes in a cache of their own.
     */
    private static ExpressCustomerCache customerCache(Database db) {
        return db.dialect() == Dialect.SQLITE ? ExpressCustomerCache.bounded(CACHED_CUSTOMERS) : ExpressCustomerCache.NONE;
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

    public Clock clock() {
        return clock;
    }

    public Users users() {
        return users;
    }

    public Sessions sessions() {
        return sessions;
    }

    public Studies studies() {
        return studies;
    }

    public StudyLinks studyLinks() {
        return studyLinks;
    }

    public ViewerUsers viewerUsers() {
        return viewerUsers;
    }

    public Cursors cursors() {
        return cursors;
    }

    public EventHistory events() {
        return events;
    }

    public RateLimits rateLimits() {
        return rateLimits;
    }

    public ConsoleAccess console() {
        return console;
    }

    public WebhookEndpoints webhookEndpoints() {
        return webhookEndpoints;
    }

    public WebhookDeliveries webhookDeliveries() {
        return webhookDeliveries;
    }
}
