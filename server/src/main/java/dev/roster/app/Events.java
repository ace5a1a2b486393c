package dev.roster.app;

import dev.roster.domain.Actor;
import dev.roster.domain.DomainEvent;
import java.time.Instant;

/** Builds events for one change so each use case names only what differs. */
record Events(String organizationId, String aggregateType, String aggregateId, Actor actor, String reason, Instant at) {
    DomainEvent event(String type, long version, String data) {
        return new DomainEvent(organizationId, aggregateType, aggregateId, version, type, actor, reason, data, at);
    }
}
