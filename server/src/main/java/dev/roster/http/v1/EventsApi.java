package dev.roster.http.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.Get;
import dev.roster.app.EventHistory;
import dev.roster.domain.DomainError;
import dev.roster.http.Authentication;
import dev.roster.http.Wire;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v1/events}, a Roster extension: the organization's event log oldest first. A page continues after the
 * event named by {@code starting_after} (Stripe's name) or {@code cursor} (the v1 lists' name, avara-v1.md §1.10);
 * both take an event id, and the envelope's {@code cursor} is the last event's id while more are readable.
 */
public final class EventsApi {
    private final EventHistory history;

    public EventsApi(EventHistory history) {
        this.history = history;
    }

    @Blocking
    @Get("/v1/events")
    public HttpResponse list(ServiceRequestContext ctx, QueryParams query) {
        ListParams params = ListParams.of(query);
        Optional<String> startingAfter = ListParams.single(query, "starting_after");
        if (startingAfter.isPresent() && params.cursor().isPresent()) {
            throw DomainError.invalidField("starting_after", "give starting_after or cursor, not both");
        }
        EventHistory.Listing listing = history.page(Authentication.principal(ctx).organizationId(),
                new EventHistory.Query(startingAfter.or(params::cursor), ListParams.single(query, "type"),
                        ListParams.single(query, "objectId"), params.limit()));
        List<EventJson> events = listing.events().stream().map(EventJson::of).toList();
        String cursor = listing.hasMore() ? events.getLast().id() : null;
        return Wire.json(new ListJson(events, listing.hasMore(), cursor));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ListJson(List<EventJson> events, boolean hasMore, String cursor) {
    }
}
