package dev.roster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.domain.Actor;
import dev.roster.domain.DomainEvent;
import dev.roster.testing.Engine;
import dev.roster.testing.Latches;
import dev.roster.testing.Storage;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Statements run on the handle's connection without Jdbi behave as Jdbi's own do, on both engines: inside the
 * caller's transaction (undone with it) and failing with Jdbi's exception. Events are such statements, and on
 * PostgreSQL they wait for the end of their batch ({@link PendingInserts}): a refused one still fails its own write.
 */
class DirectStatementsTest {
    private static final String ORG = "org_direct";

    private Database db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDirectStatementWritesInTheCallersTransaction(Engine engine) {
        open(engine);
        EventLog events = new EventLog();

        db.write(h -> {
            events.append(h, event("cus_kept", 1, "kept", null));
            // SQLite inserts it at once; PostgreSQL's writer with the rest of its batch, just before the COMMIT.
            assertThat(aggregates(h)).isEqualTo(engine == Engine.SQLITE ? List.of("cus_kept") : List.of());
            return null;
        });
        assertThatThrownBy(() -> db.write(h -> {
            events.append(h, event("cus_undone", 1, "undone", "a reason"));
            throw new IllegalStateException("the unit fails after its statement ran");
        })).isInstanceOf(IllegalStateException.class);

        List<Map<String, Object>> rows = db.read(h -> h.createQuery(
                "SELECT aggregate_id, aggregate_version, actor_id, reason, payload FROM events WHERE org_id = :org")
                .bind("org", ORG).mapToMap().list());
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst()).containsEntry("aggregate_id", "cus_kept").containsEntry("actor_id", "kept")
                .containsEntry("reason", null).containsEntry("payload", "{\"n\":1}");
        assertThat(((Number) rows.getFirst().get("aggregate_version")).longValue()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailingDirectStatementFailsAsJdbisWouldAndLeavesNothing(Engine engine) {
        open(engine);
        appendInOneWrite(event("cus_once", 1, "first", null));

        // An event without a type: the log's NOT NULL refuses it, and the event before it in the write goes too.
        DomainEvent untyped = new DomainEvent(ORG, "express_customer", "cus_once", 2, null, Actor.apiKey("again"),
                null, "{\"n\":1}", Instant.parse("2026-12-01T12:00:00Z"));
        assertThatThrownBy(() -> appendInOneWrite(event("cus_other", 1, "other", null), untyped))
                .isInstanceOf(UnableToExecuteStatementException.class).hasCauseInstanceOf(SQLException.class);

        assertThat(db.read(DirectStatementsTest::aggregates)).containsExactly("cus_once");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRefusedEventFailsOnlyItsOwnWriteInASharedBatch(Engine engine) throws Exception {
        open(engine);
        EventLog log = new EventLog();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> blocker = db.writeAsync(h -> {
            running.countDown();
            Latches.awaitQuietly(release);
            return null;
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).as("the writer holds the blocking write").isTrue();
        // Queued behind it, so that they share one batch: the third has no type, which the log's NOT NULL refuses.
        List<CompletableFuture<Object>> writes = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            DomainEvent e = i == 3
                    ? new DomainEvent(ORG, "express_customer", "cus_3", 1, null, Actor.apiKey("k"), null, "{}",
                            Instant.parse("2026-12-01T12:00:00Z"))
                    : event("cus_" + i, 1, "k", null);
            writes.add(db.writeAsync(h -> {
                log.append(h, e);
                return null;
            }));
        }
        long commitsBefore = db.groupCommitCounts().commits();
        release.countDown();

        blocker.get(10, TimeUnit.SECONDS);
        for (int i = 1; i <= 5; i++) {
            CompletableFuture<Object> write = writes.get(i - 1);
            if (i == 3) {
                assertThatThrownBy(() -> write.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(UnableToExecuteStatementException.class);
            } else {
                write.get(10, TimeUnit.SECONDS);
            }
        }
        assertThat(db.read(DirectStatementsTest::aggregates)).containsExactly("cus_1", "cus_2", "cus_4", "cus_5");
        assertThat(db.groupCommitCounts().commits() - commitsBefore).as("the blocker's COMMIT, and one for the five")
                .isEqualTo(2);
    }

    private void open(Engine engine) {
        Storage storage = Storage.fresh(engine);
        db = Database.open(storage.databaseUrl(), storage.dataDir());
        db.migrate();
    }

    private void appendInOneWrite(DomainEvent... events) {
        EventLog log = new EventLog();
        db.write(h -> {
            for (DomainEvent e : events) {
                log.append(h, e);
            }
            return null;
        });
    }

    private static List<String> aggregates(Handle h) {
        return h.createQuery("SELECT aggregate_id FROM events WHERE org_id = :org ORDER BY position")
                .bind("org", ORG).mapTo(String.class).list();
    }

    private static DomainEvent event(String aggregateId, long version, String actorId, String reason) {
        return new DomainEvent(ORG, "express_customer", aggregateId, version, "express_customer.deactivated",
                Actor.apiKey(actorId), reason, "{\"n\":1}", Instant.parse("2026-12-01T12:00:00Z"));
    }
}
