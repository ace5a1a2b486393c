package dev.roster.http;

import dev.roster.store.Database;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/** What an operator needs to see of the embedded database's write path at {@code /metrics}. */
final class DatabaseMetrics {
    private DatabaseMetrics() {
    }

    /**
     * SQLite's group commit: writes per COMMIT is the batching factor, so a disk near its flush ceiling shows as a
     * growing ratio rather than as a slower server. Nothing is registered for PostgreSQL (one COMMIT per write).
     */
    static void bind(Database db, MeterRegistry registry) {
        if (db.groupCommitCounts() == null) {
            return;
        }
        FunctionCounter.builder("roster.sqlite.commits", db, d -> d.groupCommitCounts().commits())
                .description("durable COMMITs made by the SQLite writer").register(registry);
        FunctionCounter.builder("roster.sqlite.committed.writes", db, d -> d.groupCommitCounts().writes())
                .description("units of work those COMMITs carried").register(registry);
    }
}
