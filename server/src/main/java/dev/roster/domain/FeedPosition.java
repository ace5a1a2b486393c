package dev.roster.domain;

/**
 * A place in the events feed: the event at (txId, position) and everything before it has been read. The feed's
 * order is by the writing transaction first, then by position within it (see the events store).
 */
public record FeedPosition(long txId, long position) {
    public static final FeedPosition START = new FeedPosition(0, 0);
}
