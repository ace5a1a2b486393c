package dev.roster.domain;

import java.util.HexFormat;
import java.util.Optional;

/**
 * A place in the events feed: the event at (txId, position) and everything before it has been read. The feed's
 * order is by the writing transaction first, then by position within it (see the events store).
 *
 * <p>An event's public id is its place, written out: {@code evt_}, then txId and position as 16 hex digits each. A
 * client that names an event names where to continue, so no index maps ids to events and writes pay for none.
 */
public record FeedPosition(long txId, long position) {
    public static final FeedPosition START = new FeedPosition(0, 0);
    private static final HexFormat HEX = HexFormat.of();

    public String eventId() {
        return Ids.EVENT.prefix() + HEX.toHexDigits(txId) + HEX.toHexDigits(position);
    }

    /** The place an event id stands for; empty for anything that is not an event id. */
    public static Optional<FeedPosition> ofEventId(String eventId) {
        if (!Ids.EVENT.matches(eventId)) {
            return Optional.empty();
        }
        int digits = Ids.EVENT.prefix().length();
        return Optional.of(new FeedPosition(HexFormat.fromHexDigitsToLong(eventId, digits, digits + 16),
                HexFormat.fromHexDigitsToLong(eventId, digits + 16, digits + 32)));
    }
}
