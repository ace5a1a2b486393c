package dev.roster.domain;

/**
 * A human user's names. Given and family name are required (1-200 characters); the display name defaults to
 * "given family"; an unset preferred language reads as {@code und}, as ZITADEL prints it.
 */
public record Profile(String givenName, String familyName, String nickName, String displayName,
                      String preferredLanguage, Gender gender) {
    public static final int MAX_NAME = 200;
    public static final int MAX_LANGUAGE = 10;
    public static final String UNDETERMINED_LANGUAGE = "und";

    /** Validates a profile as written by a caller; absent optional parts take their defaults. */
    public static Profile of(String givenName, String familyName, String nickName, String displayName,
                             String preferredLanguage, Gender gender) {
        String given = Text.requireTrimmed("profile.givenName", nullToEmpty(givenName), MAX_NAME);
        String family = Text.requireTrimmed("profile.familyName", nullToEmpty(familyName), MAX_NAME);
        String nick = optional("profile.nickName", nickName, MAX_NAME, "");
        String display = optional("profile.displayName", displayName, MAX_NAME, given + " " + family);
        String language = optional("profile.preferredLanguage", preferredLanguage, MAX_LANGUAGE, UNDETERMINED_LANGUAGE);
        return new Profile(given, family, nick, display.isEmpty() ? given + " " + family : display,
                language.isEmpty() ? UNDETERMINED_LANGUAGE : language, gender == null ? Gender.UNSPECIFIED : gender);
    }

    private static String optional(String field, String value, int max, String fallback) {
        if (value == null) {
            return fallback;
        }
        String trimmed = value.strip();
        if (Text.length(trimmed) > max) {
            throw DomainError.invalidField(field, "value length must be at most " + max + " characters");
        }
        return trimmed;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
