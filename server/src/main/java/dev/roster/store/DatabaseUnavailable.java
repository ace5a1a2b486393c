package dev.roster.store;

import dev.roster.domain.Code;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletableFuture;

/**
 * Recognises a failure that says the database cannot be reached, rather than that the request was wrong: it becomes
 * UNAVAILABLE (503), which clients retry, instead of an internal error.
 */
final class DatabaseUnavailable {
    private DatabaseUnavailable() {
    }

    static DomainError error() {
        return new DomainError(Code.UNAVAILABLE, ErrorIds.DATABASE_UNAVAILABLE,
                "The database is unavailable; retry shortly");
    }

    /** {@link #error} as the answer of an asynchronous call refused before it started. */
    static <T> CompletableFuture<T> failed() {
        return CompletableFuture.failedFuture(error());
    }

    /**
     * The pool found no connection in time (Hikari's timeout), the connection failed or broke (SQLSTATE class 08),
     * the server is shutting down or starting (57P01-57P03), or it has no connection slot left (53300).
     */
    static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
                    return true;
                }
            }
        }
        return false;
    }
}
