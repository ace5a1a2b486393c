package dev.roster.domain;

import java.util.Optional;

/**
 * Which events a feed read returns: a type given exactly ({@code user.locked}) or as a prefix ending in {@code .*}
 * ({@code express_customer.*}), and the object an event is about.
 */
public record EventFilter(Optional<String> type, Optional<String> objectId) {
    public static final EventFilter ALL = new EventFilter(Optional.empty(), Optional.empty());

    /** The type's prefix (the dot included) when the filter names a family of types. */
    public Optional<String> typePrefix() {
        return type.filter(t -> t.endsWith(".*")).map(t -> t.substring(0, t.length() - 1));
    }

    /** The type when the filter names exactly one. */
    public Optional<String> exactType() {
        return type.filter(t -> !t.endsWith(".*"));
    }
}
