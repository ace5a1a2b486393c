package dev.roster.domain;

/** An answer kept so that a retried request gets it again byte for byte. */
public record StoredResponse(int status, String contentType, String body) {
}
