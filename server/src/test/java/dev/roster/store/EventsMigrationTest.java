package dev.roster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.testing.EmbeddedPostgresServer;
import dev.roster.testing.Engine;
import dev.roster.testing.EventLogChecks;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Migration V5 on a log that already holds events: SQLite builds the table again, PostgreSQL drops a constraint, and
 * on both every event keeps its position and new ones come after the last.
 */
class EventsMigrationTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyEventKeepsItsPositionAndNewOnesFollowTheLast(Engine engine) {
        try (Database db = open(engine)) {
            db.migrate(MigrationVersion.fromVersion("4"));
            db.write(h -> {
                append(h, "cus_a", 1, "express_customer.created");
                append(h, "cus_b", 1, "express_customer.created");
                append(h, "cus_a", 2, "express_customer.deactivated");
                return null;
            });
            List<String> before = log(db);

            db.migrate(MigrationVersion.fromVersion("5"));

            assertThat(log(db)).isEqualTo(before).hasSize(3);
            long next = db.write(h -> append(h, "cus_b", 2, "express_customer.deactivated"));
            assertThat(next).isGreaterThan(maxPosition(before));
            // What V5 removes: the log itself no longer refuses a second event for one aggregate version. The test
            // servers' check at stop is what catches one now.
            db.write(h -> append(h, "cus_b", 2, "express_customer.deactivated"));
            assertThatThrownBy(() -> EventLogChecks.assertOneEventPerAggregateVersion(db))
                    .hasMessageContaining("express_customer cus_b v2");
        }
    }

    /** PostgreSQL's V7 puts the rule back into the schema: a second event for one aggregate version is refused. */
    @org.junit.jupiter.api.Test
    void postgresRefusesASecondEventForOneAggregateVersion() {
        try (Database db = open(Engine.POSTGRES)) {
            db.migrate();
            db.write(h -> append(h, "cus_c", 1, "express_customer.created"));

            assertThatThrownBy(() -> db.write(h -> append(h, "cus_c", 1, "express_customer.created")))
                    .hasMessageContaining("events_one_per_aggregate_version");
            assertThat(log(db)).hasSize(1);
        }
    }

    /**
     * PostgreSQL's V12: the index behind that rule leads with the aggregate's id, which the events list's objectId
     * filter names (before, that filter read the organization's whole log), and the index no query here read is gone.
     */
    @org.junit.jupiter.api.Test
    void postgresIndexesTheLogForItsQueriesOnly() {
        try (Database db = open(Engine.POSTGRES)) {
            db.migrate();
            String index = db.read(h -> h.createQuery("SELECT indexdef FROM pg_indexes"
                    + " WHERE indexname = 'events_one_per_aggregate_version'").mapTo(String.class).one());
            assertThat(index).contains("(aggregate_id, aggregate_type, aggregate_version)");
            List<String> indexes = db.read(h -> h.createQuery("SELECT indexname FROM pg_indexes"
                    + " WHERE tablename = 'events' ORDER BY indexname").mapTo(String.class).list());
            assertThat(indexes).as("the log's indexes, each read by a query")
                    .containsExactly("events_feed", "events_one_per_aggregate_version", "events_pkey");
        }
    }

    private Database open(Engine engine) {
        return engine == Engine.POSTGRES
                ? Database.postgres(EmbeddedPostgresServer.newDatabase(), 2)
                : Database.sqlite(dir);
    }

    /** Appends one event and returns its position. */
    private static long append(Handle h, String aggregateId, long version, String type) {
        h.createUpdate("""
                        INSERT INTO events (org_id, aggregate_type, aggregate_id, aggregate_version, type, actor_type,
                                            actor_id, reason, payload, created_at)
                        VALUES ('org_1', 'express_customer', :id, :version, :type, 'api_key', 'key_1', NULL, '{}', 0)""")
                .bind("id", aggregateId)
                .bind("version", version)
                .bind("type", type)
                .execute();
        return h.createQuery("SELECT MAX(position) FROM events").mapTo(Long.class).one();
    }

    private static List<String> log(Database db) {
        return db.read(h -> h.createQuery("""
                        SELECT position || ' ' || aggregate_id || ' ' || aggregate_version || ' ' || type
                        FROM events ORDER BY position""")
                .mapTo(String.class)
                .list());
    }

    private static long maxPosition(List<String> log) {
        return log.stream().mapToLong(line -> Long.parseLong(line.substring(0, line.indexOf(' ')))).max().orElseThrow();
    }
}
