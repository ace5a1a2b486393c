package dev.roster.store;

import dev.roster.domain.StoredResponse;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Idempotency keys per organization: claimed when a request starts, completed with its answer. */
public final class IdempotencyStore {
    /** A key as stored; {@code response} is empty while its first request runs. */
    public record Entry(String fingerprint, Optional<StoredResponse> response, Instant createdAt) {
    }

    public Optional<Entry> find(Handle h, String orgId, String key) {
        return h.createQuery("""
                        SELECT fingerprint, status, content_type, body, created_at FROM idempotency_keys
                        WHERE org_id = :org AND idem_key = :key""")
                .bind("org", orgId)
                .bind("key", key)
                .map((rs, ctx) -> {
                    int status = rs.getInt("status");
                    Optional<StoredResponse> response = rs.wasNull() ? Optional.empty()
                            : Optional.of(new StoredResponse(status, rs.getString("content_type"), rs.getString("body")));
                    return new Entry(rs.getString("fingerprint"), response, Times.instant(rs, "created_at"));
                })
                .findOne();
    }

    /** Takes the key for a request now starting; false when someone holds it already. */
    public boolean claim(Handle h, String orgId, String key, String fingerprint, Instant now) {
        return h.createUpdate("""
                        INSERT INTO idempotency_keys (org_id, idem_key, fingerprint, created_at)
                        VALUES (:org, :key, :fingerprint, :now)
                        ON CONFLICT (org_id, idem_key) DO NOTHING""")
                .bind("org", orgId)
                .bind("key", key)
                .bind("fingerprint", fingerprint)
                .bind("now", Times.millis(now))
                .execute() == 1;
    }

    public void complete(Handle h, String orgId, String key, StoredResponse response) {
        h.createUpdate("""
                        UPDATE idempotency_keys SET status = :status, content_type = :contentType, body = :body
                        WHERE org_id = :org AND idem_key = :key AND status IS NULL""")
                .bind("status", response.status())
                .bind("contentType", response.contentType())
                .bind("body", response.body())
                .bind("org", orgId)
                .bind("key", key)
                .execute();
    }

    public void remove(Handle h, String orgId, String key) {
        h.createUpdate("DELETE FROM idempotency_keys WHERE org_id = :org AND idem_key = :key")
                .bind("org", orgId)
                .bind("key", key)
                .execute();
    }

    /** Forgets every key created before {@code cutoff}; returns how many. */
    public int removeOlderThan(Handle h, Instant cutoff) {
        return h.createUpdate("DELETE FROM idempotency_keys WHERE created_at < :cutoff")
                .bind("cutoff", Times.millis(cutoff))
                .execute();
    }
}
