package dev.roster.store;

import dev.roster.domain.Actor;
import dev.roster.domain.EventFilter;
import dev.roster.domain.FeedPosition;
import dev.roster.domain.LoggedEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads an organization's event log oldest first, as a feed that never skips an event and never shows one twice.
 *
 * <p>On PostgreSQL, writers on several connections take positions from one sequence and commit in any order, so an
 * event with a smaller position can become visible after a reader went past it. The feed therefore orders events by
 * the id of the transaction that wrote them, then by position, and reads only events of transactions older than the
 * oldest one still running: no transaction can commit there any more, so that part of the order is final. A long
 * transaction anywhere on the database server holds the feed back until it ends; it never makes it skip.
 *
 * <p>On SQLite one writer commits in position order and every event's transaction id is 0: the same query reads
 * in position order, and everything committed is final.
 */
public final class EventFeed {
    static final String COLUMNS = """
            tx_id, position, type, created_at, actor_type, actor_id, reason, aggregate_type, aggregate_id,
            aggregate_version, payload""";

    private final Dialect dialect;

    public EventFeed(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Up to {@code limit} events after {@code after}, oldest first. */
    public List<LoggedEvent> after(Handle h, String organizationId, FeedPosition after, EventFilter filter, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM events WHERE org_id = :org");
        if (dialect == Dialect.POSTGRES) {
            sql.append(" AND (tx_id, position) > (:tx, :position)");
            sql.append(" AND tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint");
        } else {
            // Every tx_id is 0 here. Said as a row value, SQLite read all of the organization's events and sorted
            // them for every page (no index has tx_id); by position alone it ranges over events_by_org.
            sql.append(" AND position > :position");
        }
        filter.exactType().ifPresent(t -> sql.append(" AND type = :type"));
        filter.typePrefix().ifPresent(p -> sql.append(" AND substr(type, 1, :prefixLength) = :prefix"));
        filter.objectId().ifPresent(id -> sql.append(" AND aggregate_id = :objectId"));
        sql.append(dialect == Dialect.POSTGRES ? " ORDER BY tx_id, position" : " ORDER BY position");
        sql.append(" LIMIT :limit");
        Query query = h.createQuery(sql.toString())
                .bind("org", organizationId)
                .bind("position", after.position())
                .bind("limit", limit);
        if (dialect == Dialect.POSTGRES) {
            query.bind("tx", after.txId());
        }
        filter.exactType().ifPresent(t -> query.bind("type", t));
        filter.typePrefix().ifPresent(p -> query.bind("prefix", p).bind("prefixLength", p.length()));
        filter.objectId().ifPresent(id -> query.bind("objectId", id));
        return query.map((rs, ctx) -> event(rs)).list();
    }

    /**
     * Where an event of this organization stands in the feed; empty for an unknown id or another organization's.
     * The id says where; the feed's own index confirms that this organization has an event there.
     */
    public Optional<FeedPosition> positionOf(Handle h, String organizationId, String eventId) {
        return FeedPosition.ofEventId(eventId).filter(at -> h.createQuery(
                        "SELECT 1 FROM events WHERE org_id = :org AND tx_id = :tx AND position = :position")
                .bind("org", organizationId)
                .bind("tx", at.txId())
                .bind("position", at.position())
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
    }

    static LoggedEvent event(ResultSet rs) throws SQLException {
        FeedPosition at = new FeedPosition(rs.getLong("tx_id"), rs.getLong("position"));
        return new LoggedEvent(
                at,
                rs.getString("type"),
                Times.instant(rs, "created_at"),
                new Actor(Actor.Type.fromWire(rs.getString("actor_type")), rs.getString("actor_id")),
                rs.getString("reason"),
                rs.getString("aggregate_type"),
                rs.getString("aggregate_id"),
                rs.getLong("aggregate_version"),
                rs.getString("payload"));
    }
}
