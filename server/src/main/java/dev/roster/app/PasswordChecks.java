package dev.roster.app;

import dev.roster.domain.User;

/**
 * A password given for a user, checked against the user's hash: at most as often per user as the limit allows, so
 * guessing one user's password is slow from any number of keys and replicas' worth of requests, whether or not
 * lockout is on. A refused attempt is not a failed check: it neither counts towards lockout nor resets it.
 */
final class PasswordChecks {
    private final PasswordHasher hasher;
    private final RateLimiter perUser;

    PasswordChecks(PasswordHasher hasher, RateLimiter perUser) {
        this.hasher = hasher;
        this.perUser = perUser;
    }

    /** Whether {@code password} is the user's; the user must have one. */
    boolean matches(User user, String password) {
        perUser.admit(user.id());
        return hasher.verify(password, user.passwordHash());
    }
}
