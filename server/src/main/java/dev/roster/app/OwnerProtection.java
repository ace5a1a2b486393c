package dev.roster.app;

import dev.roster.domain.User;
import dev.roster.domain.ViewerAccess;
import dev.roster.store.ViewerUserStore;
import org.jdbi.v3.core.Handle;

/**
 * Keeps an organization's owner out of reach of the API (avara-v1.md §6.0 item 24): on v1 and on v2 alike, the owner
 * is never revoked, deactivated, locked or deleted by a call; only the operator may change who owns.
 */
final class OwnerProtection {
    private final ViewerUserStore viewerUsers;

    OwnerProtection(ViewerUserStore viewerUsers) {
        this.viewerUsers = viewerUsers;
    }

    /** PERMISSION_DENIED when {@code user} is its organization's owner. */
    void requireNotOwner(Handle h, User user) {
        viewerUsers.find(h, user.organizationId(), user.id())
                .ifPresent(v -> ViewerAccess.requireNotOwner(v.profile()));
    }
}
