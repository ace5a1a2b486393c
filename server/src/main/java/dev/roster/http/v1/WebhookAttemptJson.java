package dev.roster.http.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.roster.http.Wire;
import dev.roster.domain.WebhookAttempt;

/** One delivery attempt on the wire: the answer's status, or why none came. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookAttemptJson(String attemptId, String eventId, String eventType, int attempt, Integer statusCode,
                          String error, long durationMs, String attemptedAt, String nextAttemptAt) {
    static WebhookAttemptJson of(WebhookAttempt a) {
        return new WebhookAttemptJson(a.id(), a.eventId(), a.eventType(), a.attempt(), a.statusCode(), a.error(),
                a.durationMillis(), Wire.timestamp(a.at()), Wire.timestamp(a.nextAttemptAt()));
    }
}
