package dev.roster.app;

import dev.roster.domain.Actor;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.domain.FeedPosition;
import dev.roster.domain.Ids;
import dev.roster.domain.Keyset;
import dev.roster.domain.LoggedEvent;
import dev.roster.domain.Page;
import dev.roster.domain.WebhookAttempt;
import dev.roster.domain.WebhookEndpoint;
import dev.roster.domain.WebhookSigning;
import dev.roster.store.Database;
import dev.roster.store.EventFeed;
import dev.roster.store.OrganizationStore;
import dev.roster.store.WebhookDeliveryStore;
import dev.roster.store.WebhookEndpointStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Webhook endpoint use cases, for an API key's organization or the operator's CLI. Each write is one transaction:
 * load, apply the rule, save, append the event. Secrets appear in what create and rotate return, never in events.
 */
public final class WebhookEndpoints {
    public static final String AGGREGATE = "webhook_endpoint";
    /** A recovery re-queues at most this many events; a larger one is asked for in parts by {@code since}. */
    public static final int MAX_RECOVERED = 10_000;

    private final Database db;
    private final WebhookEndpointStore store;
    private final WebhookDeliveryStore deliveries;
    private final OrganizationStore organizations;
    private final EventRecorder events;
    private final EventFeed feed;
    private final Cursors cursors;
    private final TargetGuard guard;
    private final Clock clock;

    WebhookEndpoints(Database db, WebhookEndpointStore store, WebhookDeliveryStore deliveries,
                     OrganizationStore organizations, EventRecorder events, EventFeed feed, Cursors cursors,
                     TargetGuard guard, Clock clock) {
        this.db = db;
        this.feed = feed;
        this.store = store;
        this.deliveries = deliveries;
        this.organizations = organizations;
        this.events = events;
        this.cursors = cursors;
        this.guard = guard;
        this.clock = clock;
    }

    /** What a create asks for; {@code eventTypes} empty means every event. */
    public record NewEndpoint(String url, List<String> eventTypes, String description, boolean enabled) {
    }

    /** A partial update: a null field is left unchanged. */
    public record Changes(String url, List<String> eventTypes, String description, Boolean enabled) {
    }

    public record Listing(Page<WebhookEndpoint> page, Optional<String> nextCursor) {
    }

    public record AttemptListing(Page<WebhookAttempt> page, Optional<String> nextCursor) {
    }

    public WebhookEndpoint create(String orgId, Actor actor, String reason, NewEndpoint request) {
        String url = WebhookEndpoint.validUrl(request.url());
        List<String> types = WebhookEndpoint.validEventTypes(request.eventTypes());
        String description = WebhookEndpoint.validDescription(request.description());
        guard.requireAllowed(url);
        return db.write(h -> {
            requireOrganization(h, orgId);
            Instant now = now();
            String createdBy = actor.type() == Actor.Type.API_KEY ? actor.id() : null;
            WebhookEndpoint e = new WebhookEndpoint(orgId, Ids.WEBHOOK_ENDPOINT.next(), url, types, description,
                    request.enabled(), request.enabled() ? null : "disabled by request", WebhookSigning.newSecret(),
                    null, null, now, now, createdBy, 1);
            // Deliveries start with the events written from now on, this endpoint's own creation included (on
            // PostgreSQL also those of the writes batched before it, whose events are not in the log yet).
            store.insert(h, e, store.feedHead(h, orgId));
            record(h, actor, reason, e, "webhook_endpoint.created");
            return e;
        });
    }

    public WebhookEndpoint get(String orgId, String id) {
        Ids.WEBHOOK_ENDPOINT.require("webhookEndpointId", id);
        return db.read(h -> load(h, orgId, id));
    }

    public Listing list(String orgId, Optional<String> cursor, int limit) {
        String query = "webhook-endpoints|limit=" + limit;
        Optional<Keyset> after = cursors.decode(cursor, orgId, query, Ids.WEBHOOK_ENDPOINT);
        return db.read(h -> {
            Page<WebhookEndpoint> page = store.page(h, orgId, after, limit);
            return new Listing(page, page.next().map(k -> cursors.encode(k, orgId, query)));
        });
    }

    public WebhookEndpoint update(String orgId, Actor actor, String reason, String id, Changes changes) {
        Ids.WEBHOOK_ENDPOINT.require("webhookEndpointId", id);
        String newUrl = changes.url() == null ? null : WebhookEndpoint.validUrl(changes.url());
        List<String> newTypes = changes.eventTypes() == null ? null
                : WebhookEndpoint.validEventTypes(changes.eventTypes());
        String newDescription = changes.description() == null ? null
                : WebhookEndpoint.validDescription(changes.description());
        if (newUrl != null) {
            guard.requireAllowed(newUrl);
        }
        return db.write(h -> {
            WebhookEndpoint current = load(h, orgId, id);
            String url = newUrl == null ? current.url() : newUrl;
            List<String> types = newTypes == null ? current.eventTypes() : newTypes;
            String description = newDescription == null ? current.description() : newDescription;
            boolean enabled = changes.enabled() == null ? current.enabled() : changes.enabled();
            if (url.equals(current.url()) && types.equals(current.eventTypes())
                    && description.equals(current.description()) && enabled == current.enabled()) {
                return current; // nothing changes: no new version, no event
            }
            WebhookEndpoint changed = current.withDetails(url, types, description, enabled, now());
            store.update(h, changed);
            record(h, actor, reason, changed, "webhook_endpoint.updated");
            return changed;
        });
    }

