package dev.roster.http.v2;

/**
 * A failed v2 call as any transport reports it: the gRPC code, the status message, and the one detail (its type
 * name, ID, text and, for password checks, failed attempts). {@code httpStatus} is set on REST only.
 */
final class V2Failure extends RuntimeException {
    final int code;
    final String statusMessage;
    final String detailType;
    final String id;
    final String text;
    final int failedAttempts;
    final int httpStatus;

    V2Failure(int code, String statusMessage, String detailType, String id, String text, int failedAttempts,
              int httpStatus) {
        super(code + " " + statusMessage + " [" + detailType + " " + id + "]");
        this.code = code;
        this.statusMessage = statusMessage;
        this.detailType = detailType;
        this.id = id;
        this.text = text;
        this.failedAttempts = failedAttempts;
        this.httpStatus = httpStatus;
    }
}
