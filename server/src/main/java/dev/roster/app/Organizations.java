package dev.roster.app;

import dev.roster.domain.Actor;
import dev.roster.domain.Ids;
import dev.roster.domain.Organization;
import dev.roster.domain.Principal;
import dev.roster.domain.Text;
import dev.roster.store.Database;
import dev.roster.store.OrganizationStore;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Organizations (tenants) and the first start of an instance. */
public final class Organizations {
    public static final String AGGREGATE = "organization";
    /** Fixed, so that replicas starting together on one empty database agree on a single default organization. */
    public static final String DEFAULT_ID = "org_00000000000000000000000000000001";
    static final int MIN_BOOTSTRAP_KEY_LENGTH = 16;

    private final Database db;
    private final OrganizationStore store;
    private final ApiKeys apiKeys;
    private final EventRecorder events;
    private final Clock clock;

    Organizations(Database db, OrganizationStore store, ApiKeys apiKeys, EventRecorder events, Clock clock) {
        this.db = db;
        this.store = store;
        this.apiKeys = apiKeys;
        this.events = events;
        this.clock = clock;
    }

    public Organization create(Principal who, String name) {
        who.requireInstanceAdmin();
        return create(who.actor(), name);
    }

    public Organization create(Actor actor, String name) {
        String validName = Text.requireTrimmed("name", name, Organization.MAX_NAME);
        return db.write(h -> insert(h, actor, Ids.ORGANIZATION.next(), validName));
    }

    /**
     * On an empty database: the default organization and its instance-admin key, whose secret is
     * {@code configuredSecret} when given. Returns the key created, or empty when the instance already existed.
     */
    public Optional<ApiKeys.CreatedKey> bootstrap(Optional<String> configuredSecret) {
        configuredSecret.ifPresent(Organizations::checkBootstrapSecret);
        return db.write(h -> {
            if (store.any(h)) {
                return Optional.empty();
            }
            insert(h, Actor.system(), DEFAULT_ID, "Default");
            String secret = configuredSecret.orElseGet(Secrets::newApiKey);
            return Optional.of(apiKeys.insert(h, Actor.system(), DEFAULT_ID, "bootstrap", secret, true));
        });
    }

    private Organization insert(Handle h, Actor actor, String id, String name) {
        Organization org = new Organization(id, name, Clocks.now(clock));
        store.insert(h, org);
        Events log = new Events(id, AGGREGATE, id, actor, null, org.createdAt());
        events.append(h, log.event("organization.created", 1, events.data().organization(org)));
        return org;
    }

    private static void checkBootstrapSecret(String secret) {
        if (secret.length() < MIN_BOOTSTRAP_KEY_LENGTH || !secret.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("ROSTER_BOOTSTRAP_API_KEY must be at least " + MIN_BOOTSTRAP_KEY_LENGTH
                    + " printable ASCII characters without spaces");
        }
    }
}
