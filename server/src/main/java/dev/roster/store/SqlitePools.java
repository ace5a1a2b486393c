package dev.roster.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** SQLite's connections: how the file is opened for the writer and for readers, and the fixed pools that hold them. */
final class SqlitePools {
    private SqlitePools() {
    }

    static SQLiteDataSource source(String url, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a commit acknowledged to a client survives power loss, not only a process crash.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        // Roster makes its own ids; fetching the row id after every write was a visible part of the writer thread.
        config.setGetGeneratedKeys(false);
        if (readOnly) {
            config.setReadOnly(true); // the pool must then ask for the same flag (see pool())
            // 512 KiB of page cache each instead of SQLite's 2 MB: the B-tree's upper pages stay, and a leaf read
            // again comes from the operating system's file cache (a pread). Measured (bench/README.md): 6-10 MB
            // less resident for the four readers; get unchanged, list pages 0.11 -> 0.10 of healthz.
            config.setCacheSize(-512);
        } else {
            // 8 MB instead of 2 for the writer (and the checkpointer, which hardly uses it): lifecycle writes touch
            // a leaf of the events index per aggregate, ~1k leaves for the benchmark's 1k customers, and with 2 MB
            // those were read back from the file cache in the middle of a batch (bench/README.md).
            config.setCacheSize(-8192);
            // The log starts over at about WalCheckpointer.RESTART_FRAMES. A file that a burst made half as long
            // again (a long read can hold the log) is cut back when it does, instead of staying that size on disk; a
            // file of the usual length is left alone, so COMMITs write over its blocks without extending it.
            config.setJournalSizeLimit(WalCheckpointer.RESTART_FRAMES * 4096 / 2 * 3);
        }
        // Writers take the lock when the transaction begins, so two writers never deadlock on an upgrade.
        config.setTransactionMode(readOnly ? SQLiteConfig.TransactionMode.DEFERRED : SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        return source;
    }

    static HikariDataSource pool(String name, DataSource source, int size, boolean readOnly, String initSql) {
        HikariConfig config = new HikariConfig();
        config.setConnectionInitSql(initSql);
        config.setReadOnly(readOnly);
        config.setPoolName(name);
        config.setDataSource(source);
        // A fixed set of connections that live as long as the server: an embedded file gains nothing from
        // retiring connections, and each one keeps its prepared statements (CachedStatements).
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setMaxLifetime(0);
        config.setIdleTimeout(0);
        // Connections are opened in the pool's background, not here: start-up goes on building the server while
        // the first ones open (and sqlite-jdbc unpacks and loads its native library). A file that cannot be opened
        // fails the migration that follows at once.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
