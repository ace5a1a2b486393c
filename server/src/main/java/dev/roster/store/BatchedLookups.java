package dev.roster.store;

import dev.roster.concurrent.PlatformThreads;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * Answers concurrent lookups by key with one query per batch: while one batch's query runs, the lookups that arrive
 * queue up and go out together in the next, so a lone lookup waits for nobody and a busy server sends one round trip
 * for many. On PostgreSQL a round trip costs the server's backend and the driver more than finding one row does.
 *
 * <p>Each lookup still reads what was committed before it arrived: its batch's query starts after it was queued.
 */
public final class BatchedLookups<K, V> implements AutoCloseable {
    /** Bounds one query's key list. */
    static final int MAX_BATCH = 128;

    /** Finds the rows for a list of distinct keys, on a connection it neither opens nor closes. */
    @FunctionalInterface
    public interface Query<K, V> {
        Map<K, V> find(Connection connection, List<K> keys) throws SQLException;
    }

    private record Lookup<K, V>(K key, CompletableFuture<Optional<V>> found, Executor answerOn) {
    }

    private final DataSource connections;
    private final Query<K, V> query;
    private final BooleanSupplier answering;
    /**
     * Lock-free, where a blocking queue took a lock for every lookup: the lane needs waking only when it waits,
     * which {@link #waiting} tells.
     */
    private final Queue<Lookup<K, V>> queue = new ConcurrentLinkedQueue<>();
    private volatile boolean waiting;
    private final Thread lane;
    private final AtomicLong queries = new AtomicLong();
    private volatile boolean closed;

    /**
     * Each batch's query runs on a connection from {@code connections}; while {@code answering} says the database
     * does not answer, lookups are refused as UNAVAILABLE without queueing.
     */
    BatchedLookups(String name, DataSource connections, Query<K, V> query, BooleanSupplier answering) {
        this.connections = connections;
        this.query = query;
        this.answering = answering;
        this.lane = Thread.ofPlatform().name(name).daemon(true).unstarted(this::loop);
        this.lane.start();
    }

    /**
     * The row for {@code key}, once the batch it joined was read; empty when there is none. Completed on the lane
     * itself, for a caller that only waits for the answer: what it chains on the future would hold up the next batch.
     */
    public CompletableFuture<Optional<V>> find(K key) {
        return find(key, Runnable::run);
    }

    /**
     * {@link #find}, completed on {@code answerOn}: a caller that goes on where it came from (an event loop) saves
     * the hop through another thread.
     */
    public CompletableFuture<Optional<V>> find(K key, Executor answerOn) {
        if (!answering.getAsBoolean()) {
            return DatabaseUnavailable.failed();
        }
        Lookup<K, V> lookup = new Lookup<>(key, new CompletableFuture<>(), answerOn);
        if (closed) {
            return refused();
        }
        enqueue(lookup);
        if (closed && queue.remove(lookup)) {
            return refused(); // close() came between the check and the add, and the lane did not take it
        }
        return lookup.found();
    }

    /** Queries sent so far: fewer than lookups when they were batched. */
    long queries() {
        return queries.get();
    }

    private void enqueue(Lookup<K, V> lookup) {
        queue.add(lookup);
        // Read after the add: the lane either sees the lookup before it parks, or has said it waits and is woken.
        if (waiting) {
            LockSupport.unpark(lane);
        }
    }

    private void loop() {
        List<Lookup<K, V>> batch = new ArrayList<>(MAX_BATCH);
        boolean stopping = false;
        while (true) {
            Lookup<K, V> first = stopping ? queue.poll() : take();
            if (first == null) {
                return; // stopping, and every lookup queued before close() was answered
            }
            batch.add(first);
            for (Lookup<K, V> next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
                batch.add(next);
            }
            stopping |= batch.removeIf(l -> l.found() == null);
            if (!batch.isEmpty()) {
                answer(batch);
            }
            batch.clear();
        }
    }

    /** The next lookup, waiting for one; only close() ends the lane, by queueing the stop after the others. */
    private Lookup<K, V> take() {
        while (true) {
            Lookup<K, V> next = queue.poll();
            if (next != null) {
                return next;
            }
            waiting = true;
            if (queue.isEmpty()) {
                LockSupport.park(this);
            }
            waiting = false;
        }
    }

    private void answer(List<Lookup<K, V>> batch) {
        List<K> keys = batch.stream().map(Lookup::key).distinct().toList();
        try {
            queries.incrementAndGet();
            Map<K, V> rows = rows(keys);
            for (Lookup<K, V> lookup : batch) {
                Optional<V> row = Optional.ofNullable(rows.get(lookup.key()));
                lookup.answerOn().execute(() -> lookup.found().complete(row));
            }
        } catch (RuntimeException | Error e) {
            for (Lookup<K, V> lookup : batch) {
                lookup.answerOn().execute(() -> lookup.found().completeExceptionally(e));
            }
        }
    }

    private Map<K, V> rows(List<K> keys) {
        try (Connection connection = connections.getConnection()) {
            return query.find(connection, keys);
        } catch (SQLException e) {
            throw DatabaseUnavailable.is(e) ? DatabaseUnavailable.error() : new IllegalStateException(e);
        }
    }

    /** Answers what is queued, then stops; later lookups are refused. */
    @Override
    public void close() {
        closed = true;
        enqueue(new Lookup<>(null, null, null));
        PlatformThreads.joinUninterruptibly(lane);
    }

    private static <V> CompletableFuture<Optional<V>> refused() {
        return CompletableFuture.failedFuture(new IllegalStateException("the database is closed"));
    }
}
