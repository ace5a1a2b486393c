package dev.roster.http.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.roster.domain.WebhookEndpoint;
import dev.roster.http.Wire;
import java.util.List;

/** A webhook endpoint on the wire; {@code secret} only in the answers to create and rotate-secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookEndpointJson(String webhookEndpointId, String url, List<String> eventTypes, String description,
                           boolean enabled, String disabledReason, String secret, String createdAt,
                           String updatedAt) {
    public static WebhookEndpointJson of(WebhookEndpoint e) {
        return new WebhookEndpointJson(e.id(), e.url(), e.eventTypes(), e.description(), e.enabled(),
                e.disabledReason(), null, Wire.timestamp(e.createdAt()), Wire.timestamp(e.updatedAt()));
    }

    static WebhookEndpointJson withSecret(WebhookEndpoint e) {
        return new WebhookEndpointJson(e.id(), e.url(), e.eventTypes(), e.description(), e.enabled(),
                e.disabledReason(), e.secret(), Wire.timestamp(e.createdAt()), Wire.timestamp(e.updatedAt()));
    }
}
