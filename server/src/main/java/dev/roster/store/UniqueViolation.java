package dev.roster.store;

import java.sql.SQLException;

/** Recognises a unique-constraint violation on either engine, so a lost race becomes the same answer as a check. */
final class UniqueViolation {
    /** PostgreSQL's SQLSTATE for unique_violation. */
    private static final String POSTGRES_STATE = "23505";
    /** SQLite's extended result code SQLITE_CONSTRAINT_UNIQUE. */
    private static final int SQLITE_UNIQUE = 2067;

    private UniqueViolation() {
    }

    static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && (POSTGRES_STATE.equals(sql.getSQLState()) || sql.getErrorCode() == SQLITE_UNIQUE)) {
                return true;
            }
        }
        return false;
    }
}
