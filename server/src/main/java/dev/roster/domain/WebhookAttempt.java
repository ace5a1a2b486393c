package dev.roster.domain;

import java.time.Instant;

/**
 * One delivery attempt of an event to a webhook endpoint; {@code statusCode} is null when no answer came, and
 * {@code error} then says why. {@code nextAttemptAt} is when the event is tried again, if it is.
 */
public record WebhookAttempt(String organizationId, String id, String endpointId, String eventId, String eventType,
                             int attempt, Integer statusCode, String error, long durationMillis, Instant at,
                             Instant nextAttemptAt) {
}
