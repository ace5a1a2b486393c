package dev.roster.domain;

/**
 * Avara's phone numbers (avara-v1.md §6.0 item 22): 10 to 15 digits once {@code +}, spaces, dashes, dots and
 * parentheses are set aside; anything else is refused. The number is stored as the caller wrote it.
 */
public final class PhoneNumbers {
    public static final int MIN_DIGITS = 10;
    public static final int MAX_DIGITS = 15;

    private PhoneNumbers() {
    }

    public static String require(String field, String number) {
        String trimmed = number.strip();
        int digits = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if ("+ -.()".indexOf(c) < 0) {
                throw DomainError.invalidField(field, "may hold only digits, +, spaces, dashes, dots and parentheses");
            }
        }
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw DomainError.invalidField(field, "must have " + MIN_DIGITS + " to " + MAX_DIGITS + " digits");
        }
        return trimmed;
    }
}
