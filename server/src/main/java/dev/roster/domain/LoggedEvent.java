package dev.roster.domain;

import java.time.Instant;

/**
 * An event as the feed reads it back: its place in the feed, which is also its public id, and the change it records.
 * {@code data} is the JSON text the change wrote, passed on as it is so no reader parses and writes it again.
 */
public record LoggedEvent(
        FeedPosition at,
        String type,
        Instant createdAt,
        Actor actor,
        String reason,
        String objectType,
        String objectId,
        long objectVersion,
        String data) {

    /** The public id, {@code evt_…}: the event's place in the feed (see {@link FeedPosition#eventId()}). */
    public String id() {
        return at.eventId();
    }
}
