package dev.roster.domain;

/**
 * A failure a client is meant to see: a canonical code, a stable documented ID that clients may match on,
 * and an English text. The edge renders it as {@code {"code", "message": "<text> (<ID>)", "details"}}.
 */
public final class DomainError extends RuntimeException {
    private final Code code;
    private final String id;
    private final String text;

    public DomainError(Code code, String id, String text) {
        super(text + " (" + id + ")", null, false, false);
        this.code = code;
        this.id = id;
        this.text = text;
    }

    public Code code() {
        return code;
    }

    public String id() {
        return id;
    }

    public String text() {
        return text;
    }

    /** A request value that breaks a rule; the text names the field so the caller can fix it. */
    public static DomainError invalidField(String field, String reason) {
        return new DomainError(Code.INVALID_ARGUMENT, ErrorIds.INVALID_ARGUMENT, "invalid " + field + ": " + reason);
    }

    public static DomainError notFound(String id, String text) {
        return new DomainError(Code.NOT_FOUND, id, text);
    }

    public static DomainError failedPrecondition(String id, String text) {
        return new DomainError(Code.FAILED_PRECONDITION, id, text);
    }

    public static DomainError permissionDenied() {
        return new DomainError(Code.PERMISSION_DENIED, ErrorIds.PERMISSION_DENIED, "No matching permissions found");
    }
}
