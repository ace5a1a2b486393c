package dev.roster.store;

import dev.roster.domain.FeedPosition;
import dev.roster.domain.Keyset;
import dev.roster.domain.Page;
import dev.roster.domain.WebhookEndpoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Webhook endpoints, each scoped to one organization, with the dispatcher's bookkeeping beside them: the endpoint's
 * place in its organization's events feed, the lease of the replica delivering to it, and since when it fails.
 */
public final class WebhookEndpointStore {
    private static final String COLUMNS = """
            org_id, id, url, event_types, description, enabled, disabled_reason, secret, previous_secret,
            previous_secret_until, created_at, updated_at, created_by_api_key_id, version""";

    private final Dialect dialect;

    public WebhookEndpointStore(Dialect dialect) {
        this.dialect = dialect;
    }

    /** An endpoint as the dispatcher sees it: where it is in the feed and since when its deliveries fail. */
    public record Dispatch(WebhookEndpoint endpoint, FeedPosition cursor, Instant failingSince) {
    }

    /** An endpoint's identity across organizations. */
    public record Key(String organizationId, String id) {
    }

    public void insert(Handle h, WebhookEndpoint e, FeedPosition cursor) {
        bindRow(h.createUpdate("""
                        INSERT INTO webhook_endpoints (org_id, id, url, event_types, description, enabled,
                            disabled_reason, secret, previous_secret, previous_secret_until, cursor_tx_id,
                            cursor_position, created_at, updated_at, created_by_api_key_id, version)
                        VALUES (:org, :id, :url, :types, :description, :enabled, :reason, :secret, :previous,
                                :previousUntil, :tx, :position, :createdAt, :updatedAt, :createdBy, :version)"""), e)
                .bind("tx", cursor.txId())
                .bind("position", cursor.position())
                .bind("createdAt", Times.millis(e.createdAt()))
                .bind("createdBy", e.createdByApiKeyId())
                .execute();
    }