    public void delete(String orgId, Actor actor, String reason, String id) {
        Ids.WEBHOOK_ENDPOINT.require("webhookEndpointId", id);
        db.write(h -> {
            WebhookEndpoint gone = load(h, orgId, id).deleted(now());
            store.delete(h, orgId, id);
            record(h, actor, reason, gone, "webhook_endpoint.deleted");
            return null;
        });
    }

    /** A new secret, returned only here; the old one keeps signing beside it for {@link WebhookEndpoint#ROTATION_OVERLAP}. */
    public WebhookEndpoint rotateSecret(String orgId, Actor actor, String reason, String id) {
        Ids.WEBHOOK_ENDPOINT.require("webhookEndpointId", id);
        return db.write(h -> {
            WebhookEndpoint rotated = load(h, orgId, id).rotated(WebhookSigning.newSecret(), now());
            store.update(h, rotated);
            record(h, actor, reason, rotated, "webhook_endpoint.secret_rotated");
            return rotated;
        });
    }

    public AttemptListing attempts(String orgId, String id, Optional<String> cursor, int limit) {
        Ids.WEBHOOK_ENDPOINT.require("webhookEndpointId", id);
        String query = "webhook-attempts|" + id + "|limit=" + limit;
        Optional<Keyset> after = cursors.decode(cursor, orgId, query, Ids.WEBHOOK_ATTEMPT);
        return db.read(h -> {
            load(h, orgId, id);
            Page<WebhookAttempt> page = deliveries.attempts(h, orgId, id, after, limit);
            return new AttemptListing(page, page.next().map(k -> cursors.encode(k, orgId, query)));
        });
    }

    /** Queues one event of the organization for delivery to the endpoint now, whatever its types say. */
    public void resend(String orgId, String id, String eventId) {
        Ids.WEBHOOK_ENDPOINT.require("webhookEndpointId", id);
        Ids.EVENT.require("eventId", eventId);
        db.write(h -> {
            load(h, orgId, id);
            FeedPosition at = feed.positionOf(h, orgId, eventId).orElseThrow(() -> DomainError.notFound(
                    ErrorIds.WEBHOOK_EVENT_NOT_FOUND, "Event could not be found"));
            queue(h, orgId, id, at);
            return null;
        });
    }

    /** Queues every event since {@code since} that the endpoint subscribes to; returns how many. */
    public int recover(String orgId, String id, Instant since) {
        Ids.WEBHOOK_ENDPOINT.require("webhookEndpointId", id);
        // Read before the write, not in it: finding the events may read much of the log, and every other write would
        // wait for the write's transaction. The log only grows, so this is what a recovery a moment earlier would see.
        List<LoggedEvent> events = db.read(h -> {
            load(h, orgId, id);
            return deliveries.eventsSince(h, orgId, since, MAX_RECOVERED);
        });
        return db.write(h -> {
            WebhookEndpoint endpoint = load(h, orgId, id);
            int queued = 0;
            for (LoggedEvent event : events) {
                if (endpoint.wants(event.type())) {
                    queue(h, orgId, id, event.at());
                    queued++;
                }
            }
            return queued;
        });
    }

    private void queue(Handle h, String orgId, String endpointId, FeedPosition at) {
        deliveries.scheduleRetry(h, new WebhookDeliveryStore.Retry(orgId, endpointId, at, 1, now()));
    }

    private WebhookEndpoint load(Handle h, String orgId, String id) {
        return store.find(h, orgId, id).orElseThrow(WebhookEndpoints::notFound);
    }

    /** The CLI names organizations itself; an API key's organization always exists. */
    private void requireOrganization(Handle h, String orgId) {
        Ids.ORGANIZATION.require("organizationId", orgId);
        if (organizations.find(h, orgId).isEmpty()) {
            throw DomainError.notFound(ErrorIds.ORGANIZATION_NOT_FOUND, "Organization could not be found");
        }
    }

    static DomainError notFound() {
        return DomainError.notFound(ErrorIds.WEBHOOK_ENDPOINT_NOT_FOUND, "Webhook endpoint could not be found");
    }

    void record(Handle h, Actor actor, String reason, WebhookEndpoint e, String type) {
        Events log = new Events(e.organizationId(), AGGREGATE, e.id(), actor, reason, e.updatedAt());
        events.append(h, log.event(type, e.version(), events.data().webhookEndpoint(e)));
    }

    private Instant now() {
        return Clocks.now(clock);
    }
}
