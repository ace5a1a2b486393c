package dev.roster.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariDataSource;
import dev.roster.concurrent.PlatformThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.CachingSqlParser;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * The connection pools and the two ways in: {@link #write} runs a unit of work in one transaction (retried when
 * a concurrent writer got there first), {@link #read} runs queries. Writes go to one writer connection driven by a
 * {@link GroupCommitWriter}, so that concurrent writes share one durable COMMIT: on SQLite the only writer there can
 * be ({@code BEGIN IMMEDIATE}, WAL), on PostgreSQL one per replica beside the readers' pool.
 */
public final class Database implements AutoCloseable {
    private static final int MAX_ATTEMPTS = 8;

    /** Durable COMMITs and the writes they carried; on SQLite several writes share one COMMIT (group commit). */
    public record CommitCounts(long commits, long writes) {
    }

    /**
     * SQLite's write-ahead log: its length in frames (pages) at the last checkpoint, and how many times the writer
     * finished a checkpoint so that the log could start over (see {@link WalCheckpointer}).
     */
    public record LogState(long frames, long restarts) {
    }

    private final Dialect dialect;
    private final HikariDataSource writerPool;
    private final HikariDataSource readerPool;
    private final Jdbi writer;
    private final Jdbi reader;
    /**
     * Every write. On PostgreSQL too: a COMMIT there costs a backend about as much CPU as the statements of a
     * lifecycle write together (bench/README.md, PostgreSQL section), and on two cores that CPU is the ceiling.
     * Replicas each batch their own writes; row locks keep the rules across them.
     */
    private final GroupCommitWriter groupCommit;
    /**
     * PostgreSQL: first come, first served in front of the pool. Hikari hands a returned connection to whoever asks
     * first, not to whoever waited longest; with no more permits than connections the pool never has a waiter and
     * the wait happens here, in order.
     */
    private final Semaphore readPermits;
    /**
     * Each organization's permits for {@link #search}, held weakly: a semaphore lives while a search holds or
     * waits for it, so the map stays as small as the set of organizations searching at this moment.
     */
    private final Cache<String, Semaphore> searchShares = Caffeine.newBuilder().weakValues().build();
    private final int searchShare;
    /** SQLite: reads run on platform threads, one per reader connection, in arrival order (see PlatformThreads). */
    private final PlatformThreads readThreads;
    /** PostgreSQL: where {@link #writeAsync} and {@link #readAsync} run their blocking calls. */
    private final ExecutorService postgresCalls;
    /** SQLite: the write-ahead log is copied back off the writer's thread. */
    private final WalCheckpointer checkpointer;
    /**
     * PostgreSQL: how each {@link #batched} lane ends, before the pools close: its thread answers what is queued and
     * stops, then its own connection closes.
     */
    private final List<Runnable> laneShutdowns = new CopyOnWriteArrayList<>();
    /** PostgreSQL: where the lanes' connections go; null on SQLite. */
    private final String postgresUrl;
    /** PostgreSQL: the health check's own connection. */
    private final ConnectionProbe probe;
    /** PostgreSQL: whether the last {@link #ping} found the database answering. */
    private volatile boolean answering = true;

    private Database(Dialect dialect, HikariDataSource writerPool, HikariDataSource readerPool,
                     DataSource checkpointSource, String postgresUrl) {
        this.dialect = dialect;
        this.postgresUrl = postgresUrl;
        this.probe = postgresUrl == null ? null : new ConnectionProbe(postgresUrl);
        this.readPermits = dialect == Dialect.SQLITE ? null : new Semaphore(readerPool.getMaximumPoolSize(), true);
        this.writerPool = writerPool;
        this.searchShare = Math.max(1, readerPool.getMaximumPoolSize() - 1);
        this.readerPool = readerPool;
        this.writer = Jdbi.create(writerPool);
        this.reader = readerPool == writerPool ? writer : Jdbi.create(readerPool);
        BoundedSqlCache.install(writer);
        BoundedSqlCache.install(reader);
        if (dialect == Dialect.SQLITE) {
            CachedStatements statements = new CachedStatements();
            writer.setStatementBuilderFactory(statements);
            reader.setStatementBuilderFactory(statements);
        }
        this.groupCommit = dialect == Dialect.SQLITE
                ? new GroupCommitWriter(writer, "roster-sqlite-writer", GroupCommitWriter.Savepoints.ALWAYS)
                : new GroupCommitWriter(writer, "roster-postgres-writer", GroupCommitWriter.Savepoints.ON_FAILURE);
        this.readThreads = dialect == Dialect.SQLITE
                ? new PlatformThreads(readerPool.getMaximumPoolSize(), "roster-sqlite-reader") : null;
        this.checkpointer = checkpointSource == null ? null : new WalCheckpointer(checkpointSource, groupCommit);
        this.postgresCalls = dialect == Dialect.POSTGRES
                ? Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("roster-pg-", 0).factory()) : null;
    }

    /** The embedded default: {@code roster.db} in the data directory. */
    public static Database sqlite(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
        String url = "jdbc:sqlite:" + dataDir.resolve("roster.db").toAbsolutePath();
        // WalCheckpointer does the checkpoints; the writer's COMMITs no longer stop to do them.
        HikariDataSource writer = SqlitePools.pool("roster-writer", SqlitePools.source(url, false), 1, false,
                "PRAGMA wal_autocheckpoint=0");
        HikariDataSource readers = SqlitePools.pool("roster-readers", SqlitePools.source(url, true), 4, true, null);
        return new Database(Dialect.SQLITE, writer, readers, SqlitePools.source(url, false), null);
    }

    /** {@code poolSize} connections for reads, and one for the writer's batches (migrations open their own). */
    public static Database postgres(String jdbcUrl, int poolSize) {
        return postgres(jdbcUrl, poolSize, PostgresPools.ANSWER_TIMEOUT);
    }

    /** With another {@link PostgresPools#ANSWER_TIMEOUT}: a test's way to see a silent database given up on soon. */
    static Database postgres(String jdbcUrl, int poolSize, java.time.Duration answerTimeout) {
        return new Database(Dialect.POSTGRES, PostgresPools.pool("roster-postgres-writer", jdbcUrl, 1, answerTimeout),
                PostgresPools.pool("roster-postgres", jdbcUrl, poolSize, answerTimeout), null, jdbcUrl);
    }

    public static Database open(String databaseUrl, Path dataDir) {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            return sqlite(dataDir);
        }
        return switch (Dialect.of(databaseUrl)) {
            case POSTGRES -> postgres(databaseUrl, 16);
            case SQLITE -> throw new IllegalArgumentException("use --data-dir for SQLite; --database-url is for PostgreSQL");
        };
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Applies the pending migrations; start-up fails if the schema is newer than this build or was edited. */
    public void migrate() {
        migrate(MigrationVersion.LATEST);
    }

    /** Applies the migrations up to {@code target}: a test's way to start from an older schema. */
    void migrate(MigrationVersion target) {
        // PostgreSQL: on connections of the migration's own, without the pools' answer timeout, as building an index
        // on a large table may take longer; closed when it ends.
        var flyway = postgresUrl == null ? Flyway.configure().dataSource(writerPool)
                : Flyway.configure().dataSource(postgresUrl, null, null);
        flyway
                .locations("classpath:db/migration", dialect.migrationLocation())
                .placeholders(Map.of("identity", dialect.identityColumn(), "withoutRowid", dialect.withoutRowid()))
                .target(target)
                .load()
                .migrate();
    }

    /**
     * Runs {@code work} in one transaction, again from the start if a concurrent writer changed what it read, and
     * returns once the transaction is durable. The transaction is shared with the other writes queued at the same
     * moment (see {@link GroupCommitWriter}); {@code work} must therefore not commit, roll back or start another
     * write itself, it sees what the units before it in the batch wrote (but for the rows they deferred, the events
     * on PostgreSQL: see {@link PendingInserts}), and it may run more than once.
     */
    public <T> T write(HandleCallback<T, RuntimeException> work) {
        return groupCommit.await(() -> writeAsync(work));
    }

    /**
     * {@link #write}, answered through a future instead of a waiting thread: the unit goes straight to the
     * group-commit queue and the future completes on the writer's thread once its batch is durable, so a caller on
     * an event loop needs no thread of its own for the wait; move what follows off the writer's thread (an async
     * stage on the caller's executor).
     */
    public <T> CompletableFuture<T> writeAsync(HandleCallback<T, RuntimeException> work) {
        if (!answering) {
            return DatabaseUnavailable.failed();
        }
        return submitWrite(work, 1);
    }

    /**
     * PostgreSQL: refuses work at once while the last probe found the database silent. A database that hangs without
     * closing its connections would otherwise hold every request behind the ones already waiting on it until the
     * request timed out; this way they are answered UNAVAILABLE within the probe's period and timeout.
     */
    private void requireAnswering() {
        if (!answering) {
            throw DatabaseUnavailable.error();
        }
    }

    /** Again from the start after a concurrent change or a deadlock, as {@link #write}. */
    private <T> CompletableFuture<T> submitWrite(HandleCallback<T, RuntimeException> work, int attempt) {
        return groupCommit.submit(work).exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException c && c.getCause() != null ? c.getCause() : e;
            if (runAgain(cause, attempt)) {
                return CompletableFuture.runAsync(() -> { }, backOffDelay(attempt))
                        .thenCompose(ignored -> submitWrite(work, attempt + 1));
            }
            return CompletableFuture.failedFuture(DatabaseUnavailable.is(cause) ? DatabaseUnavailable.error() : cause);
        });
    }

    /** Whether a write that failed with {@code failure} should run again from the start. */
    private static boolean runAgain(Throwable failure, int attempt) {
        return attempt < MAX_ATTEMPTS && (failure instanceof ConcurrentUpdateException || isTransient(failure));
    }

    public CommitCounts groupCommitCounts() {
        return new CommitCounts(groupCommit.commits(), groupCommit.committedUnits());
    }

    /** Nanoseconds the writer has spent writing since start (never waiting for work); rises at 1e9/s when saturated. */
    public long writerBusyNanos() {
        return groupCommit.busyNanos();
    }

    /** Null on PostgreSQL. */
    public LogState logState() {
        return checkpointer == null ? null : new LogState(checkpointer.logFrames(), checkpointer.writerCheckpoints());
    }

    /**
     * A read whose cost the client chooses (a search with filters): like {@link #read}, but one organization's
     * searches hold at most all reader connections but one, so another organization's request always finds one.
     */
    public <T> T search(String organizationId, HandleCallback<T, RuntimeException> work) {
        Semaphore share = searchShares.get(organizationId, id -> new Semaphore(searchShare, true));
        share.acquireUninterruptibly();
        try {
            return read(work);
        } finally {
            share.release();
        }
    }

    /**
     * PostgreSQL: lookups by key that share one query per batch (see {@link BatchedLookups}), ended with the
     * database; none on SQLite, where a read is a call into the same process and a batch would only add a hop.
     */
    public <K, V> Optional<BatchedLookups<K, V>> batched(String name, BatchedLookups.Query<K, V> query) {
        if (dialect == Dialect.SQLITE) {
            return Optional.empty();
        }
        HikariDataSource lane = PostgresPools.lane(name, postgresUrl);
        BatchedLookups<K, V> lookups = new BatchedLookups<>(name, lane, query, () -> answering);
        laneShutdowns.add(() -> {
            lookups.close();
            lane.close();
        });
        return Optional.of(lookups);
    }

    /** What the readers' SQL parse cache holds: bounded by its statements' size (see {@link BoundedSqlCache}). */
    BoundedSqlCache.Stats parsedSqlCache() {
        return ((CachingSqlParser) reader.getConfig(SqlStatements.class).getSqlParser()).cacheStats();
    }

    public <T> T read(HandleCallback<T, RuntimeException> work) {
        if (readThreads != null) {
            return readThreads.call(() -> reader.withHandle(work));
        }
        requireAnswering();
        readPermits.acquireUninterruptibly();
        try {
            return reader.withHandle(work);
        } catch (org.jdbi.v3.core.JdbiException e) {
            throw DatabaseUnavailable.is(e) ? DatabaseUnavailable.error() : e;
        } finally {
            readPermits.release();
        }
    }

    /**
     * {@link #read}, answered through a future instead of a waiting thread: on SQLite the query is queued for the
     * reader threads straight from the caller (an event loop, say) and the future completes on the reader's thread;
     * on PostgreSQL it runs on a virtual thread of its own.
     */
    public <T> CompletableFuture<T> readAsync(HandleCallback<T, RuntimeException> work) {
        if (readThreads != null) {
            return readThreads.submit(() -> reader.withHandle(work));
        }
        if (!answering) {
            return DatabaseUnavailable.failed();
        }
        return CompletableFuture.supplyAsync(() -> read(work), postgresCalls);
    }

    /**
     * True when the database answers a trivial query; on PostgreSQL within about a second, whatever the load. On
     * PostgreSQL the answer also opens or closes the way in (see {@link #requireAnswering}).
     */
    public boolean ping() {
        if (probe != null) {
            answering = probe.answers();
            return answering;
        }
        try {
            return reader.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // PostgreSQL serialization failure or deadlock: the whole unit of work may simply run again.
                if ("40001".equals(state) || "40P01".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Where the next attempt starts: a little later each time, so that contenders stop meeting. */
    private static Executor backOffDelay(int attempt) {
        return CompletableFuture.delayedExecutor(Math.min(50, 1L << attempt), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        laneShutdowns.forEach(Runnable::run);
        if (checkpointer != null) {
            checkpointer.close(); // first: a pass may hand its last step to the writer; the writer pool's close
                                  // checkpoints whatever is left
        }
        groupCommit.close(); // writes already queued finish before their connection goes away
        if (postgresCalls != null) {
            postgresCalls.close(); // waits for the calls already started
        }
        if (probe != null) {
            probe.close();
        }
        if (readThreads != null) {
            readThreads.close();
        }
        if (readerPool != writerPool) {
            readerPool.close();
        }
        writerPool.close();
    }
}
