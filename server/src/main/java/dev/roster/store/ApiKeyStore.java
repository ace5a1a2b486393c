package dev.roster.store;

import dev.roster.domain.ApiKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** API keys by organization; the secret itself is never stored, only its SHA-256. */
public final class ApiKeyStore {
    private static final String COLUMNS = "id, org_id, name, instance_admin, created_at, revoked_at";

    public void insert(Handle h, ApiKey key, String secretSha256) {
        h.createUpdate("""
                        INSERT INTO api_keys (id, org_id, name, secret_sha256, instance_admin, created_at, revoked_at, version)
                        VALUES (:id, :org, :name, :hash, :admin, :createdAt, NULL, 1)""")
                .bind("id", key.id())
                .bind("org", key.organizationId())
                .bind("name", key.name())
                .bind("hash", secretSha256)
                .bind("admin", key.instanceAdmin())
                .bind("createdAt", Times.millis(key.createdAt()))
                .execute();
    }

    public Optional<ApiKey> findBySecretHash(Handle h, String secretSha256) {
        return h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE secret_sha256 = :hash")
                .bind("hash", secretSha256)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    public Optional<ApiKey> find(Handle h, String orgId, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE org_id = :org AND id = :id")
                .bind("org", orgId)
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    /** Newest first; an organization has few keys, so the list is not paged. */
    public List<ApiKey> list(Handle h, String orgId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE org_id = :org ORDER BY created_at DESC, id DESC")
                .bind("org", orgId)
                .map((rs, ctx) -> row(rs))
                .list();
    }

    /** Marks the key revoked; false when it already was. */
    public boolean revoke(Handle h, String orgId, String id, Instant at) {
        return h.createUpdate("""
                        UPDATE api_keys SET revoked_at = :at, version = version + 1
                        WHERE org_id = :org AND id = :id AND revoked_at IS NULL""")
                .bind("at", Times.millis(at))
                .bind("org", orgId)
                .bind("id", id)
                .execute() == 1;
    }

    /**
     * IDs of keys revoked at or after {@code since}, in every organization: the instance's own housekeeping, which
     * evicts them from every replica's cache, not a tenant's query.
     */
    public List<String> revokedSince(Handle h, Instant since) {
        return h.createQuery("SELECT id FROM api_keys WHERE revoked_at >= :since")
                .bind("since", Times.millis(since))
                .mapTo(String.class)
                .list();
    }

    public long version(Handle h, String orgId, String id) {
        return h.createQuery("SELECT version FROM api_keys WHERE org_id = :org AND id = :id")
                .bind("org", orgId)
                .bind("id", id)
                .mapTo(Long.class)
                .one();
    }

    private static ApiKey row(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getString("id"), rs.getString("org_id"), rs.getString("name"),
                rs.getBoolean("instance_admin"), Times.instant(rs, "created_at"), Times.instant(rs, "revoked_at"));
    }
}
