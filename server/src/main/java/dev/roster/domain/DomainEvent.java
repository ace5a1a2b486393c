package dev.roster.domain;

import java.time.Instant;
import java.util.Map;

/** A state change as the event log keeps it. {@code aggregateVersion} is the aggregate's version after the change. */
public record DomainEvent(
        String organizationId,
        String aggregateType,
        String aggregateId,
        long aggregateVersion,
        String type,
        Actor actor,
        String reason,
        Map<String, Object> payload,
        Instant createdAt) {
}
