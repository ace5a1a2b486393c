package dev.roster.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL's health check: one connection of its own, outside the pool, so that a pool busy with requests never
 * reads as an outage, and a database that went away is noticed within the timeout instead of the pool's wait.
 */
final class ConnectionProbe implements AutoCloseable {
    static final int TIMEOUT_SECONDS = 1;
    /** A failed check that took this long waited for an answer; a broken connection fails at once. */
    private static final long SILENT_NANOS = TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS) / 2;

    private final String jdbcUrl;
    private Connection connection;
    private boolean closed;

    ConnectionProbe(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * True when the database answers now. A connection that broke (the server restarted, say) is replaced at once; one
     * that went silent for the whole timeout is reported at once and replaced on the next call, so that a database
     * that hangs shows as one within the timeout rather than after a connection attempt's as well.
     */
    synchronized boolean answers() {
        if (closed) {
            return false; // the database was closed here: it answers nobody through this server any more
        }
        try {
            if (connection != null) {
                long asked = System.nanoTime();
                if (connection.isValid(TIMEOUT_SECONDS)) {
                    return true;
                }
                closeConnection();
                if (System.nanoTime() - asked >= SILENT_NANOS) {
                    return false;
                }
            }
            Properties properties = new Properties();
            // A setting in the URL wins over these (the driver reads the URL last).
            properties.setProperty("connectTimeout", Integer.toString(TIMEOUT_SECONDS));
            properties.setProperty("socketTimeout", Integer.toString(TIMEOUT_SECONDS * 2));
            properties.setProperty("ApplicationName", "roster-health");
            connection = DriverManager.getConnection(jdbcUrl, properties);
            return connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException e) {
            closeConnection();
            return false;
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken: nothing is left to release
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeConnection();
    }
}
