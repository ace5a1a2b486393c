package dev.roster.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure a client is meant to see: a canonical code, a stable documented ID that clients may match on,
 * and an English text. The edge renders it as {@code {"code", "message": "<text> (<ID>)", "details"}}.
 */
public final class DomainError extends RuntimeException {
    private final Code code;
    private final String id;
    private final String text;
    private final Duration retryAfter;

    public DomainError(Code code, String id, String text) {
        this(code, id, text, null);
    }

    private DomainError(Code code, String id, String text, Duration retryAfter) {
        super(text + " (" + id + ")", null, false, false);
        this.code = code;
        this.id = id;
        this.text = text;
        this.retryAfter = retryAfter;
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

    /** How long the caller should wait before the same request can succeed; only a limit that was reached says. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
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

    /** A rate limit was reached; the same request succeeds after {@code retryAfter}. */
    public static DomainError resourceExhausted(String id, String text, Duration retryAfter) {
        return new DomainError(Code.RESOURCE_EXHAUSTED, id, text, retryAfter);
    }

    public static DomainError permissionDenied() {
        return new DomainError(Code.PERMISSION_DENIED, ErrorIds.PERMISSION_DENIED, "No matching permissions found");
    }
}
