package dev.roster.store;

/** A row changed between our read and our write; the unit of work is run again on fresh data. */
public final class ConcurrentUpdateException extends RuntimeException {
    public ConcurrentUpdateException(String what) {
        super(what, null, false, false);
    }
}