    public Optional<WebhookEndpoint> find(Handle h, String orgId, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE org_id = :org AND id = :id")
                .bind("org", orgId)
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    public Optional<Dispatch> findForDispatch(Handle h, String orgId, String id) {
        return h.createQuery("SELECT " + COLUMNS + ", cursor_tx_id, cursor_position, failing_since"
                        + " FROM webhook_endpoints WHERE org_id = :org AND id = :id")
                .bind("org", orgId)
                .bind("id", id)
                .map((rs, ctx) -> new Dispatch(row(rs),
                        new FeedPosition(rs.getLong("cursor_tx_id"), rs.getLong("cursor_position")),
                        Times.instant(rs, "failing_since")))
                .findOne();
    }

    /**
     * Writes what a use case changed if nobody changed it since it was read at {@code version - 1}; an endpoint
     * enabled again starts with a clean failure record.
     */
    public void update(Handle h, WebhookEndpoint e) {
        int rows = bindRow(h.createUpdate("""
                        UPDATE webhook_endpoints
                        SET url = :url, event_types = :types, description = :description, enabled = :enabled,
                            disabled_reason = :reason, secret = :secret, previous_secret = :previous,
                            previous_secret_until = :previousUntil, updated_at = :updatedAt, version = :version,
                            failing_since = CASE WHEN :enabled AND NOT enabled THEN NULL ELSE failing_since END
                        WHERE org_id = :org AND id = :id AND version = :expected"""), e)
                .bind("expected", e.version() - 1)
                .execute();
        if (rows != 1) {
            throw new ConcurrentUpdateException("webhook endpoint " + e.id());
        }
    }

    /** Removes the endpoint with its pending retries and its attempts. */
    public void delete(Handle h, String orgId, String id) {
        for (String table : List.of("webhook_retries", "webhook_attempts")) {
            h.createUpdate("DELETE FROM " + table + " WHERE org_id = :org AND endpoint_id = :id")
                    .bind("org", orgId).bind("id", id).execute();
        }
        h.createUpdate("DELETE FROM webhook_endpoints WHERE org_id = :org AND id = :id")
                .bind("org", orgId).bind("id", id).execute();
    }

    public Page<WebhookEndpoint> page(Handle h, String orgId, Optional<Keyset> after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM webhook_endpoints e WHERE e.org_id = :org");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("org", orgId);
        NewestFirst.page(sql, parameters, "e", after, limit);
        List<WebhookEndpoint> rows = h.createQuery(sql.toString()).bindMap(parameters).map((rs, ctx) -> row(rs)).list();
        return Page.ofOverfetched(rows, limit, e -> new Keyset(e.createdAt().toEpochMilli(), e.id()));
    }

    /** The last event of the organization's feed so far: a new endpoint starts after it. */
    public FeedPosition feedHead(Handle h, String orgId) {
        return h.createQuery("SELECT tx_id, position FROM events WHERE org_id = :org"
                        + " ORDER BY tx_id DESC, position DESC LIMIT 1")
                .bind("org", orgId)
                .map((rs, ctx) -> new FeedPosition(rs.getLong("tx_id"), rs.getLong("position")))
                .findOne()
                .orElse(FeedPosition.START);
    }

    /** Every enabled endpoint of every organization: what the dispatcher delivers to. */
    public List<Key> enabled(Handle h) {
        return h.createQuery("SELECT org_id, id FROM webhook_endpoints WHERE enabled")
                .map((rs, ctx) -> new Key(rs.getString("org_id"), rs.getString("id")))
                .list();
    }

    /**
     * Takes or renews the lease on an enabled endpoint for {@code owner} until {@code until}, unless another owner
     * holds an unexpired one. On SQLite one server owns the database, so its dispatcher always gets it.
     */
    public boolean claim(Handle h, String orgId, String id, String owner, Instant now, Instant until) {
        String free = dialect == Dialect.SQLITE ? ""
                : " AND (lease_owner = :owner OR lease_until IS NULL OR lease_until < :now)";
        return h.createUpdate("UPDATE webhook_endpoints SET lease_owner = :owner, lease_until = :until"
                        + " WHERE org_id = :org AND id = :id AND enabled" + free)
                .bind("owner", owner)
                .bind("until", Times.millis(until))
                .bind("now", Times.millis(now))
                .bind("org", orgId)
                .bind("id", id)
                .execute() == 1;
    }

    /** Lets the lease go, so another replica may take the endpoint at once. */
    public void release(Handle h, String orgId, String id, String owner) {
        h.createUpdate("UPDATE webhook_endpoints SET lease_owner = NULL, lease_until = NULL"
                        + " WHERE org_id = :org AND id = :id AND lease_owner = :owner")
                .bind("org", orgId).bind("id", id).bind("owner", owner).execute();
    }

    /**
     * Moves the endpoint's place in the feed and its failure record, only while {@code owner} still holds the lease:
     * a replica that lost it must not move the cursor of the one that took over. Returns whether it did.
     */
    public boolean advance(Handle h, String orgId, String id, String owner, FeedPosition cursor, Instant failingSince) {
        return h.createUpdate("""
                        UPDATE webhook_endpoints
                        SET cursor_tx_id = :tx, cursor_position = :position, failing_since = :failingSince
                        WHERE org_id = :org AND id = :id AND lease_owner = :owner""")
                .bind("tx", cursor.txId())
                .bind("position", cursor.position())
                .bind("failingSince", Times.millisOrNull(failingSince))
                .bind("org", orgId)
                .bind("id", id)
                .bind("owner", owner)
                .execute() == 1;
    }

    /** The columns an insert and an update both write, from the endpoint. */
    private static Update bindRow(Update statement, WebhookEndpoint e) {
        return statement.bind("org", e.organizationId())
                .bind("id", e.id())
                .bind("url", e.url())
                .bind("types", JsonColumns.write(e.eventTypes()))
                .bind("description", e.description())
                .bind("enabled", e.enabled())
                .bind("reason", e.disabledReason())
                .bind("secret", e.secret())
                .bind("previous", e.previousSecret())
                .bind("previousUntil", Times.millisOrNull(e.previousSecretUntil()))
                .bind("updatedAt", Times.millis(e.updatedAt()))
                .bind("version", e.version());
    }

    private static WebhookEndpoint row(ResultSet rs) throws SQLException {
        return new WebhookEndpoint(
                rs.getString("org_id"),
                rs.getString("id"),
                rs.getString("url"),
                JsonColumns.strings(rs.getString("event_types")),
                rs.getString("description"),
                rs.getBoolean("enabled"),
                rs.getString("disabled_reason"),
                rs.getString("secret"),
                rs.getString("previous_secret"),
                Times.instant(rs, "previous_secret_until"),
                Times.instant(rs, "created_at"),
                Times.instant(rs, "updated_at"),
                rs.getString("created_by_api_key_id"),
                rs.getLong("version"));
    }
}
