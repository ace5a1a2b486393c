package dev.roster.domain;

import java.time.Instant;
import java.util.Map;

/** An event as the feed reads it back: its public id, its place in the feed, and the change it records. */
public record LoggedEvent(
        String id,
        FeedPosition at,
        String type,
        Instant createdAt,
        Actor actor,
        String reason,
        String objectType,
        String objectId,
        long objectVersion,
        Map<String, Object> data) {
}
