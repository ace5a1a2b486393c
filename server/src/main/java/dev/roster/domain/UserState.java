package dev.roster.domain;

/** Where a user is in its lifecycle. DELETED rows are kept so a deleted ID is never reused, but never shown. */
public enum UserState {
    INITIAL,
    ACTIVE,
    INACTIVE,
    LOCKED,
    DELETED
}
