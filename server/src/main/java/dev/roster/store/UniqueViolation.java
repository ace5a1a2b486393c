package dev.roster.store;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Recognises a unique-constraint violation on either engine, so a lost race becomes the same answer as a check. */
final class UniqueViolation {
    /** PostgreSQL's SQLSTATE for unique_violation (primary keys included). */
    private static final String POSTGRES_STATE = "23505";

    private UniqueViolation() {
    }

    /**
     * Runs {@code write}; a unique key it hits means that a concurrent writer took it since this unit read it as
     * free, so the unit runs again ({@link ConcurrentUpdateException}) and its check then sees the winner's row.
     */
    static void raceLostAsConcurrentUpdate(String what, Runnable write) {
        try {
            write.run();
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (is(e)) {
                throw new ConcurrentUpdateException(what + " was taken meanwhile");
            }
            throw e;
        }
    }

    static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (POSTGRES_STATE.equals(sql.getSQLState()) || isSqliteUnique(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * sqlite-jdbc's {@code getErrorCode()} is only the primary code, SQLITE_CONSTRAINT for every kind of constraint;
     * the extended code that tells a unique key from a NOT NULL or a foreign key is the exception's result code.
     */
    private static boolean isSqliteUnique(SQLException e) {
        return e instanceof SQLiteException sqlite
                && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                        || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
    }
}
