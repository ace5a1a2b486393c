package dev.roster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Database#read} on SQLite, through its reader threads ({@link dev.roster.concurrent.PlatformThreads}). */
class DatabaseReadTest {
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
    void whatTheReadThrowsReachesTheCallerUnchanged() {
        IllegalArgumentException thrown = new IllegalArgumentException("not found");
        assertThatThrownBy(() -> db.read(h -> {
            throw thrown;
        })).isSameAs(thrown);
    }

    @Test
    void aReadInsideAReadDoesNotWaitForAnotherThread() {
        int answer = db.read(h -> db.read(inner -> inner.createQuery("SELECT 41 + 1").mapTo(Integer.class).one()));
        assertThat(answer).isEqualTo(42);
    }

    @Test
    void moreReadsThanConnectionsAllFinish() throws Exception {
        int callers = 40;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < callers; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return db.read(h -> h.createQuery("SELECT :n").bind("n", n).mapTo(Integer.class).one());
                }));
            }
            start.countDown();
            for (int i = 0; i < callers; i++) {
                assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
            }
        }
    }

    @Test
    void anInterruptedCallerStillGetsItsAnswerAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            int one = db.read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            assertThat(one).isEqualTo(1);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
