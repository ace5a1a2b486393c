package dev.roster.app;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.roster.domain.Actor;
import dev.roster.domain.ApiKey;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.domain.Ids;
import dev.roster.domain.Principal;
import dev.roster.domain.Text;
import dev.roster.store.ApiKeyStore;
import dev.roster.store.Database;
import dev.roster.store.OrganizationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * API keys: authentication on the hot path (a short-lived cache in front of the hash lookup) and their
 * management by the instance admin. Revoking through this server evicts the key at once; a revocation made
 * elsewhere (the CLI, another replica) is picked up by {@link #forgetRevokedElsewhere}, which the server runs every
 * second.
 */
public final class ApiKeys {
    public static final String AGGREGATE = "api_key";
    static final Duration CACHE_TTL = Duration.ofSeconds(5);
    /** Revocations are looked for this far back, so a replica whose clock is a little ahead is not missed. */
    static final Duration CLOCK_SLACK = Duration.ofSeconds(10);

    private final Database db;
    private final ApiKeyStore keys;
    private final OrganizationStore organizations;
    private final EventRecorder events;
    private final Clock clock;
    private volatile Instant revocationsCheckedAt;
    private final Cache<String, Principal> byHash = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(CACHE_TTL)
            .build();

    ApiKeys(Database db, ApiKeyStore keys, OrganizationStore organizations, EventRecorder events, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
        this.revocationsCheckedAt = Clocks.now(clock);
    }

    /** A key and its secret, as returned once at creation. */
    public record CreatedKey(ApiKey key, String secret) {
    }

    /** The principal for a presented secret, or empty when it is unknown or revoked. */
    public Optional<Principal> authenticate(String secret) {
        String hash = Secrets.sha256(secret);
        Principal cached = byHash.getIfPresent(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Principal> found = db.read(h -> keys.findBySecretHash(h, hash))
                .filter(k -> !k.revoked())
                .map(k -> Principal.apiKey(k.id(), k.organizationId(), k.instanceAdmin()));
        found.ifPresent(p -> byHash.put(hash, p));
        return found;
    }

    /** True when a secret would be served from the cache, so the caller can skip the blocking path. */
    public Optional<Principal> cached(String secret) {
        return Optional.ofNullable(byHash.getIfPresent(Secrets.sha256(secret)));
    }

    public CreatedKey create(Principal who, String organizationId, String name) {
        who.requireInstanceAdmin();
        String validName = Text.requireTrimmed("name", name, ApiKey.MAX_NAME);
        return db.write(h -> {
            requireOrganization(h, organizationId);
            return insert(h, who.actor(), organizationId, validName, Secrets.newApiKey(), false);
        });
    }

    public List<ApiKey> list(Principal who, String organizationId) {
        who.requireInstanceAdmin();
        return db.read(h -> {
            requireOrganization(h, organizationId);
            return keys.list(h, organizationId);
        });
    }

    /** Idempotent: revoking a revoked key returns it unchanged. */
    public ApiKey revoke(Principal who, String organizationId, String apiKeyId) {
        who.requireInstanceAdmin();
        Ids.ORGANIZATION.require("organizationId", organizationId);
        Ids.requireApiKeyId("apiKeyId", apiKeyId);
        return revoke(who.actor(), organizationId, apiKeyId);
    }

    /** A console admin's keys: only those of its own organization. */
    public CreatedKey createInOwnOrganization(Principal who, String name) {
        requireConsoleAdmin(who);
        String validName = Text.requireTrimmed("name", name, ApiKey.MAX_NAME);
        return db.write(h -> insert(h, who.actor(), who.organizationId(), validName, Secrets.newApiKey(), false));
    }

    public List<ApiKey> listOwnOrganization(Principal who) {
        requireConsoleAdmin(who);
        return db.read(h -> keys.list(h, who.organizationId()));
    }

    /** The instance-admin key stays out of a console's reach: only the operator revokes it. */
    public ApiKey revokeInOwnOrganization(Principal who, String apiKeyId) {
        requireConsoleAdmin(who);
        Ids.requireApiKeyId("apiKeyId", apiKeyId);
        ApiKey key = db.read(h -> keys.find(h, who.organizationId(), apiKeyId)).orElseThrow(ApiKeys::keyNotFound);
        if (key.instanceAdmin()) {
            throw DomainError.permissionDenied();
        }
        return revoke(who.actor(), who.organizationId(), apiKeyId);
    }

    private static void requireConsoleAdmin(Principal who) {
        if (!who.consoleAdmin()) {
            throw DomainError.permissionDenied();
        }
    }

    /** The CLI's path: no principal, the operator is trusted. */
    public ApiKey revoke(Actor actor, String organizationId, String apiKeyId) {
        ApiKey revoked = db.write(h -> {
            requireOrganization(h, organizationId);
            ApiKey key = keys.find(h, organizationId, apiKeyId).orElseThrow(ApiKeys::keyNotFound);
            if (key.revoked()) {
                return key;
            }
            Instant now = Clocks.now(clock);
            keys.revoke(h, organizationId, apiKeyId, now);
            long version = keys.version(h, organizationId, apiKeyId);
            ApiKey after = new ApiKey(key.id(), key.organizationId(), key.name(), key.instanceAdmin(), key.createdAt(),
                    now);
            Events log = new Events(organizationId, AGGREGATE, apiKeyId, actor, null, now);
            events.append(h, log.event("api_key.revoked", version, events.data().apiKey(after)));
            return after;
        });
        byHash.asMap().values().removeIf(p -> p.apiKeyId().equals(apiKeyId));
        return revoked;
    }

    /** Evicts from the cache every key revoked since the last look, wherever it was revoked. */
    public void forgetRevokedElsewhere() {
        Instant now = Clocks.now(clock);
        List<String> revoked = db.read(h -> keys.revokedSince(h, revocationsCheckedAt.minus(CLOCK_SLACK)));
        revocationsCheckedAt = now;
        if (!revoked.isEmpty()) {
            byHash.asMap().values().removeIf(p -> revoked.contains(p.apiKeyId()));
        }
    }

    /** Also used at bootstrap and by the CLI, inside their own transactions. */
    CreatedKey insert(Handle h, Actor actor, String organizationId, String name, String secret, boolean instanceAdmin) {
        Instant now = Clocks.now(clock);
        ApiKey key = new ApiKey(Ids.newApiKeyId(), organizationId, name, instanceAdmin, now, null);
        keys.insert(h, key, Secrets.sha256(secret));
        Events log = new Events(organizationId, AGGREGATE, key.id(), actor, null, now);
        events.append(h, log.event("api_key.created", 1, events.data().apiKey(key)));
        return new CreatedKey(key, secret);
    }

    public CreatedKey createByOperator(String organizationId, String name) {
        String validName = Text.requireTrimmed("name", name, ApiKey.MAX_NAME);
        return db.write(h -> {
            requireOrganization(h, organizationId);
            return insert(h, Actor.cli(), organizationId, validName, Secrets.newApiKey(), false);
        });
    }

    public List<ApiKey> listByOperator(String organizationId) {
        return db.read(h -> {
            requireOrganization(h, organizationId);
            return keys.list(h, organizationId);
        });
    }

    /** The ID's format is a 400; a well-formed ID that names no organization is a 404. */
    private void requireOrganization(Handle h, String organizationId) {
        Ids.ORGANIZATION.require("organizationId", organizationId);
        if (organizations.find(h, organizationId).isEmpty()) {
            throw DomainError.notFound(ErrorIds.ORGANIZATION_NOT_FOUND, "Organization could not be found");
        }
    }

    private static DomainError keyNotFound() {
        return DomainError.notFound(ErrorIds.API_KEY_NOT_FOUND, "API key could not be found");
    }
}
