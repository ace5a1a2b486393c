package dev.roster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.domain.Actor;
import dev.roster.domain.DomainEvent;
import dev.roster.testing.Engine;
import dev.roster.testing.Storage;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Statements run on the handle's connection without Jdbi behave as Jdbi's own do, on both engines: inside the
 * caller's transaction (seen by it, undone with it) and failing with Jdbi's exception.
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
            assertThat(aggregates(h)).containsExactly("cus_kept"); // seen by the rest of the unit
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
