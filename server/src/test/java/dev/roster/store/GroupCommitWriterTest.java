package dev.roster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.roster.testing.Latches;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GroupCommitWriterTest {
    @TempDir
    Path dir;

    private Jdbi jdbi;
    private GroupCommitWriter writer;
    private final ExecutorService callers = Executors.newFixedThreadPool(12);
    /** Held by a unit to keep the writer busy; released at the latest when a test ends, so close() never hangs. */
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void open() {
        jdbi = Jdbi.create("jdbc:sqlite:" + dir.resolve("test.db"));
        jdbi.useHandle(h -> h.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)"));
        writer = new GroupCommitWriter(jdbi, "test-writer", GroupCommitWriter.Savepoints.ALWAYS);
    }

    @AfterEach
    void close() {
        release.countDown();
        callers.shutdownNow();
        writer.close();
    }

    /** ON_FAILURE is PostgreSQL's mode; its batch runs on PostgreSQL in DatabaseWriteTest and the replica tests. */
    @ParameterizedTest
    @EnumSource(GroupCommitWriter.Savepoints.class)
    void aFailingUnitRollsBackAloneWhileTheRestOfItsBatchCommits(GroupCommitWriter.Savepoints savepoints)
            throws Exception {
        replaceWriter(savepoints);
        AtomicInteger runs = new AtomicInteger();
        // The first unit holds the writer, so the next ten queue up and are written as one batch.
        Future<Integer> blocker = holdWriterThenInsert(0);
        List<Future<Integer>> results = queueTen(runs, (h, n) -> {
            insert(h, n);
            if (n == 5) {
                insert(h, 0); // the blocker's row: a statement fails inside the shared transaction
            }
            if (n == 7) {
                throw new IllegalStateException("unit 7 refuses");
            }
            return n * 10;
        });
        release.countDown();

        assertThat(blocker.get(10, TimeUnit.SECONDS)).isZero();
        for (int i = 1; i <= 10; i++) {
            Future<Integer> result = results.get(i - 1);
            if (i == 5) {
                assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(UnableToExecuteStatementException.class);
            } else if (i == 7) {
                assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(IllegalStateException.class).hasMessage("unit 7 refuses");
            } else {
                assertThat(result.get(10, TimeUnit.SECONDS)).as("result of unit %d", i).isEqualTo(i * 10);
            }
        }
        assertThat(ids()).containsExactly(0, 1, 2, 3, 4, 6, 8, 9, 10);
        assertThat(writer.commits()).as("the blocker's batch and one batch for the ten").isEqualTo(2);
        // Without savepoints the batch stops at unit 5, rolls back, and runs again with one savepoint per unit.
        assertThat(runs.get()).isEqualTo(savepoints == GroupCommitWriter.Savepoints.ALWAYS ? 10 : 15);
    }

    @Test
    void withoutFailuresABatchRunsEachUnitOnceInOneCommit() throws Exception {
        replaceWriter(GroupCommitWriter.Savepoints.ON_FAILURE);
        AtomicInteger runs = new AtomicInteger();
        Future<Integer> blocker = holdWriterThenInsert(0);
        List<Future<Integer>> results = queueTen(runs, (h, n) -> {
            insert(h, n);
            return n;
        });
        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);
        for (Future<Integer> result : results) {
            result.get(10, TimeUnit.SECONDS);
        }
        assertThat(runs.get()).isEqualTo(10);
        assertThat(ids()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(writer.commits()).isEqualTo(2);
    }

    @Test
    void aBareBatchMakesItsDeferredInsertsBeforeItsCommitAndARefusedOneFailsItsUnitAlone() throws Exception {
        replaceWriter(GroupCommitWriter.Savepoints.ON_FAILURE);
        AtomicInteger runs = new AtomicInteger();
        List<List<Integer>> seenByUnits = new CopyOnWriteArrayList<>();
        Future<Integer> blocker = holdWriterThenInsert(0);
        List<Future<Integer>> results = queueTen(runs, (h, n) -> {
            // Unit 4 defers the blocker's id: refused by the primary key only when the batch's inserts are made.
            deferInsert(h, n == 4 ? 0 : n);
            seenByUnits.add(idsIn(h));
            return n;
        });
        release.countDown();

        blocker.get(10, TimeUnit.SECONDS);
        assertThat(failureOfUnitWhileOthersReturnTheirNumber(results, 4))
                .isInstanceOf(UnableToExecuteStatementException.class);
        assertThat(ids()).containsExactly(0, 1, 2, 3, 5, 6, 7, 8, 9, 10);
        assertThat(runs.get()).as("the bare batch, then again with a savepoint per unit").isEqualTo(20);
        // In the bare run no unit saw a deferred row; with savepoints each row was inserted at once.
        assertThat(seenByUnits.subList(0, 10)).allSatisfy(seen -> assertThat(seen).containsExactly(0));
        assertThat(seenByUnits.get(10)).containsExactly(0, 1);
        assertThat(seenByUnits.getLast()).containsExactly(0, 1, 2, 3, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void rowsDeferredByABareRunThatRolledBackAreInsertedAtOnceInTheRunWithSavepoints() throws Exception {
        replaceWriter(GroupCommitWriter.Savepoints.ON_FAILURE);
        AtomicInteger runs = new AtomicInteger();
        Future<Integer> blocker = holdWriterThenInsert(0);
        List<Future<Integer>> results = queueTen(runs, (h, n) -> {
            deferInsert(h, n);
            if (n == 5) {
                throw new IllegalStateException("unit 5 refuses after deferring its row");
            }
            return n;
        });
        release.countDown();

        blocker.get(10, TimeUnit.SECONDS);
        assertThat(failureOfUnitWhileOthersReturnTheirNumber(results, 5))
                .isInstanceOf(IllegalStateException.class).hasMessage("unit 5 refuses after deferring its row");
        // The bare run stopped at unit 5 with five rows deferred; the run with savepoints is on another handle,
        // which inserts at once, so nothing deferred then is lost or made twice.
        assertThat(runs.get()).isEqualTo(15);
        assertThat(ids()).containsExactly(0, 1, 2, 3, 4, 6, 7, 8, 9, 10);
    }

    @Test
    void aUnitThatBreaksTheConnectionDoesNotFailTheRestOfItsBatch() throws Exception {
        replaceWriter(GroupCommitWriter.Savepoints.ON_FAILURE);
        AtomicInteger runs = new AtomicInteger();
        AtomicBoolean broken = new AtomicBoolean();
        Future<Integer> blocker = holdWriterThenInsert(0);
        List<Future<Integer>> results = queueTen(runs, (h, n) -> {
            if (n == 5 && broken.compareAndSet(false, true)) {
                // As when the database goes away mid-batch: the statement fails, and so will the rollback.
                closeQuietly(h.getConnection());
                throw new IllegalStateException("the connection is gone");
            }
            insert(h, n);
            return n;
        });
        release.countDown();

        blocker.get(10, TimeUnit.SECONDS);
        for (int i = 1; i <= 10; i++) {
            assertThat(results.get(i - 1).get(10, TimeUnit.SECONDS)).as("unit %d, run again on a new connection", i)
                    .isEqualTo(i);
        }
        assertThat(ids()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(runs.get()).as("five units before the broken connection, then the batch again").isEqualTo(15);
    }

    @Test
    void aUnitCannotStartAnotherWrite() {
        assertThatThrownBy(() -> writer.run(h -> writer.run(inner -> 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("may not start another write");
        Integer next = writer.run(h -> 2);
        assertThat(next).as("the writer goes on after the refused unit").isEqualTo(2);
    }

    @Test
    void closingWritesWhatWasQueuedAndRefusesWhatComesAfter() throws Exception {
        Future<Integer> first = holdWriterThenInsert(1);
        Future<Integer> queued = insertFromACaller(2);
        waitUntilQueued(1);
        Future<?> closing = callers.submit(writer::close);
        release.countDown();
        closing.get(10, TimeUnit.SECONDS);

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(ids()).containsExactly(1, 2);
        assertThatThrownBy(() -> writer.run(h -> 3)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the database is closed");
    }

    @Test
    void workBetweenBatchesRunsAfterTheBatchItWasQueuedWithOutsideAnyTransaction() throws Exception {
        Future<Integer> blocker = holdWriterThenInsert(1);
        Future<Integer> write = insertFromACaller(2);
        waitUntilQueued(1);
        CompletableFuture<List<Object>> seen = writer.betweenBatches(h -> List.of(h.isInTransaction(),
                h.createQuery("SELECT count(*) FROM t").mapTo(Integer.class).one()));
        CompletableFuture<Integer> failing = writer.betweenBatches(h -> {
            throw new IllegalStateException("housekeeping refuses");
        });
        waitUntilQueued(3);
        release.countDown();

        assertThat(seen.get(10, TimeUnit.SECONDS)).as("in a transaction, and the rows it sees")
                .containsExactly(false, 2);
        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOf(IllegalStateException.class).hasMessage("housekeeping refuses");
        assertThat(blocker.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(writer.commits()).as("housekeeping is no batch of its own").isEqualTo(2);
        assertThat(insertFromACaller(3).get(10, TimeUnit.SECONDS)).as("the writer goes on after failed housekeeping")
                .isEqualTo(3);
        assertThat(ids()).containsExactly(1, 2, 3);
    }

    /** A writer in the given mode instead of the default one, on the same database. */
    private void replaceWriter(GroupCommitWriter.Savepoints savepoints) {
        writer.close();
        writer = new GroupCommitWriter(jdbi, "test-writer", savepoints);
    }

    /**
     * Units 1 to 10 from callers' threads, queued in that order behind a held writer so that they form one batch:
     * each is queued before the next is submitted, as the run counts depend on where the failing units stand.
     */
    private List<Future<Integer>> queueTen(AtomicInteger runs, BiFunction<Handle, Integer, Integer> unit)
            throws InterruptedException {
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            int n = i;
            results.add(callers.submit(() -> writer.run(h -> {
                runs.incrementAndGet();
                return unit.apply(h, n);
            })));
            waitUntilQueued(n);
        }
        return results;
    }

    /** Submits a unit that keeps the writer busy until {@link #release}, then inserts {@code id} and returns it. */
    private Future<Integer> holdWriterThenInsert(int id) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        Future<Integer> result = callers.submit(() -> writer.run(h -> {
            running.countDown();
            Latches.awaitQuietly(release);
            insert(h, id);
            return id;
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).as("the writer runs the holding unit").isTrue();
        return result;
    }

    /** Inserts {@code id} through the writer from a caller's thread; the future gives {@code id} back. */
    private Future<Integer> insertFromACaller(int id) {
        return callers.submit(() -> writer.run(h -> {
            insert(h, id);
            return id;
        }));
    }

    private static void closeQuietly(java.sql.Connection connection) {
        try {
            connection.close();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asserts that every unit of {@link #queueTen} but {@code failing} returned its own number, and returns what
     * {@code failing} failed with.
     */
    private static Throwable failureOfUnitWhileOthersReturnTheirNumber(List<Future<Integer>> results, int failing)
            throws Exception {
        Throwable failure = null;
        for (int i = 1; i <= results.size(); i++) {
            Future<Integer> result = results.get(i - 1);
            if (i == failing) {
                Throwable thrown = catchThrowable(() -> result.get(10, TimeUnit.SECONDS));
                assertThat(thrown).as("unit %d", i).isInstanceOf(ExecutionException.class);
                failure = thrown.getCause();
            } else {
                assertThat(result.get(10, TimeUnit.SECONDS)).as("result of unit %d", i).isEqualTo(i);
            }
        }
        return failure;
    }

    /** Inserts {@code id} through {@link PendingInserts}: at the end of the batch in a bare run, else at once. */
    private static void deferInsert(Handle h, int id) {
        PendingInserts.insert(h, "INSERT INTO t (id, v) VALUES (?, ?)", insert -> {
            insert.setInt(1, id);
            insert.setString(2, "deferred " + id);
        });
    }

    private static void insert(Handle h, int id) {
        h.execute("INSERT INTO t (id, v) VALUES (?, ?)", id, "unit " + id);
    }

    private List<Integer> ids() {
        return jdbi.withHandle(GroupCommitWriterTest::idsIn);
    }

    private static List<Integer> idsIn(Handle h) {
        return h.createQuery("SELECT id FROM t ORDER BY id").mapTo(Integer.class).list();
    }

    private void waitUntilQueued(int units) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (writer.queued() < units) {
            assertThat(System.nanoTime()).as("%d units queued in time", units).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
