package dev.roster.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps SQLite's write-ahead log bounded without making the writer's COMMITs do the copying.
 *
 * <p>Left to itself SQLite checkpoints in the COMMIT that takes the log past 1,000 pages: that COMMIT then reads and
 * writes a few megabytes and flushes the database file while every write queued behind it waits. The writer
 * connection has automatic checkpoints turned off ({@code wal_autocheckpoint=0}); instead a thread of its own runs
 * a PASSIVE checkpoint, which takes no lock a writer or reader waits for, whenever something was committed since the
 * last one.
 *
 * <p>That alone lets the log grow for as long as writes keep coming. The log starts over from its first frame only
 * when a write transaction begins with every frame already copied back, and under steady load the writer appends
 * new frames while the checkpoint copies the old ones. In the benchmark the file reached up to 1.3 GB within two
 * minutes of writes and started over only when the load paused; writes that never pause would fill the disk. So
 * once a pass finds the log longer than {@code restartFrames}, the writer finishes the checkpoint itself, between
 * two batches ({@link GroupCommitWriter#betweenBatches}). Only the frames committed since this thread's last pass
 * are left to copy, nothing is appended meanwhile, and the next transaction starts the log over on the file's
 * existing blocks.
 */
final class WalCheckpointer implements AutoCloseable {
    static final Duration PERIOD = Duration.ofMillis(200);
    /**
     * 1 GiB of 4 KB pages, PostgreSQL's default {@code max_wal_size}. Each start-over holds the writer up for a flush
     * of the database file (2-24 ms measured on the benchmark machine), and when start-overs come often enough for
     * the writes caught behind them to pass 1 %, that stall becomes the p99. The benchmark's lifecycle writes append
     * 10,000-20,000 frames a second: at 16k frames (64 MB) the log started over every 1-2 s and lifecycle's p99 at
     * 64 connections rose from ~23 to ~33 ms in alternated runs; at 64k frames it started over every ~4 s; at
     * 1 GiB it is every 13 s or more.
     */
    static final int RESTART_FRAMES = 262_144;
    /** A pass that copied no more than this (1 MB) was brief, so it left the writer about as little to copy. */
    private static final int HAND_OVER_FRAMES = 256;
    private static final int MAX_CATCH_UP_PASSES = 4;
    private static final String PASSIVE = "PRAGMA wal_checkpoint(PASSIVE)";
    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);

    private final DataSource source;
    private final GroupCommitWriter writer;
    private final int restartFrames;
    private final Duration period;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r ->
            Thread.ofPlatform().name("roster-sqlite-checkpoint").daemon(true).unstarted(r));
    private final AtomicLong writerCheckpoints = new AtomicLong();
    private volatile long logFrames;
    private Connection connection;
    private long checkpointedAt = -1;

    WalCheckpointer(DataSource source, GroupCommitWriter writer) {
        this(source, writer, RESTART_FRAMES, PERIOD);
    }

    /** {@code writer} is the only one that appends to the log: its commit count tells whether there is work. */
    WalCheckpointer(DataSource source, GroupCommitWriter writer, int restartFrames, Duration period) {
        this.source = source;
        this.writer = writer;
        this.restartFrames = restartFrames;
        this.period = period;
        thread.scheduleWithFixedDelay(this::checkpointIfWritten, period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Frames in the log as the last checkpoint found them (0 before the first). */
    long logFrames() {
        return logFrames;
    }

    /** Checkpoints the writer finished between its batches, each letting the log start over. */
    long writerCheckpoints() {
        return writerCheckpoints.get();
    }

    private void checkpointIfWritten() {
        long now = writer.commits();
        if (now == checkpointedAt) {
            return;
        }
        try {
            if (connection == null) {
                connection = source.getConnection();
            }
            Result pass = passive(connection);
            checkpointedAt = now;
            if (pass.logFrames() >= restartFrames) {
                pass = startLogOver(pass);
            }
            logFrames = pass.logFrames();
        } catch (SQLException | RuntimeException e) {
            // The log only grows until the next try; SQLite's own checkpoint at close still runs.
            log.warn("checkpointing the SQLite write-ahead log failed; trying again in {} ms", period.toMillis(),
                    e instanceof CompletionException c && c.getCause() != null ? c.getCause() : e);
            closeConnection();
        }
    }

    /**
     * A pass leaves what was committed while it ran; the passes that follow at once have less and less to copy. When
     * one copied little, the writer finishes: a few frames and a flush of the database file, which is all its next
     * batch waits for (handing over after the first pass left the writer up to 25 ms of copying and flushing).
     */
    private Result startLogOver(Result first) throws SQLException {
        Result last = first;
        for (int i = 0; i < MAX_CATCH_UP_PASSES; i++) {
            Result next = passive(connection);
            long copied = next.copiedFrames() - last.copiedFrames();
            last = next;
            if (copied <= HAND_OVER_FRAMES) {
                break;
            }
        }
        if (!last.copiedAll()) {
            return last; // a reader still needs old frames: the writer could not finish either; the next pass tries
        }
        Result finished = writer.betweenBatches(h ->
                DirectStatements.run(h, PASSIVE, statement -> read(statement.executeQuery()))).join();
        writerCheckpoints.incrementAndGet();
        return finished;
    }

    /**
     * What {@code PRAGMA wal_checkpoint} reports: whether another connection's checkpoint kept this one from running,
     * the frames in the log, and how many of them are now copied back.
     */
    record Result(boolean busy, long logFrames, long copiedFrames) {
        /** A PASSIVE checkpoint copies only what no reader may still need: less than all means one held it back. */
        boolean copiedAll() {
            return !busy && copiedFrames == logFrames;
        }
    }

    static Result passive(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            return read(s.executeQuery(PASSIVE));
        }
    }

    private static Result read(ResultSet row) throws SQLException {
        try (row) {
            row.next();
            return new Result(row.getInt(1) != 0, row.getLong(2), row.getLong(3));
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing the checkpoint connection", e);
            }
            connection = null;
        }
    }
}
