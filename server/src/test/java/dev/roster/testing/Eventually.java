package dev.roster.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition instead of sleeping a fixed time: a fixed sleep is too short on a loaded machine and wastes
 * time on an idle one.
 */
public final class Eventually {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private Eventually() {
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} if it does not within 20 s. */
    public static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not true after " + LIMIT.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }
}
