package dev.roster.domain;

/**
 * A wrong password at login. Besides the error it carries how many checks have failed in a row, which ZITADEL
 * reports in a {@code CredentialsCheckError} detail. The failure itself is recorded (and may lock the user) before
 * this is thrown, so the caller's transaction has already committed.
 */
public final class CredentialsCheckFailed extends RuntimeException {
    private final DomainError error;
    private final int failedAttempts;

    public CredentialsCheckFailed(int failedAttempts) {
        super("Password is invalid (" + ErrorIds.PASSWORD_INVALID + ")", null, false, false);
        this.error = new DomainError(Code.INVALID_ARGUMENT, ErrorIds.PASSWORD_INVALID, "Password is invalid");
        this.failedAttempts = failedAttempts;
    }

    public DomainError error() {
        return error;
    }

    public int failedAttempts() {
        return failedAttempts;
    }
}
