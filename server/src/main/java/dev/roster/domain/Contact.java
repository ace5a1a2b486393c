package dev.roster.domain;

import java.util.regex.Pattern;

/** An email address or phone number with its verified flag. Roster sends no codes, so nothing verifies later. */
public record Contact(String value, boolean verified) {
    public static final int MAX_EMAIL = 320; // avara-v1 §6.0 item 23; the longest address RFC 5321 allows in practice
    public static final int MAX_PHONE = 200;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    public static final Contact NONE = new Contact("", false);

    public static Contact email(String address, boolean verified) {
        String trimmed = Text.requireTrimmed("email.email", address == null ? "" : address, MAX_EMAIL);
        if (!EMAIL.matcher(trimmed).matches()) {
            throw DomainError.invalidField("email.email", "value must be a valid email address");
        }
        return new Contact(trimmed, verified);
    }

    public static Contact phone(String number, boolean verified) {
        String trimmed = number == null ? "" : number.strip();
        if (Text.length(trimmed) > MAX_PHONE) {
            throw DomainError.invalidField("phone.phone", "value length must be at most " + MAX_PHONE + " characters");
        }
        return trimmed.isEmpty() ? NONE : new Contact(trimmed, verified);
    }
}
