package dev.roster.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

class WalCheckpointerTest {
    private static final int ROWS = 48_000;
    private static final int ROW_BYTES = 2_000;
    private static final int RESTART_FRAMES = 256;

    @TempDir
    Path dir;

    private SQLiteDataSource source;
    private HikariDataSource writerPool;
    private GroupCommitWriter writer;
    private WalCheckpointer checkpointer;

    @BeforeEach
    void open() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // The log's bookkeeping is the same without flushes, and the test writes its ~96 MB in a few seconds.
        config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + dir.resolve("test.db"));
        Jdbi jdbi = Jdbi.create(source);
        jdbi.useHandle(h -> h.execute("PRAGMA wal_autocheckpoint=0"));
        jdbi.useHandle(h -> h.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB NOT NULL)"));
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(source);
        pool.setMaximumPoolSize(1);
        pool.setConnectionInitSql("PRAGMA wal_autocheckpoint=0"); // as in Database: only the checkpointer copies
        writerPool = new HikariDataSource(pool);
        writer = new GroupCommitWriter(Jdbi.create(writerPool), "test-writer",
                GroupCommitWriter.Savepoints.ALWAYS);
        checkpointer = new WalCheckpointer(source, writer, RESTART_FRAMES, Duration.ofMillis(20));
    }

    @AfterEach
    void close() {
        checkpointer.close();
        writer.close();
        writerPool.close();
    }

    @Test
    void underWritesThatNeverPauseTheLogStartsOverInsteadOfGrowing() throws Exception {
        writeWithoutPause(0, ROWS);

        // What the checkpointer and SQLite did, not how long the file happened to be at one moment of the race: the
        // log's length when sampled depends on how the checkpoint thread was scheduled on a loaded machine.
        assertThat(checkpointer.writerCheckpoints()).as("checkpoints the writer finished").isPositive();
        assertThat(logStartOvers()).as("times the log started over from its first frame while writes went on")
                .isPositive();
        assertThat(rows()).as("rows written").isEqualTo(ROWS);
    }

    @Test
    void aReaderThatStillNeedsOldPagesHoldsTheLogUntilItEnds() throws Exception {
        try (Connection reader = source.getConnection()) {
            reader.setAutoCommit(false);
            try (Statement s = reader.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM t")) {
                r.next(); // the read transaction now sees the empty table, whatever comes after
            }
            writeWithoutPause(0, 2_000);
            waitFor(() -> checkpointer.logFrames() >= RESTART_FRAMES, "a pass found the log long");
            Thread.sleep(100); // five more passes
            assertThat(checkpointer.writerCheckpoints()).as("writer checkpoints while the reader is open").isZero();
            reader.commit();
        }
        // Passes run after a commit: the next write brings the one that hands the checkpoint to the writer, and the
        // write after that starts the log over.
        writeWithoutPause(2_000, 1);
        waitFor(() -> checkpointer.writerCheckpoints() > 0, "the writer finished a checkpoint once the reader ended");
        writeWithoutPause(2_001, 1);
        waitFor(() -> checkpointer.logFrames() < RESTART_FRAMES, "the log started over");
        assertThat(rows()).isEqualTo(2_002);
    }

    @Test
    void aPassReportsTheLogItFoundAndCopiedBack() throws Exception {
        writer.run(h -> h.execute("INSERT INTO t (id, v) VALUES (1, randomblob(100000))"));
        waitFor(() -> checkpointer.logFrames() > 0, "a pass ran after the write");
        try (var connection = source.getConnection()) {
            WalCheckpointer.Result again = WalCheckpointer.passive(connection);
            assertThat(again.busy()).isFalse();
            assertThat(again.logFrames()).as("the 100 kB row's pages and more")
                    .isEqualTo(checkpointer.logFrames()).isGreaterThan(24);
            assertThat(again.copiedFrames()).as("all copied back already").isEqualTo(again.logFrames());
        }
        assertThat(checkpointer.writerCheckpoints()).as("a short log is left to the side thread").isZero();
    }
    /**
     * Inserts rows {@code from} to {@code from + count - 1} with up to 64 of them queued at every moment, so that the
     * writer never waits for work and a checkpoint on the side never finds every frame copied.
     */
    private void writeWithoutPause(int from, int count) throws Exception {
        Semaphore inFlight = new Semaphore(64);
        List<CompletableFuture<Integer>> written = new ArrayList<>(count);
        for (int id = from; id < from + count; id++) {
            inFlight.acquire();
            int row = id;
            CompletableFuture<Integer> unit = writer.submit(h ->
                    h.execute("INSERT INTO t (id, v) VALUES (?, randomblob(?))", row, ROW_BYTES));
            unit.whenComplete((rows, failure) -> inFlight.release());
            written.add(unit);
        }
        for (CompletableFuture<Integer> unit : written) {
            assertThat(unit.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    /**
     * SQLite counts in the log's header (bytes 12-15, big-endian) how many times the connection that writes it started
     * the log over; the writer is the only connection that writes after the table was created.
     */
    private long logStartOvers() throws IOException {
        byte[] header = new byte[16];
        try (InputStream in = Files.newInputStream(dir.resolve("test.db-wal"))) {
            assertThat(in.readNBytes(header, 0, header.length)).as("the log's header").isEqualTo(header.length);
        }
        return ByteBuffer.wrap(header, 12, 4).getInt() & 0xffff_ffffL;
    }

    private int rows() {
        return Jdbi.create(source).withHandle(h -> h.createQuery("SELECT count(*) FROM t").mapTo(Integer.class).one());
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
