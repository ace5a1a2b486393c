package dev.roster.store;

import dev.roster.domain.DomainEvent;
import org.jdbi.v3.core.Handle;

/**
 * Appends to the event log inside the caller's transaction, so an event exists exactly when its change does. In the
 * PostgreSQL writer's batches the row is inserted just before the COMMIT (see {@link PendingInserts}).
 */
public final class EventLog {
    private static final String INSERT = """
            INSERT INTO events (org_id, aggregate_type, aggregate_id, aggregate_version, type, actor_type, actor_id,
                                reason, payload, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Plain JDBC (see {@link DirectStatements}): every change writes one, lifecycle writes included. */
    public void append(Handle h, DomainEvent e) {
        PendingInserts.insert(h, INSERT, insert -> {
            insert.setString(1, e.organizationId());
            insert.setString(2, e.aggregateType());
            insert.setString(3, e.aggregateId());
            insert.setLong(4, e.aggregateVersion());
            insert.setString(5, e.type());
            insert.setString(6, e.actor().type().wire());
            insert.setString(7, e.actor().id());
            insert.setString(8, e.reason());
            insert.setString(9, e.data());
            insert.setLong(10, Times.millis(e.createdAt()));
        });
    }
}
