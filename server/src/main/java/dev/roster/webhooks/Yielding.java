package dev.roster.webhooks;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Keeps delivery from taking the write path's time while the write path is saturated. A delivery costs about as much
 * CPU as the write it reports, so on a busy machine delivering at full speed lowers the write rate; instead, while
 * the database writer was busy for most of the time since the last look, the workers pause after each round long
 * enough that together they deliver for at most {@link #SHARE} of the time. Lag grows during such a burst and is
 * worked off once the writer has room again; delivery never stops entirely.
 */
final class Yielding {
    /** The writer's busy share above which the write path counts as saturated. */
    static final double SATURATED = 0.75;
    /** The share of time all workers together may deliver while it is saturated. */
    static final double SHARE = 0.10;
    /** A pause is never longer, so that a worker looks again soon after a burst ends. */
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);
    /** A shorter window says too little: one long batch would read as saturation. */
    private static final long WINDOW_NANOS = Duration.ofMillis(100).toNanos();

    private final LongSupplier writerBusyNanos;
    private final LongSupplier nanoTime;
    private long lastBusy;
    private long lastAt;
    private boolean saturated;

    Yielding(LongSupplier writerBusyNanos, LongSupplier nanoTime) {
        this.writerBusyNanos = writerBusyNanos;
        this.nanoTime = nanoTime;
        this.lastBusy = writerBusyNanos.getAsLong();
        this.lastAt = nanoTime.getAsLong();
    }

    /** Whether the writer was busy for more than {@link #SATURATED} of the last window (kept until the next one). */
    synchronized boolean saturated() {
        long now = nanoTime.getAsLong();
        long elapsed = now - lastAt;
        if (elapsed >= WINDOW_NANOS) {
            long busy = writerBusyNanos.getAsLong();
            saturated = (busy - lastBusy) > SATURATED * elapsed;
            lastBusy = busy;
            lastAt = now;
        }
        return saturated;
    }

    /**
     * How long a worker pauses after a round that took {@code roundNanos}, with {@code workers} delivering at the
     * same time: zero while the write path has room.
     */
    Duration pauseAfter(long roundNanos, int workers) {
        if (!saturated()) {
            return Duration.ZERO;
        }
        double factor = Math.max(1, workers) / SHARE - 1;
        long pause = (long) Math.min(roundNanos * factor, LONGEST_PAUSE.toNanos());
        return Duration.ofNanos(pause);
    }
}
