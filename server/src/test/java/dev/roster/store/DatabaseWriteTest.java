package dev.roster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Database#write} and {@link Database#writeAsync} on SQLite, through the group-commit writer: the contract
 * callers rely on, and the checkpoints that run beside it.
 */
class DatabaseWriteTest {
    @TempDir
    Path dir;

    private Database db;

    @BeforeEach
    void open() {
        db = Database.sqlite(dir);
        db.migrate();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aConcurrentUpdateRunsTheUnitAgainFromTheStart() {
        AtomicInteger attempts = new AtomicInteger();
        String result = db.write(h -> {
            insertOrganization(h, "org_a");
            if (attempts.incrementAndGet() < 3) {
                throw new ConcurrentUpdateException("organization org_a");
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
        assertThat(organizations()).containsExactly("org_a"); // the failed attempts left nothing behind
    }

    @Test
    void aConcurrentUpdateThatNeverSettlesReachesTheCallerAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> db.write(h -> {
            attempts.incrementAndGet();
            throw new ConcurrentUpdateException("organization org_b");
        })).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(attempts.get()).isGreaterThan(1);
    }

    @Test
    void concurrentWritersEachGetTheirOwnResultAndEveryRowIsThere() throws Exception {
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                String id = "org_" + i;
                results.add(callers.submit(() -> db.write(h -> {
                    insertOrganization(h, id);
                    return id;
                })));
            }
        }
        for (int i = 0; i < 200; i++) {
            assertThat(results.get(i).get()).isEqualTo("org_" + i);
        }
        assertThat(organizations()).hasSize(200);
    }

    @Test
    void anAsyncWriteCompletesOnceDurableAndRetriesAConcurrentUpdate() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<String> result = db.writeAsync(h -> {
            insertOrganization(h, "org_async");
            if (attempts.incrementAndGet() < 3) {
                throw new ConcurrentUpdateException("organization org_async");
            }
            return "done";
        });
        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(attempts).hasValue(3);
        assertThat(organizations()).containsExactly("org_async");
    }

    @Test
    void anAsyncWriteThatFailsLeavesNothingAndHandsOverTheFailure() {
        CompletableFuture<String> result = db.writeAsync(h -> {
            insertOrganization(h, "org_failed");
            throw new IllegalArgumentException("refused");
        });
        assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(organizations()).isEmpty();
    }

    @Test
    void writesShareCommitsAndTheCountsSaySo() throws Exception {
        Database.CommitCounts before = db.groupCommitCounts();
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String id = "org_" + i;
            results.add(db.writeAsync(h -> {
                insertOrganization(h, id);
                return id;
            }));
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        Database.CommitCounts after = db.groupCommitCounts();
        assertThat(after.writes() - before.writes()).isEqualTo(300);
        // queued faster than one COMMIT each can be flushed: batches carried several writes
        assertThat(after.commits() - before.commits()).isBetween(1L, 299L);
    }

    @Test
    void theWriteAheadLogIsCopiedIntoTheDatabaseFileWithoutTheWriterDoingIt() throws Exception {
        Path file = dir.resolve("roster.db");
        long sizeBefore = Files.size(file);
        for (int i = 0; i < 50; i++) {
            String id = "org_" + i;
            db.write(h -> h.execute("INSERT INTO organizations (id, name, created_at, version) VALUES (?, ?, 0, 1)",
                    id, "n".repeat(900))); // ~45 kB: new pages the main file can only get from a checkpoint
        }
        // The writer never checkpoints (wal_autocheckpoint=0): only the checkpointer can grow the main file.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.size(file) == sizeBefore && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Files.size(file)).isGreaterThan(sizeBefore);
        int autoCheckpoint = db.write(h -> h.createQuery("PRAGMA wal_autocheckpoint").mapTo(Integer.class).one());
        assertThat(autoCheckpoint).isZero();
    }

    private static void insertOrganization(Handle h, String id) {
        h.execute("INSERT INTO organizations (id, name, created_at, version) VALUES (?, ?, 0, 1)", id, id);
    }

    private List<String> organizations() {
        return db.read(h -> h.createQuery("SELECT id FROM organizations ORDER BY id").mapTo(String.class).list());
    }
}
