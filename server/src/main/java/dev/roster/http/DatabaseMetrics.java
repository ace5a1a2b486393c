package dev.roster.http;

import dev.roster.store.Database;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** What an operator needs to see of the database's write path at {@code /metrics}. */
final class DatabaseMetrics {
    private DatabaseMetrics() {
    }

    /**
     * Group commit: writes per COMMIT is the batching factor, so a disk near its flush ceiling (or a PostgreSQL
     * short of CPU) shows as a growing ratio rather than as a slower server. The write-ahead log is SQLite's alone.
     */
    static void bind(Database db, MeterRegistry registry) {
        FunctionCounter.builder("roster.database.commits", db, d -> d.groupCommitCounts().commits())
                .description("durable COMMITs made by this server's writer").register(registry);
        FunctionCounter.builder("roster.database.committed.writes", db, d -> d.groupCommitCounts().writes())
                .description("units of work those COMMITs carried").register(registry);
        if (db.logState() == null) {
            return;
        }
        // A log that keeps growing under steady writes means its restarts are being held off (a long read).
        Gauge.builder("roster.sqlite.wal.frames", db, d -> d.logState().frames())
                .description("pages in the write-ahead log at the last checkpoint").register(registry);
        FunctionCounter.builder("roster.sqlite.wal.restarts", db, d -> d.logState().restarts())
                .description("checkpoints the writer finished so that the write-ahead log could start over")
                .register(registry);
    }
}
