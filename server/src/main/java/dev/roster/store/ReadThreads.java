package dev.roster.store;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * SQLite reads on a few platform threads, one per reader connection, taken from one queue in arrival order.
 *
 * <p>Why not on the caller's virtual thread behind a fair semaphore, as before: a virtual thread that releases a
 * permit wakes the next waiter on its own carrier's local queue, which the ForkJoin scheduler serves before the
 * queue where new requests arrive from the event loops. Under load the permits circulated among the waiters while
 * newly arrived requests sat unstarted for seconds (measured on list pages at 64 connections: p99 4.3–4.9 s, all of
 * it before the handler started; with these threads 130–140 ms, and more pages per second). A platform thread
 * waking the waiting caller submits it from outside the scheduler, behind everyone already queued.
 */
final class ReadThreads implements AutoCloseable {
    private final Jdbi reader;
    private final ThreadPoolExecutor threads;
    private final Set<Thread> own = ConcurrentHashMap.newKeySet();

    ReadThreads(Jdbi reader, int count, String name) {
        this.reader = reader;
        ThreadFactory platform = Thread.ofPlatform().name(name + "-", 0).daemon(true).factory();
        ThreadFactory recorded = task -> {
            Thread t = platform.newThread(task);
            own.add(t);
            return t;
        };
        this.threads = new ThreadPoolExecutor(count, count, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), recorded);
    }

    /** Runs {@code work} on a reader connection and returns what it returned, or throws what it threw. */
    <T> T run(HandleCallback<T, RuntimeException> work) {
        if (own.contains(Thread.currentThread())) {
            return reader.withHandle(work); // a read inside a read: waiting for another thread could deadlock
        }
        Future<T> result = threads.submit(() -> reader.withHandle(work));
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true; // a read is quick and harmless: finish waiting, keep the interrupt
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException("the read failed: " + cause.getMessage(), cause);
    }

    /** Reads already queued still run; the connections close after this returns. */
    @Override
    public void close() {
        threads.shutdown();
        try {
            threads.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
