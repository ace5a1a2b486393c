package dev.roster.domain;

import java.util.regex.Pattern;

/**
 * A DICOM Study Instance UID as PS3.5 defines it (avara-v1.md §6.0 item 15): 1 to 64 characters, components of
 * digits separated by dots, none empty, none with a leading zero unless it is the single digit 0.
 */
public final class DicomUid {
    public static final int MAX_LENGTH = 64;
    private static final Pattern UID = Pattern.compile("^(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*$");

    private DicomUid() {
    }

    public static boolean isValid(String candidate) {
        return candidate != null && !candidate.isEmpty() && candidate.length() <= MAX_LENGTH
                && UID.matcher(candidate).matches();
    }

    public static String require(String field, String candidate) {
        if (!isValid(candidate)) {
            throw DomainError.invalidField(field, "must be a DICOM UID: 1 to " + MAX_LENGTH
                    + " characters of digit groups separated by dots, without leading zeros");
        }
        return candidate;
    }
}
