package dev.roster.domain;

import java.time.Instant;

/**
 * Revoke-access and reactivate as the Viewer contract means them, on the same states as v2 (zitadel-v2.md §5).
 * Unlike v2's transitions they are idempotent (avara-v1.md §6.0 item 2): a user already in the target state comes
 * back unchanged (the same instance), and the caller writes nothing. The owner is never revoked (§6.0 item 24).
 */
public final class ViewerAccess {
    private ViewerAccess() {
    }

    /** ACTIVE, LOCKED and invited (INITIAL) users become INACTIVE; an INACTIVE user stays as it is. */
    public static User revoke(User user, ViewerProfile profile, Instant now) {
        requireNotOwner(profile);
        return switch (user.state()) {
            case INACTIVE -> user;
            case ACTIVE, LOCKED, INITIAL -> withState(user, UserState.INACTIVE, now);
            case DELETED -> throw DomainError.notFound(ErrorIds.USER_NOT_FOUND, "User could not be found");
        };
    }

    /**
     * Access comes back for a revoked (INACTIVE) or LOCKED user, who becomes ACTIVE with its failed password checks
     * forgotten; an ACTIVE or invited user already has access and stays as it is.
     */
    public static User restore(User user, Instant now) {
        return switch (user.state()) {
            case ACTIVE, INITIAL -> user;
            case INACTIVE, LOCKED -> withState(user, UserState.ACTIVE, now);
            case DELETED -> throw DomainError.notFound(ErrorIds.USER_NOT_FOUND, "User could not be found");
        };
    }

    public static void requireNotOwner(ViewerProfile profile) {
        if (profile.owner()) {
            throw new DomainError(Code.PERMISSION_DENIED, ErrorIds.USER_OWNER_PROTECTED,
                    "The owner cannot be changed this way through the API");
        }
    }

    private static User withState(User u, UserState next, Instant now) {
        int failedChecks = next == UserState.ACTIVE ? 0 : u.failedPasswordAttempts();
        return new User(u.organizationId(), u.id(), u.username(), u.profile(), u.email(), u.phone(), next,
                u.passwordHash(), u.passwordChangeRequired(), u.passwordChangedAt(), failedChecks, u.createdAt(), now,
                u.version() + 1);
    }
}
