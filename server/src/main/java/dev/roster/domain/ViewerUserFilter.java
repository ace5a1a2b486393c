package dev.roster.domain;

/**
 * The conditions of a Viewer user list, combined with AND; a null field is no condition. The email is an exact
 * match and the names a contains match, all ignoring case (avara-v1.md §6.0 item 19).
 */
public record ViewerUserFilter(String email, String firstNameContains, String lastNameContains,
                               InvitedSource invitedSource, UserLevel level) {

    public String canonical() {
        return "email=" + quoted(email) + "|firstName=" + quoted(firstNameContains) + "|lastName="
                + quoted(lastNameContains) + "|invitedSource=" + (invitedSource == null ? null : invitedSource.wire())
                + "|level=" + (level == null ? null : level.wire());
    }

    private static String quoted(String s) {
        // Length-prefixed, so no value can imitate another field's part of the canonical form.
        return s == null ? "null" : s.length() + ":" + s;
    }
}
