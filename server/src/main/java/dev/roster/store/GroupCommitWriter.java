package dev.roster.store;

import dev.roster.concurrent.PlatformThreads;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Group commit: one thread takes every unit of work that is waiting, runs them in a single transaction on one
 * connection and commits once, so one durable COMMIT carries a whole batch. A unit that throws is rolled back alone
 * and its caller gets the exception, while the others commit. A caller's {@link #run} returns only after the COMMIT
 * of its batch returned.
 *
 * <p>How a unit is rolled back alone depends on what a SAVEPOINT costs. On SQLite ({@link Savepoints#ALWAYS}) it is a
 * call into the same process, so every unit runs inside one. On PostgreSQL ({@link Savepoints#ON_FAILURE}) it is two
 * more round trips per unit, which would cost more than the shared COMMIT saves, so a batch first runs without any;
 * if a unit throws, the transaction is rolled back and the whole batch runs again with a savepoint per unit, whose
 * outcome is the one reported. Units must therefore be safe to run again, as they already are for retries. That
 * first run also defers the units' {@link PendingInserts} (their events) to one batch just before the COMMIT, which
 * saves a round trip per event; if that batch fails, the run with savepoints inserts each unit's rows in its own
 * savepoint, so that the unit whose row failed is the one that hears of it.
 *
 * <p>Batches form by themselves: while one commits, the next requests queue up, so a lone request is never
 * delayed to wait for company, and under load a batch grows to what arrived during the previous flush.
 */
final class GroupCommitWriter implements AutoCloseable {
    /** Bounds how long one batch holds the write lock and how much one COMMIT carries. */
    static final int MAX_BATCH = 256;

    /** Put in the queue by close(): what was queued before it is still written, then the writer ends. */
    private static final Unit<?> STOP = new Unit<>(h -> null, false);

    /** When a unit runs inside a savepoint of its own. */
    enum Savepoints {
        /** Every unit: cheap where the database runs in the same process. */
        ALWAYS,
        /** Only when a batch runs again because one of its units threw: a savepoint costs a round trip. */
        ON_FAILURE
    }

    private final Jdbi jdbi;
    private final Savepoints savepoints;
    private final BlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong committedUnits = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();
    private volatile boolean closed;

    GroupCommitWriter(Jdbi jdbi, String name, Savepoints savepoints) {
        this.jdbi = jdbi;
        this.savepoints = savepoints;
        // A platform thread: it spends its life in JDBC and native SQLite calls, which would pin a virtual one.
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::loop);
        this.thread.start();
    }

    /** Runs {@code work} in the next batch and returns its result once that batch is durable. */
    <T> T run(HandleCallback<T, RuntimeException> work) {
        return await(() -> submit(work));
    }

    /**
     * Starts a write (a unit, or a chain of its retries) and waits for its outcome, from any thread but the
     * writer's, where it is refused before anything is queued: a unit waiting for another write would wait for its
     * own batch to end.
     */
    <T> T await(Supplier<CompletableFuture<T>> write) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a unit of work may not start another write; it already runs in one");
        }
        // Once queued, the unit may commit: its caller waits for the outcome even when interrupted.
        return PlatformThreads.awaitUninterruptibly(write.get());
    }

    /**
     * Queues {@code work} for the next batch without waiting: the future completes, on the writer's thread, once
     * that batch is durable (or fails with what the unit threw). Whatever depends on it should move to a thread of
     * its own rather than run on the writer's.
     */
    <T> CompletableFuture<T> submit(HandleCallback<T, RuntimeException> work) {
        return enqueue(new Unit<>(work, false));
    }

    /**
     * Queues {@code work} to run on the writer's connection between two batches, outside any transaction, so that
     * nothing is written while it runs. The future completes on the writer's thread. For housekeeping that must not
     * race a write, such as finishing a WAL checkpoint; a failure goes to the future and touches no write.
     */
    <T> CompletableFuture<T> betweenBatches(HandleCallback<T, RuntimeException> work) {
        return enqueue(new Unit<>(work, true));
    }

    private <T> CompletableFuture<T> enqueue(Unit<T> unit) {
        if (closed) {
            return CompletableFuture.failedFuture(closedException());
        }
        queue.add(unit);
        if (closed && queue.remove(unit)) {
            // close() ran between the check and the add, and the writer has not taken the unit (it may have stopped
            // already): refused, as if it had come after close(). A unit the writer did take is written before
            // close() returns. No wait here, so an event loop that submits never blocks on a closing database.
            unit.failUnlessDone(closedException());
        }
        return unit.done;
    }

    /** How many COMMITs were made; batching shows as fewer commits than writes. */
    long commits() {
        return commits.get();
    }

    /** How many units those COMMITs carried (a unit rolled back to its savepoint counts too: it shared the flush). */
    long committedUnits() {
        return committedUnits.get();
    }

    /** Time spent writing since start, waits for work excluded: how saturated the write path is, read as a rate. */
    long busyNanos() {
        return busyNanos.get();
    }

    /** Units waiting for the writer (not counting the batch being written). */
    int queued() {
        return queue.size();
    }

    private void loop() {
        List<Unit<?>> batch = new ArrayList<>(MAX_BATCH);
        List<Unit<?>> between = new ArrayList<>();
        boolean stopping = false;
        while (true) {
            Unit<?> first = stopping ? queue.poll() : take();
            if (first == null) {
                return; // stopping and nothing left: every unit queued before close() was written
            }
            long began = System.nanoTime();
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            stopping |= batch.remove(STOP);
            for (Unit<?> unit : batch) {
                if (unit.outsideTransaction) {
                    between.add(unit);
                }
            }
            batch.removeAll(between);
            if (!batch.isEmpty()) {
                write(batch);
            }
            for (Unit<?> unit : between) {
                runOutsideTransaction(unit);
            }
            busyNanos.addAndGet(System.nanoTime() - began);
            batch.clear();
            between.clear();
        }
    }

    private Unit<?> take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Nobody but close() should stop the writer, and close() does it with STOP after the queued work.
            }
        }
    }

    /** One transaction for the batch; every unit ends completed or failed, whatever happens. */
    private void write(List<Unit<?>> batch) {
        if (savepoints == Savepoints.ON_FAILURE && writeWithoutSavepoints(batch)) {
            return;
        }
        writeWithSavepoints(batch);
    }

    /**
     * The batch in one transaction with no savepoint: true once every unit has its outcome (the batch committed, or
     * the transaction itself failed), false (rolled back, nothing reported) when a unit threw and the batch must run
     * again with savepoints.
     */
    private boolean writeWithoutSavepoints(List<Unit<?>> batch) {
        boolean unitThrew = false;
        try (Handle h = jdbi.open()) {
            h.begin();
            unitThrew = !runBare(batch, h);
            if (unitThrew) {
                h.rollback();
                return false;
            }
            h.commit();
            committed(batch);
            return true;
        } catch (RuntimeException | Error e) {
            if (unitThrew) {
                // The rollback (or closing the handle) failed after a unit threw: the connection broke, which is
                // likely what the unit met. The run with savepoints starts on another connection and reports each
                // unit's own outcome, so that a lost connection is not reported as this failure to every caller.
                return false;
            }
            // BEGIN or the COMMIT failed: the connection or the transaction is unusable, nothing of the batch is
            // durable.
            for (Unit<?> unit : batch) {
                unit.failUnlessDone(e);
            }
            return true;
        }
    }

    /** Runs every unit, then makes the inserts they deferred: false as soon as a unit, or one of those, failed. */
    private static boolean runBare(List<Unit<?>> batch, Handle h) {
        PendingInserts pending = PendingInserts.of(h);
        pending.defer();
        for (Unit<?> unit : batch) {
            if (!unit.runBare(h)) {
                return false;
            }
        }
        try {
            pending.insertDeferred(h);
            return true;
        } catch (RuntimeException e) {
            return false; // a unit's row was refused; the run with savepoints finds out whose
        }
    }

    private void writeWithSavepoints(List<Unit<?>> batch) {
        try (Handle h = jdbi.open()) {
            h.begin();
            Connection connection = h.getConnection();
            for (Unit<?> unit : batch) {
                unit.runIn(h, connection);
            }
            h.commit();
            committed(batch);
        } catch (RuntimeException | SQLException | Error e) {
            // BEGIN, a savepoint or the COMMIT itself failed: nothing of this batch is durable (SQLite rolls back
            // a transaction whose COMMIT failed, and closing the handle rolls back one still open).
            for (Unit<?> unit : batch) {
                unit.failUnlessDone(e);
            }
        }
    }

    private void committed(List<Unit<?>> batch) {
        commits.incrementAndGet();
        committedUnits.addAndGet(batch.size());
        for (Unit<?> unit : batch) {
            unit.acknowledge();
        }
    }

    private void runOutsideTransaction(Unit<?> unit) {
        try (Handle h = jdbi.open()) {
            unit.runAlone(h);
        } catch (RuntimeException | Error e) {
            unit.failUnlessDone(e); // the handle could not be opened or closed
        }
    }

    /** Stops taking work: units already queued are still written, later ones are refused. */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        PlatformThreads.joinUninterruptibly(thread);
    }

    private static IllegalStateException closedException() {
        return new IllegalStateException("the database is closed");
    }

    /** One caller's work, its outcome, and the future its caller waits on. */
    private static final class Unit<T> {
        private final HandleCallback<T, RuntimeException> work;
        private final boolean outsideTransaction;
        private final CompletableFuture<T> done = new CompletableFuture<>();
        private T result;
        private boolean succeeded;

        Unit(HandleCallback<T, RuntimeException> work, boolean outsideTransaction) {
            this.work = work;
            this.outsideTransaction = outsideTransaction;
        }

        void runAlone(Handle h) {
            try {
                done.complete(work.withHandle(h));
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        }

        /** Runs the unit with nothing to roll back to: false when it threw (what it threw is not reported). */
        boolean runBare(Handle h) {
            try {
                result = work.withHandle(h);
                succeeded = true;
                return true;
            } catch (RuntimeException | Error e) {
                succeeded = false;
                result = null;
                return false;
            }
        }

        void runIn(Handle h, Connection connection) throws SQLException {
            succeeded = false;
            result = null;
            Savepoint savepoint = connection.setSavepoint();
            try {
                result = work.withHandle(h);
                succeeded = true;
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
                if (connection.isClosed()) {
                    // The connection broke under this unit (the pool closes one that failed so): the batch fails with
                    // what the unit met, which says so, rather than with the failed rollback's "connection is closed".
                    throw e;
                }
                // Undo this unit only. If even that fails, the transaction is unusable: the batch fails as a whole.
                connection.rollback(savepoint);
            }
            connection.releaseSavepoint(savepoint);
        }

        void acknowledge() {
            if (succeeded) {
                done.complete(result);
            }
        }

        void failUnlessDone(Throwable e) {
            done.completeExceptionally(e);
        }
    }
}
