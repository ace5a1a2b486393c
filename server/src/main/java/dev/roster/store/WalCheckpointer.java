package dev.roster.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log back into the database file on a thread of its own, so that the writer never
 * does it inside a COMMIT. Left to itself SQLite checkpoints in the COMMIT that takes the log past 1,000 pages:
 * that COMMIT then reads and writes a few megabytes and flushes the database file while every write queued behind
 * it waits (the tail of the write latency). The writer connection has automatic checkpoints turned off
 * ({@code wal_autocheckpoint=0}) and this runs a PASSIVE checkpoint, which takes no lock a writer or reader waits
 * for, whenever something was committed since the last one.
 */
final class WalCheckpointer implements AutoCloseable {
    static final Duration PERIOD = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);

    private final DataSource source;
    private final LongSupplier commits;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r ->
            Thread.ofPlatform().name("roster-sqlite-checkpoint").daemon(true).unstarted(r));
    private Connection connection;
    private long checkpointedAt = -1;

    /** {@code commits} counts the writer's COMMITs: an unchanged count means there is nothing to copy. */
    WalCheckpointer(DataSource source, LongSupplier commits) {
        this.source = source;
        this.commits = commits;
        thread.scheduleWithFixedDelay(this::checkpointIfWritten, PERIOD.toMillis(), PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void checkpointIfWritten() {
        long now = commits.getAsLong();
        if (now == checkpointedAt) {
            return;
        }
        try {
            if (connection == null) {
                connection = source.getConnection();
            }
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
            checkpointedAt = now;
        } catch (SQLException e) {
            // The log only grows until the next try; SQLite's own checkpoint at close still runs.
            log.warn("checkpointing the SQLite write-ahead log failed; trying again in {} ms", PERIOD.toMillis(), e);
            closeConnection();
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
