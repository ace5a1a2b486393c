package dev.roster.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.CoreStatement;

/**
 * Keeps SQLite's prepared statements across uses of a pooled connection. Compiling a statement and reading its
 * column names cost as much as running it on the short queries Roster makes, and neither sqlite-jdbc nor the pool
 * keeps them (PostgreSQL's driver does, so this is for SQLite only).
 *
 * <p>Statements are prepared on the physical connection behind the pool's proxy, so the pool does not close them
 * when the connection goes back to it; they live as long as that connection, which for SQLite's fixed-size pools
 * is the life of the server. Each connection keeps its most recently used statements, a bounded number, since
 * filters build SQL text from the fields a request sets.
 *
 * <p>A statement goes back to its cache reset and with its parameters cleared, so it holds no read snapshot and no
 * value between uses; while in use it is out of the cache, so a nested use of the same SQL prepares its own.
 *
 * <p>Jdbi hands {@code create} the SQL it parsed (named parameters turned into {@code ?}) but {@code close} the SQL
 * as written, so a statement goes back under the key it was taken with, remembered while it is in use.
 */
final class CachedStatements implements StatementBuilderFactory {
    static final int PER_CONNECTION = 64;
    /**
     * Longer SQL is compiled for each use and not kept: it comes from search filters with long lists of values,
     * which seldom repeat, and keeping 64 of them per connection would hold megabytes of text and compiled code.
     */
    static final int MAX_CACHED_SQL_LENGTH = 4_096;

    private final Map<SQLiteConnection, Lru> byConnection = new ConcurrentHashMap<>();
    private final LongAdder compiled = new LongAdder();

    @Override
    public StatementBuilder createStatementBuilder(Connection connection) {
        return new Builder();
    }

    /** Statements cached for connections that are still open; a closed connection's entry is dropped here. */
    int cachedStatements() {
        byConnection.keySet().removeIf(CachedStatements::isClosed);
        return byConnection.values().stream().mapToInt(Map::size).sum();
    }

    /** How many statements were compiled: a use served from the cache compiles none. */
    long compiled() {
        return compiled.sum();
    }

    private static boolean isClosed(SQLiteConnection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /**
     * One per Jdbi handle, so used by one thread at a time. {@link DirectStatements} takes statements from it too, so
     * that the statements it runs without Jdbi share the same cache.
     */
    final class Builder extends DefaultStatementBuilder {
        /** The statements this handle took out of a cache, with the key each goes back under. */
        private final Map<PreparedStatement, String> inUse = new IdentityHashMap<>();

        @Override
        public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
            if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable() || sql.length() > MAX_CACHED_SQL_LENGTH) {
                return super.create(conn, sql, ctx);
            }
            return take(conn, sql);
        }

        /** A statement for {@code sql} on {@code conn}, from the cache or compiled; {@link #close} returns it. */
        PreparedStatement take(Connection conn, String sql) throws SQLException {
            SQLiteConnection physical = conn.unwrap(SQLiteConnection.class);
            Lru cache = byConnection.computeIfAbsent(physical, c -> new Lru());
            PreparedStatement statement = cache.remove(sql); // out while in use: a nested use prepares its own
            if (statement == null || statement.isClosed()) {
                statement = physical.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                compiled.increment();
            }
            inUse.put(statement, sql);
            return statement;
        }

        @Override
        public void close(Connection conn, String writtenSql, Statement stmt) throws SQLException {
            String key = inUse.remove(stmt);
            if (!(stmt instanceof PreparedStatement prepared) || stmt.isClosed()) {
                return;
            }
            SQLiteConnection physical = conn.unwrap(SQLiteConnection.class);
            Lru cache = byConnection.get(physical);
            if (key == null || cache == null || prepared.getConnection() != physical) {
                stmt.close(); // not one of ours (generated keys, updatable, too long to keep): close as Jdbi would
                return;
            }
            // A statement that produced rows nobody read (a PRAGMA run as an update, say) is still "in progress"
            // for SQLite until reset, and would keep a snapshot open and block the connection's next COMMIT.
            ((CoreStatement) prepared).pointer.safeRunInt((db, pointer) -> db.reset(pointer));
            prepared.clearParameters();
            PreparedStatement displaced = cache.put(key, prepared);
            if (displaced != null && displaced != prepared) {
                displaced.close();
            }
        }
    }

    /** One connection's statements by SQL text, least recently used dropped (and closed) first. */
    private static final class Lru extends LinkedHashMap<String, PreparedStatement> {
        Lru() {
            super(16, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= PER_CONNECTION) {
                return false;
            }
            try {
                eldest.getValue().close();
            } catch (SQLException e) {
                // Closing a statement of a connection that still works does not fail; if it did, the connection
                // itself finalizes the statement when it closes.
            }
            return true;
        }
    }
}
