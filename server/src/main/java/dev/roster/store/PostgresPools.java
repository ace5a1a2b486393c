package dev.roster.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/** PostgreSQL's connection pools, and how long each waits for the database before a request hears UNAVAILABLE. */
final class PostgresPools {
    /** How long a request waits for a PostgreSQL connection before it is answered UNAVAILABLE. */
    static final Duration OUTAGE_WAIT = Duration.ofSeconds(2);
    /**
     * How long a reader or the writer waits for PostgreSQL's answer to one statement before giving its connection up.
     * Longer than any request waits, so only a database that stopped answering is cut off: one whose host went away
     * without closing the connection (a failover to another address) would otherwise hold the writer, and every write
     * behind it, until TCP gives up many minutes later.
     */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    /** How long a batched lookup may wait for PostgreSQL's answer: its query finds a few rows by their key. */
    static final Duration LANE_READ_TIMEOUT = Duration.ofSeconds(10);

    private PostgresPools() {
    }

    /** {@code size} connections that give up a statement unanswered for {@code answerTimeout}. */
    static HikariDataSource pool(String name, String jdbcUrl, int size, Duration answerTimeout) {
        return new HikariDataSource(config(name, jdbcUrl, size, answerTimeout));
    }

    /**
     * The lookup lane's connection of its own: the lane is one thread, so it never waits for the pool, and its
     * connection can keep one plan for the lookup. PostgreSQL would otherwise plan the query again for most batches,
     * since a few keys make a custom plan look cheaper than the generic one (bench/README.md, Batched reads on
     * PostgreSQL). Every read of the replica waits behind the lane's, hence its shorter answer timeout.
     */
    static HikariDataSource lane(String name, String jdbcUrl) {
        HikariConfig config = config(name, jdbcUrl, 1, LANE_READ_TIMEOUT);
        config.setConnectionInitSql("SET plan_cache_mode = force_generic_plan");
        return new HikariDataSource(config);
    }

    private static HikariConfig config(String name, String jdbcUrl, int size, Duration answerTimeout) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(size);
        // Every connection starts at READ COMMITTED and stays there: transactions never set a level of their own,
        // since asking the driver for the current one costs a round trip (SHOW TRANSACTION ISOLATION LEVEL) each time.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // An outage answers 503 within OUTAGE_WAIT instead of holding requests for Hikari's default 30 s.
        config.setConnectionTimeout(OUTAGE_WAIT.toMillis());
        config.setValidationTimeout(ConnectionProbe.TIMEOUT_SECONDS * 1000L);
        config.addDataSourceProperty("connectTimeout", Long.toString(OUTAGE_WAIT.toSeconds()));
        // The driver keeps each connection's prepared statements up to 5 MiB of SQL by default; with a reader pool of
        // 16 and search filters that build their SQL from the request, that is more than the server's heap.
        config.addDataSourceProperty("preparedStatementCacheSizeMiB", "1");
        config.addDataSourceProperty("socketTimeout", Long.toString(answerTimeout.toSeconds()));
        return config;
    }
}
