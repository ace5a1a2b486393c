package dev.roster.store;

import dev.roster.domain.DomainEvent;
import org.jdbi.v3.core.Handle;

/** Appends to the event log inside the caller's transaction, so an event exists exactly when its change does. */
public final class EventLog {
    public void append(Handle h, DomainEvent e) {
        h.createUpdate("""
                        INSERT INTO events (org_id, aggregate_type, aggregate_id, aggregate_version, type,
                                            actor_type, actor_id, reason, payload, created_at)
                        VALUES (:org, :aggregateType, :aggregateId, :version, :type, :actorType, :actorId, :reason,
                                :payload, :createdAt)""")
                .bind("org", e.organizationId())
                .bind("aggregateType", e.aggregateType())
                .bind("aggregateId", e.aggregateId())
                .bind("version", e.aggregateVersion())
                .bind("type", e.type())
                .bind("actorType", e.actor().type().wire())
                .bind("actorId", e.actor().id())
                .bind("reason", e.reason())
                .bind("payload", JsonColumns.write(e.payload()))
                .bind("createdAt", Times.millis(e.createdAt()))
                .execute();
    }
}
