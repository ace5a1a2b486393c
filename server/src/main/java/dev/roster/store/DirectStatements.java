package dev.roster.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Runs a statement on a Jdbi handle's connection through plain JDBC, for the few statements on the hottest write
 * path (a lifecycle change and its event). Under lifecycle load, Jdbi's statement objects, argument binding and
 * result mapping were a fifth of each of the two statements' time on the SQLite writer, and half of what the writer
 * allocated per write (bench/README.md). Everything else keeps Jdbi, which reads better.
 *
 * <p>For the callers nothing changes: on SQLite the statement comes from the same {@link CachedStatements} cache
 * Jdbi's statements use (PostgreSQL's driver keeps its own), it runs in the handle's transaction, and a failure is
 * the {@link UnableToExecuteStatementException} Jdbi would have thrown.
 */
final class DirectStatements {
    private DirectStatements() {
    }

    /** What to do with the statement: bind, execute, read. */
    @FunctionalInterface
    interface Work<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    static <T> T run(Handle h, String sql, Work<T> work) {
        Connection connection = h.getConnection();
        try {
            if (h.getStatementBuilder() instanceof CachedStatements.Builder cached) {
                PreparedStatement statement = cached.take(connection, sql);
                try {
                    return work.run(statement);
                } finally {
                    cached.close(connection, sql, statement); // back to the cache, reset and cleared
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return work.run(statement);
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }
}
