package dev.roster.domain;

import java.time.Instant;

/**
 * A human user and its lifecycle (zitadel-v2.md §5). Each transition returns the changed user at the next version
 * or throws the FAILED_PRECONDITION ZITADEL answers; none is idempotent. A deleted user never reaches these
 * methods: the use cases answer NOT_FOUND first.
 */
public record User(
        String organizationId,
        String id,
        String username,
        Profile profile,
        Contact email,
        Contact phone,
        UserState state,
        String passwordHash,
        boolean passwordChangeRequired,
        Instant passwordChangedAt,
        int failedPasswordAttempts,
        Instant createdAt,
        Instant changedAt,
        long version) {

    /** Invited Viewer users log in with their email, so a username is as long as an email may be (320). */
    public static final int MAX_USERNAME = Contact.MAX_EMAIL;

    public static String validUsername(String field, String username) {
        return Text.requireTrimmed(field, username == null ? "" : username, MAX_USERNAME);
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    /** Only an active user may start a session; INACTIVE, LOCKED and an INITIAL user without password may not. */
    public boolean canLogIn() {
        return state == UserState.ACTIVE || (state == UserState.INITIAL && hasPassword());
    }

    /** Lock is forgotten: a locked user that is deactivated comes back ACTIVE on reactivate. */
    public User deactivate(Instant now) {
        return switch (state) {
            case ACTIVE, LOCKED -> withState(UserState.INACTIVE, now);
            case INACTIVE -> throw DomainError.failedPrecondition(ErrorIds.USER_ALREADY_INACTIVE, "User already inactive");
            case INITIAL -> throw DomainError.failedPrecondition(ErrorIds.USER_CANT_DEACTIVATE_INITIAL,
                    "User with state initial can only be deleted not deactivated");
            case DELETED -> throw deleted();
        };
    }

    public User reactivate(Instant now) {
        if (state != UserState.INACTIVE) {
            throw DomainError.failedPrecondition(ErrorIds.USER_NOT_INACTIVE, "User is not inactive");
        }
        return withState(UserState.ACTIVE, now);
    }

    public User lock(Instant now) {
        if (state != UserState.ACTIVE && state != UserState.INITIAL) {
            throw DomainError.failedPrecondition(ErrorIds.USER_SHOULD_BE_ACTIVE_OR_INITIAL, "User is not active or initial");
        }
        return withState(UserState.LOCKED, now);
    }

    /** Unlocking also forgets the failed password checks that may have caused the lock. */
    public User unlock(Instant now) {
        if (state != UserState.LOCKED) {
            throw DomainError.failedPrecondition(ErrorIds.USER_NOT_LOCKED, "User is not locked");
        }
        return new User(organizationId, id, username, profile, email, phone, UserState.ACTIVE, passwordHash,
                passwordChangeRequired, passwordChangedAt, 0, createdAt, now, version + 1);
    }

    public User delete(Instant now) {
        if (state == UserState.DELETED) {
            throw deleted();
        }
        return withState(UserState.DELETED, now);
    }

    /** A new password (already hashed). Not allowed before the user is initialised. */
    public User withPassword(String newHash, boolean changeRequired, Instant now) {
        if (state == UserState.INITIAL) {
            throw DomainError.failedPrecondition(ErrorIds.USER_NOT_INITIALISED, "User is not yet initialized");
        }
        return new User(organizationId, id, username, profile, email, phone, state, newHash, changeRequired, now, 0,
                createdAt, now, version + 1);
    }

    public User withDetails(String newUsername, Profile newProfile, Contact newEmail, Contact newPhone, Instant now) {
        return new User(organizationId, id, newUsername, newProfile, newEmail, newPhone, state, passwordHash,
                passwordChangeRequired, passwordChangedAt, failedPasswordAttempts, createdAt, now, version + 1);
    }

    /** One more failed password check in a row. */
    public User afterFailedPasswordCheck(Instant now) {
        return new User(organizationId, id, username, profile, email, phone, state, passwordHash,
                passwordChangeRequired, passwordChangedAt, failedPasswordAttempts + 1, createdAt, now, version + 1);
    }

    /** True when an active user has failed as many checks as the lockout limit allows; a limit of 0 is off. */
    public boolean reachedLockout(int lockoutLimit) {
        return lockoutLimit > 0 && failedPasswordAttempts >= lockoutLimit && state == UserState.ACTIVE;
    }

    /** A successful password check clears the failure count; no change when there was none. */
    public User afterSuccessfulPasswordCheck(Instant now) {
        if (failedPasswordAttempts == 0) {
            return this;
        }
        return new User(organizationId, id, username, profile, email, phone, state, passwordHash,
                passwordChangeRequired, passwordChangedAt, 0, createdAt, now, version + 1);
    }

    private User withState(UserState next, Instant now) {
        return new User(organizationId, id, username, profile, email, phone, next, passwordHash,
                passwordChangeRequired, passwordChangedAt, failedPasswordAttempts, createdAt, now, version + 1);
    }

    private static DomainError deleted() {
        return DomainError.notFound(ErrorIds.USER_NOT_FOUND, "User could not be found");
    }
}
