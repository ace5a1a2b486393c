package dev.roster.domain;

/**
 * What the Viewer contract knows about a user beyond the v2 profile. A user made over v2 has none stored and reads
 * as {@link #DEFAULT}. Optional names are null when unset.
 */
public record ViewerProfile(ClinicRole clinicRole, UserLevel level, boolean canManageStudies,
                            boolean hasDashboardAccess, InvitedSource invitedSource, String middleName,
                            String suffix1, String suffix2) {

    public static final ViewerProfile DEFAULT = new ViewerProfile(ClinicRole.OTHER, UserLevel.MEMBER, false, false,
            InvitedSource.API, null, null, null);

    /** Avara: dashboard access is "Required for admin users". */
    public ViewerProfile {
        if (level == UserLevel.ADMIN && !hasDashboardAccess) {
            throw DomainError.invalidField("hasDashboardAccess", "must be true for admin users");
        }
    }

    /** An optional name as sent: null stays null (unset), anything else is 1-200 characters after trimming. */
    public static String optionalName(String field, String value) {
        return value == null ? null : Text.requireTrimmed(field, value, Profile.MAX_NAME);
    }

    public boolean owner() {
        return level == UserLevel.OWNER;
    }
}
