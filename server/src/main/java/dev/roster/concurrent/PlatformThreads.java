package dev.roster.concurrent;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A fixed number of platform threads taking work from one queue in arrival order, for work that holds a scarce
 * resource for a while (a database connection, a core for a password hash) and is called from virtual threads.
 *
 * <p>Why not run it on the caller's virtual thread behind a fair semaphore: a virtual thread that releases a permit
 * wakes the next waiter on its own carrier's local queue, which the ForkJoin scheduler serves before the queue where
 * new requests and finished writes arrive. Under load the permits circulated among the waiters while everything
 * else waited for seconds (measured: SQLite list pages p99 4.3-4.9 s at 64 connections, all of it before the
 * handler started; password sessions fell to 0.1/s at 64 connections with nothing answered). A platform thread
 * waking the waiting caller submits it from outside the scheduler, behind everyone already queued, and work that
 * keeps a core busy leaves the carriers free.
 */
public final class PlatformThreads implements AutoCloseable {
    private final ThreadPoolExecutor threads;
    private final Set<Thread> own = ConcurrentHashMap.newKeySet();

    public PlatformThreads(int count, String name) {
        ThreadFactory platform = Thread.ofPlatform().name(name + "-", 0).daemon(true).factory();
        ThreadFactory recorded = task -> {
            Thread t = platform.newThread(task);
            own.add(t);
            return t;
        };
        this.threads = new ThreadPoolExecutor(count, count, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                recorded);
    }

    /** Runs {@code work} on one of the threads and returns what it returned, or throws what it threw. */
    public <T> T call(Callable<T> work) {
        if (own.contains(Thread.currentThread())) {
            return callHere(work); // called from the work itself: waiting for another thread could deadlock
        }
        return awaitUninterruptibly(threads.submit(work));
    }

    /** Queues {@code work} without waiting: the future completes on one of the threads with its result or failure. */
    public <T> CompletableFuture<T> submit(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, threads);
    }

    /** Waits until {@code thread} ended, even if interrupted meanwhile; the interrupt is kept for the caller. */
    public static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The result of {@code result}, or what its work threw, unwrapped. An interrupt does not end the wait, since the
     * work may still complete (or has effects), and a caller told "failed" would retry or report it wrongly; the
     * interrupt is kept for later.
     */
    public static <T> T awaitUninterruptibly(Future<T> result) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
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

    private static <T> T callHere(Callable<T> work) {
        try {
            return work.call();
        } catch (Exception e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause.getMessage(), cause);
    }

    /** Work already queued still runs. */
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
