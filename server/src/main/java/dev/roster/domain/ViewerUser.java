package dev.roster.domain;

import java.time.Instant;

/** A user as the Viewer contract shows it: the one user of both contracts, its Viewer profile and last login. */
public record ViewerUser(User user, ViewerProfile profile, Instant lastLoginAt) {
    public Keyset position() {
        return new Keyset(user.createdAt().toEpochMilli(), user.id());
    }
}
