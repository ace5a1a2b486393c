package dev.roster.domain;

/**
 * The password policy: 8 to 1,024 characters and no composition rules (NIST SP 800-63B, avara-v1.md §6.0
 * item 36). Too short uses ZITADEL's MinLength ID so ZITADEL clients recognise it.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 1024;

    private Passwords() {
    }

    public static String requireAcceptable(String field, String password) {
        if (password == null || password.isEmpty()) {
            throw DomainError.invalidField(field, "value is required");
        }
        int n = Text.length(password);
        if (n < MIN_LENGTH) {
            throw new DomainError(Code.INVALID_ARGUMENT, ErrorIds.PASSWORD_TOO_SHORT, "Password is too short");
        }
        if (n > MAX_LENGTH) {
            throw DomainError.invalidField(field, "value length must be at most " + MAX_LENGTH + " characters");
        }
        return password;
    }
}
