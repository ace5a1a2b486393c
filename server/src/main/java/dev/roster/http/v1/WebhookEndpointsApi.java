package dev.roster.http.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.Delete;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Patch;
import com.linecorp.armeria.server.annotation.Post;
import dev.roster.app.WebhookEndpoints;
import dev.roster.domain.DomainError;
import dev.roster.domain.Principal;
import dev.roster.http.Authentication;
import dev.roster.http.JsonBody;
import dev.roster.http.Reasons;
import dev.roster.http.Wire;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Webhook endpoints of the caller's organization, {@code /v1/webhook-endpoints…}: Roster's own surface, shaped like
 * the v1 API (the list envelope, the error body). Every call is a short query or write, run on the blocking executor.
 */
@Blocking
public final class WebhookEndpointsApi {
    private static final String PATH = "/v1/webhook-endpoints";
    private static final String ONE = PATH + "/{webhookEndpointId}";

    private final WebhookEndpoints endpoints;

    public WebhookEndpointsApi(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Post(PATH)
    public HttpResponse create(ServiceRequestContext ctx, AggregatedHttpRequest req) {
        Principal who = Authentication.principal(ctx);
        JsonBody body = JsonBody.of(req);
        String url = body.requiredString("url");
        List<String> types = body.has("eventTypes") ? body.strings("eventTypes") : List.of();
        String description = body.has("description") ? body.string("description") : "";
        boolean enabled = !body.has("enabled") || body.bool("enabled");
        var created = endpoints.create(who.organizationId(), who.actor(), Reasons.of(req.headers()),
                new WebhookEndpoints.NewEndpoint(url, types, description, enabled));
        return Wire.json(WebhookEndpointJson.withSecret(created));
    }

    @Get(PATH)
    public HttpResponse list(ServiceRequestContext ctx, QueryParams query) {
        ListParams params = ListParams.of(query);
        var listing = endpoints.list(Authentication.principal(ctx).organizationId(), params.cursor(), params.limit());
        return Wire.json(new ListJson(listing.page().items().stream().map(WebhookEndpointJson::of).toList(),
                listing.page().hasMore(), listing.nextCursor().orElse(null)));
    }

    @Get(ONE)
    public HttpResponse retrieve(ServiceRequestContext ctx, @Param("webhookEndpointId") String id) {
        return Wire.json(WebhookEndpointJson.of(endpoints.get(Authentication.principal(ctx).organizationId(), id)));
    }

    @Patch(ONE)
    public HttpResponse update(ServiceRequestContext ctx, @Param("webhookEndpointId") String id,
                               AggregatedHttpRequest req) {
        Principal who = Authentication.principal(ctx);
        JsonBody body = JsonBody.of(req);
        var changes = new WebhookEndpoints.Changes(
                body.has("url") ? body.string("url") : null,
                body.has("eventTypes") ? body.strings("eventTypes") : null,
                body.has("description") ? body.string("description") : null,
                body.has("enabled") ? body.bool("enabled") : null);
        var updated = endpoints.update(who.organizationId(), who.actor(), Reasons.of(req.headers()), id, changes);
        return Wire.json(WebhookEndpointJson.of(updated));
    }

    @Delete(ONE)
    public HttpResponse delete(ServiceRequestContext ctx, @Param("webhookEndpointId") String id) {
        Principal who = Authentication.principal(ctx);
        endpoints.delete(who.organizationId(), who.actor(), Reasons.of(ctx.request().headers()), id);
        return Wire.json(SuccessJson.ok("Webhook endpoint deleted"));
    }

    /** Bodiless; the new secret is in this answer only. */
    @Post(ONE + "/rotate-secret")
    public HttpResponse rotateSecret(ServiceRequestContext ctx, @Param("webhookEndpointId") String id) {
        Principal who = Authentication.principal(ctx);
        var rotated = endpoints.rotateSecret(who.organizationId(), who.actor(), Reasons.of(ctx.request().headers()),
                id);
        return Wire.json(WebhookEndpointJson.withSecret(rotated));
    }

    @Get(ONE + "/attempts")
    public HttpResponse attempts(ServiceRequestContext ctx, @Param("webhookEndpointId") String id,
                                 QueryParams query) {
        ListParams params = ListParams.of(query);
        var listing = endpoints.attempts(Authentication.principal(ctx).organizationId(), id, params.cursor(),
                params.limit());
        return Wire.json(new AttemptListJson(listing.page().items().stream().map(WebhookAttemptJson::of).toList(),
                listing.page().hasMore(), listing.nextCursor().orElse(null)));
    }

    @Post(ONE + "/events/{eventId}/resend")
    public HttpResponse resend(ServiceRequestContext ctx, @Param("webhookEndpointId") String id,
                               @Param("eventId") String eventId) {
        endpoints.resend(Authentication.principal(ctx).organizationId(), id, eventId);
        return Wire.json(SuccessJson.ok("Event queued for delivery"));
    }

    @Post(ONE + "/recover")
    public HttpResponse recover(ServiceRequestContext ctx, @Param("webhookEndpointId") String id,
                                AggregatedHttpRequest req) {
        Instant since = since(JsonBody.of(req).requiredString("since"));
        int queued = endpoints.recover(Authentication.principal(ctx).organizationId(), id, since);
        return Wire.json(new RecoverJson(true, queued + " events queued for delivery", queued));
    }

    private static Instant since(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainError.invalidField("since", "must be an RFC 3339 timestamp such as 2026-01-31T12:00:00Z");
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ListJson(List<WebhookEndpointJson> webhookEndpoints, boolean hasMore, String cursor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttemptListJson(List<WebhookAttemptJson> attempts, boolean hasMore, String cursor) {
    }

    record RecoverJson(boolean success, String message, int queued) {
    }
}
