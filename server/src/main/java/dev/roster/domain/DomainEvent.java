package dev.roster.domain;

import java.time.Instant;

/**
 * A state change as the event log keeps it. {@code aggregateVersion} is the aggregate's version after the change;
 * {@code data} is the object after it, as JSON text.
 */
public record DomainEvent(
        String organizationId,
        String aggregateType,
        String aggregateId,
        long aggregateVersion,
        String type,
        Actor actor,
        String reason,
        String data,
        Instant createdAt) {
}
