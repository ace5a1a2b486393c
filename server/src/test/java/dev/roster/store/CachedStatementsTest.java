package dev.roster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite statements kept across uses: what a cached statement must never do is carry state from one use to the
 * next (a bound value, a half-read result holding an old snapshot, a failed execution).
 */
class CachedStatementsTest {
    private static final String READ = "SELECT v FROM t WHERE id = :id";

    @TempDir
    Path dir;

    private CachedStatements statements;
    private Jdbi jdbi;
    private Handle writer;
    private Handle reader;
    /** What the set-up left cached on the writer's connection (the PRAGMA and the CREATE TABLE). */
    private int cachedBySetUp;

    @BeforeEach
    void open() {
        String url = "jdbc:sqlite:" + dir.resolve("t.db");
        statements = new CachedStatements();
        jdbi = Jdbi.create(url).setStatementBuilderFactory(statements);
        writer = jdbi.open();
        writer.execute("PRAGMA journal_mode=WAL");
        writer.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
        reader = jdbi.open();
        cachedBySetUp = statements.cachedStatements();
    }

    @AfterEach
    void close() {
        reader.close();
        writer.close();
    }

    @Test
    void aStatementIsPreparedOnceAndReused() {
        insert(1, "a");
        insert(2, "b");
        long compiledBefore = statements.compiled();
        for (int i = 0; i < 100; i++) {
            assertThat(read(reader, 1 + i % 2)).contains(i % 2 == 0 ? "a" : "b");
            insert(3 + i, "c");
        }
        // the SELECT compiled once on the reader's connection; the INSERT was already cached on the writer's
        assertThat(statements.compiled() - compiledBefore).isEqualTo(1);
        assertThat(statements.cachedStatements()).isEqualTo(cachedBySetUp + 2);
    }

    @Test
    void aHalfReadResultDoesNotKeepTheReaderOnAnOldSnapshot() {
        insert(1, "old");
        insert(2, "other");
        // Reads one row of two and stops: the statement must be reset before it goes back to the cache.
        String first = reader.createQuery("SELECT v FROM t ORDER BY id").mapTo(String.class).first();
        assertThat(first).isEqualTo("old");

        writer.createUpdate("UPDATE t SET v = :v WHERE id = :id").bind("v", "new").bind("id", 1).execute();

        assertThat(reader.createQuery("SELECT v FROM t ORDER BY id").mapTo(String.class).list())
                .containsExactly("new", "other");
        assertThat(read(reader, 1)).contains("new");
    }

    @Test
    void aStatementThatFailedCanBeUsedAgain() {
        insert(1, "a");
        assertThatThrownBy(() -> insert(1, "duplicate")).isInstanceOf(UnableToExecuteStatementException.class);
        insert(2, "b");
        assertThat(reader.createQuery("SELECT v FROM t ORDER BY id").mapTo(String.class).list()).containsExactly("a", "b");
    }

    @Test
    void theSameSqlNestedInsideItsOwnUseGetsAStatementOfItsOwn() {
        insert(1, "a");
        insert(2, "b");
        List<String> pairs = reader.createQuery("SELECT id FROM t ORDER BY id").mapTo(Integer.class)
                .map(id -> id + "=" + read(reader, id).orElseThrow()).list();
        assertThat(pairs).containsExactly("1=a", "2=b");
    }

    @Test
    void eachConnectionKeepsABoundedNumberOfStatements() {
        insert(1, "a");
        for (int i = 0; i < CachedStatements.PER_CONNECTION * 3; i++) {
            assertThat(reader.createQuery("SELECT v FROM t WHERE id = :id AND " + i + " = " + i)
                    .bind("id", 1).mapTo(String.class).one()).isEqualTo("a");
        }
        assertThat(statements.cachedStatements()).isEqualTo(cachedBySetUp + 1 + CachedStatements.PER_CONNECTION);
    }

    @Test
    void aClosedConnectionLeavesNothingBehind() {
        insert(1, "a");
        read(reader, 1);
        reader.close();
        assertThat(statements.cachedStatements()).isEqualTo(cachedBySetUp + 1); // the writer's INSERT
        reader = jdbi.open();
        assertThat(read(reader, 1)).contains("a");
    }

    @Test
    void aStatementRunDirectlySharesTheCacheAndGoesBackReset() {
        insert(1, "a");
        insert(2, "b");
        read(reader, 1);
        long compiledBefore = statements.compiled();

        // Reads one row of two, as a RETURNING update does, and leaves its parameter bound.
        String direct = firstDirectly(reader, "SELECT v FROM t WHERE id >= ? ORDER BY id", 1);
        String again = firstDirectly(reader, READ.replace(":id", "?"), 2);

        assertThat(direct).isEqualTo("a");
        assertThat(again).isEqualTo("b");
        assertThat(read(reader, 1)).contains("a"); // Jdbi's use of the statement the direct one returned
        writer.createUpdate("UPDATE t SET v = 'new' WHERE id = 1").execute(); // no snapshot left open on the reader
        assertThat(read(reader, 1)).contains("new");
        assertThat(statements.compiled() - compiledBefore).isEqualTo(2); // the ORDER BY, and the UPDATE
    }

    /** The first value {@code sql} gives for {@code parameter}, run without Jdbi; the rest is left unread. */
    private static String firstDirectly(Handle h, String sql, int parameter) {
        return DirectStatements.run(h, sql, query -> {
            query.setInt(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    private void insert(int id, String v) {
        writer.createUpdate("INSERT INTO t (id, v) VALUES (:id, :v)").bind("id", id).bind("v", v).execute();
    }

    private static Optional<String> read(Handle h, int id) {
        return h.createQuery(READ).bind("id", id).mapTo(String.class).findOne();
    }
}
