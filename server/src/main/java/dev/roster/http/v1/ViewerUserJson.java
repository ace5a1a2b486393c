package dev.roster.http.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.roster.domain.ViewerUser;
import dev.roster.http.Wire;

/**
 * The Viewer user exactly as Avara's SDKs read it (avara-v1.md §4.2): {@code createdAt} and {@code lastLoginAt}
 * always present even when null, the optional names and phone omitted when unset. It has no status field: a revoked
 * user looks the same as an active one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ViewerUserJson(
        String userId,
        String email,
        String firstName,
        String lastName,
        String clinicRole,
        String level,
        boolean canManageStudies,
        boolean hasDashboardAccess,
        String invitedSource,
        @JsonInclude(JsonInclude.Include.ALWAYS) String createdAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) String lastLoginAt,
        String middleName,
        String phoneNumber,
        String suffix1,
        String suffix2) {

    static ViewerUserJson of(ViewerUser v) {
        var u = v.user();
        var p = v.profile();
        return new ViewerUserJson(u.id(), u.email().value(), u.profile().givenName(), u.profile().familyName(),
                p.clinicRole().wire(), p.level().wire(), p.canManageStudies(), p.hasDashboardAccess(),
                p.invitedSource().wire(), Wire.timestamp(u.createdAt()), Wire.timestamp(v.lastLoginAt()),
                p.middleName(), u.phone().value().isEmpty() ? null : u.phone().value(), p.suffix1(), p.suffix2());
    }
}
