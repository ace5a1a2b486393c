package dev.roster.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waiting on a latch from code that may not throw checked exceptions, such as a unit of work or a lookup. */
public final class Latches {
    private Latches() {
    }

    /**
     * Waits until {@code latch} opens, at most 30 s so that a test that forgot to open it ends rather than hangs;
     * an interrupt ends the wait with the thread's interrupt flag set again.
     */
    public static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
