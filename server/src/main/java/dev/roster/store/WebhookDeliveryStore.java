package dev.roster.store;

import dev.roster.domain.FeedPosition;
import dev.roster.domain.Keyset;
import dev.roster.domain.LoggedEvent;
import dev.roster.domain.Page;
import dev.roster.domain.WebhookAttempt;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What happened to each delivery to a webhook endpoint (its attempts) and what is still to be tried again (its
 * retries), both scoped to one organization; and the events they name, looked up in the event log.
 */
public final class WebhookDeliveryStore {
    private static final String ATTEMPT_COLUMNS = """
            id, endpoint_id, event_id, event_type, attempt, status_code, error, duration_ms, created_at,
            next_attempt_at""";

    /** An event due to be tried again, as attempt number {@code attempt}, at {@code nextAttemptAt}. */
    public record Retry(String organizationId, String endpointId, FeedPosition event, int attempt,
                        Instant nextAttemptAt) {
    }

    /** A retry that is due, with its event read in the same query. */
    public record Due(int attempt, LoggedEvent event) {
    }

    private static final String INSERT_ATTEMPT = """
            INSERT INTO webhook_attempts (org_id, endpoint_id, created_at, id, event_id, event_type, attempt,
                                          status_code, error, duration_ms, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Plain JDBC (see {@link DirectStatements}): one row per delivery, as many as the write path has events. */
    public void recordAttempts(Handle h, List<WebhookAttempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        DirectStatements.run(h, INSERT_ATTEMPT, insert -> {
            for (WebhookAttempt a : attempts) {
                insert.setString(1, a.organizationId());
                insert.setString(2, a.endpointId());
                insert.setLong(3, Times.millis(a.at()));
                insert.setString(4, a.id());
                insert.setString(5, a.eventId());
                insert.setString(6, a.eventType());
                insert.setInt(7, a.attempt());
                insert.setObject(8, a.statusCode(), Types.INTEGER);
                insert.setString(9, a.error());
                insert.setLong(10, a.durationMillis());
                insert.setObject(11, Times.millisOrNull(a.nextAttemptAt()), Types.BIGINT);
                insert.addBatch();
            }
            return insert.executeBatch();
        });
    }

    /** Schedules (or reschedules) one event; an event already waiting takes the new attempt number and time. */
    public void scheduleRetry(Handle h, Retry r) {
        h.createUpdate("""
                        INSERT INTO webhook_retries (org_id, endpoint_id, event_tx_id, event_position, attempt,
                                                     next_attempt_at)
                        VALUES (:org, :endpoint, :tx, :position, :attempt, :next)
                        ON CONFLICT (org_id, endpoint_id, event_tx_id, event_position)
                        DO UPDATE SET attempt = excluded.attempt, next_attempt_at = excluded.next_attempt_at""")
                .bind("org", r.organizationId())
                .bind("endpoint", r.endpointId())
                .bind("tx", r.event().txId())
                .bind("position", r.event().position())
                .bind("attempt", r.attempt())
                .bind("next", Times.millis(r.nextAttemptAt()))
                .execute();
    }

    /**
     * Removes the event's retry if it was due by {@code sentAt}: a resend or recovery queued while that attempt was
     * in flight is due later, and stays.
     */
    public void removeRetry(Handle h, String orgId, String endpointId, FeedPosition event, Instant sentAt) {
        h.createUpdate("""
                        DELETE FROM webhook_retries WHERE org_id = :org AND endpoint_id = :endpoint
                          AND event_tx_id = :tx AND event_position = :position AND next_attempt_at <= :sentAt""")
                .bind("org", orgId).bind("endpoint", endpointId)
                .bind("tx", event.txId()).bind("position", event.position())
                .bind("sentAt", Times.millis(sentAt))
                .execute();
    }

    /**
     * Deletes about {@code limit} of the endpoint's oldest attempts made before {@code before} (fewer when several
     * share the limit-th one's millisecond); returns how many.
     */
    public int pruneAttempts(Handle h, String orgId, String endpointId, Instant before, int limit) {
        // The oldest {@code limit} rows end at the limit-th one's time; deleting below it is a range of the key.
        long cutoff = h.createQuery("""
                        SELECT created_at FROM webhook_attempts
                        WHERE org_id = :org AND endpoint_id = :endpoint AND created_at < :before
                        ORDER BY created_at LIMIT 1 OFFSET :last""")
                .bind("org", orgId)
                .bind("endpoint", endpointId)
                .bind("before", Times.millis(before))
                .bind("last", limit - 1)
                .mapTo(Long.class)
                .findOne()
                .orElse(Times.millis(before));
        return h.createUpdate("DELETE FROM webhook_attempts"
                        + " WHERE org_id = :org AND endpoint_id = :endpoint AND created_at < :cutoff")
                .bind("org", orgId)
                .bind("endpoint", endpointId)
                .bind("cutoff", cutoff)
                .execute();
    }

    /** The retries due at {@code now} with their events, in the order of the events in the feed. */
    public List<Due> dueRetries(Handle h, String orgId, String endpointId, Instant now, int limit) {
        return h.createQuery("SELECT r.attempt, " + EventFeed.COLUMNS + """
                         FROM webhook_retries r
                        JOIN events ON events.org_id = r.org_id AND events.tx_id = r.event_tx_id
                                   AND events.position = r.event_position
                        WHERE r.org_id = :org AND r.endpoint_id = :endpoint AND r.next_attempt_at <= :now
                        ORDER BY r.event_tx_id, r.event_position LIMIT :limit""")
                .bind("org", orgId)
                .bind("endpoint", endpointId)
                .bind("now", Times.millis(now))
                .bind("limit", limit)
                .map((rs, ctx) -> new Due(rs.getInt("attempt"), EventFeed.event(rs)))
                .list();
    }

    public Page<WebhookAttempt> attempts(Handle h, String orgId, String endpointId, Optional<Keyset> after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + ATTEMPT_COLUMNS
                + " FROM webhook_attempts a WHERE a.org_id = :org AND a.endpoint_id = :endpoint");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("org", orgId);
        parameters.put("endpoint", endpointId);
        NewestFirst.page(sql, parameters, "a", after, limit);
        List<WebhookAttempt> rows = h.createQuery(sql.toString())
                .bindMap(parameters)
                .map((rs, ctx) -> {
                    int status = rs.getInt("status_code");
                    Integer statusCode = rs.wasNull() ? null : status;
                    return new WebhookAttempt(orgId, rs.getString("id"), rs.getString("endpoint_id"),
                            rs.getString("event_id"), rs.getString("event_type"), rs.getInt("attempt"), statusCode,
                            rs.getString("error"), rs.getLong("duration_ms"), Times.instant(rs, "created_at"),
                            Times.instant(rs, "next_attempt_at"));
                })
                .list();
        return Page.ofOverfetched(rows, limit, a -> new Keyset(a.at().toEpochMilli(), a.id()));
    }

    /** The organization's events created at or after {@code since}, oldest first, at most {@code limit}. */
    public List<LoggedEvent> eventsSince(Handle h, String orgId, Instant since, int limit) {
        return h.createQuery("SELECT " + EventFeed.COLUMNS + " FROM events WHERE org_id = :org AND created_at >= :since"
                        + " ORDER BY tx_id, position LIMIT :limit")
                .bind("org", orgId)
                .bind("since", Times.millis(since))
                .bind("limit", limit)
                .map((rs, ctx) -> EventFeed.event(rs))
                .list();
    }
}
