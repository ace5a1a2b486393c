package dev.roster.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Inserts that may wait for the end of their transaction, so that a batch of writes sends them together. On
 * PostgreSQL every statement is a round trip to the database, and half of a lifecycle write's were its event: the
 * group-commit writer has its batch's events inserted together just before the COMMIT, one JDBC batch for all of
 * them (bench/README.md). Anywhere else, and until a writer asks for it, an insert runs at once.
 *
 * <p>Only for rows that nothing reads back or refers to in the transaction that writes them: a unit does not see
 * the rows it deferred, and the other units of its batch do not either. The event log is such a table; the one
 * read of it inside a write, the feed's head a new webhook endpoint starts after, misses the events of the units
 * before it in the batch, so the endpoint receives them too, as it would a write committed on another replica at
 * the same moment.
 *
 * <p>Kept in the handle's own configuration, which Jdbi makes for each handle and drops with it, so what one
 * transaction deferred can never reach another; a handle is used by one thread at a time.
 */
public final class PendingInserts implements JdbiConfig<PendingInserts> {
    /** Binds one row's values to an insert's parameters. */
    @FunctionalInterface
    interface Row {
        void bind(PreparedStatement insert) throws SQLException;
    }

    /** The deferred rows by statement, in the order each statement was first used; null while inserting at once. */
    private Map<String, List<Row>> deferred;

    /** For Jdbi, which makes one for each handle that asks. */
    public PendingInserts() {
    }

    @Override
    public PendingInserts createCopy() {
        return new PendingInserts(); // nothing deferred carries over to another handle or statement
    }

    static PendingInserts of(Handle h) {
        return h.getConfig(PendingInserts.class);
    }

    /** Inserts {@code row} with {@code sql}: now, or when the transaction's writer calls {@link #insertDeferred}. */
    static void insert(Handle h, String sql, Row row) {
        Map<String, List<Row>> deferred = of(h).deferred;
        if (deferred != null) {
            deferred.computeIfAbsent(sql, s -> new ArrayList<>()).add(row);
            return;
        }
        DirectStatements.run(h, sql, insert -> {
            row.bind(insert);
            return insert.executeUpdate();
        });
    }

    /** From now on this handle's inserts wait for {@link #insertDeferred}. */
    void defer() {
        if (deferred == null) {
            deferred = new LinkedHashMap<>();
        }
    }

    /** Makes the inserts deferred so far, one JDBC batch for each statement, and inserts at once from then on. */
    void insertDeferred(Handle h) {
        Map<String, List<Row>> rows = deferred;
        deferred = null;
        if (rows == null) {
            return;
        }
        rows.forEach((sql, batch) -> DirectStatements.run(h, sql, insert -> {
            for (Row row : batch) {
                row.bind(insert);
                insert.addBatch();
            }
            return insert.executeBatch();
        }));
    }
}
