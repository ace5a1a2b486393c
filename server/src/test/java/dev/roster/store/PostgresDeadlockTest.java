package dev.roster.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Engine;
import dev.roster.testing.Storage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * Two replicas whose batches lock the same rows in opposite order: PostgreSQL ends the deadlock by failing one
 * transaction (40P01). That batch runs again (with a savepoint per unit, and {@link Database} retries a unit that
 * fails again), so in the end both writes are applied, each exactly once.
 */
class PostgresDeadlockTest {
    @Test
    void aDeadlockBetweenTwoReplicasBatchesEndsWithBothWritesAppliedOnce() throws Exception {
        Storage storage = Storage.fresh(Engine.POSTGRES);
        try (Database first = Database.open(storage.databaseUrl(), storage.dataDir());
             Database second = Database.open(storage.databaseUrl(), storage.dataDir())) {
            first.write(h -> h.execute("CREATE TABLE counters (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)"));
            first.write(h -> h.execute("INSERT INTO counters VALUES (1, 0), (2, 0)"));
            CountDownLatch bothHoldTheirFirstRow = new CountDownLatch(2);
            AtomicInteger runs = new AtomicInteger();

            CompletableFuture<Integer> oneThenTwo = CompletableFuture.supplyAsync(
                    () -> first.write(h -> crosswise(h, 1, 2, bothHoldTheirFirstRow, runs)));
            CompletableFuture<Integer> twoThenOne = CompletableFuture.supplyAsync(
                    () -> second.write(h -> crosswise(h, 2, 1, bothHoldTheirFirstRow, runs)));

            assertThat(oneThenTwo.get(30, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(twoThenOne.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(runs.get()).as("the deadlocked unit ran again").isGreaterThanOrEqualTo(3);
            List<Integer> counts = first.read(h -> h.createQuery("SELECT n FROM counters ORDER BY id")
                    .mapTo(Integer.class).list());
            assertThat(counts).as("each write counted once in each row").containsExactly(2, 2);
        }
    }

    /** Increments row {@code a}, waits (first runs only) until the other write holds its row, then row {@code b}. */
    private static int crosswise(Handle h, int a, int b, CountDownLatch both, AtomicInteger runs) {
        runs.incrementAndGet();
        h.execute("UPDATE counters SET n = n + 1 WHERE id = ?", a);
        both.countDown();
        try {
            both.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        h.execute("UPDATE counters SET n = n + 1 WHERE id = ?", b);
        return b;
    }
}
