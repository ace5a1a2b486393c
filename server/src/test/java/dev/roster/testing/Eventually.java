package dev.roster.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

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
        until(condition::getAsBoolean, done -> done, LIMIT, what);
    }

    /**
     * Asks until the answer satisfies {@code done} and returns that answer; fails with {@code what} and the last
     * answer if none does within {@code limit}.
     */
    public static <T> T until(Supplier<T> ask, Predicate<T> done, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = ask.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not true after " + limit.toMillis() + " ms: " + what + "; last: " + last);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
            last = ask.get();
        }
        return last;
    }
}
