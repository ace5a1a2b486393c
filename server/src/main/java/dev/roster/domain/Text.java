package dev.roster.domain;

/** Length rules on user-supplied text; limits count Unicode code points, not UTF-16 units. */
public final class Text {
    private Text() {
    }

    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Trims, then requires 1..max code points. Returns the trimmed value. */
    public static String requireTrimmed(String field, String value, int max) {
        String trimmed = value.strip();
        int n = length(trimmed);
        if (n < 1 || n > max) {
            throw DomainError.invalidField(field, "value length must be between 1 and " + max + " characters, inclusive");
        }
        return trimmed;
    }
}
