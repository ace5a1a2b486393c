package dev.roster.app;

import dev.roster.domain.Actor;
import dev.roster.domain.EventFilter;
import dev.roster.domain.FeedPosition;
import dev.roster.domain.Ids;
import dev.roster.domain.LoggedEvent;
import dev.roster.domain.RetrySchedule;
import dev.roster.domain.WebhookAttempt;
import dev.roster.domain.WebhookEndpoint;
import dev.roster.store.Database;
import dev.roster.store.EventFeed;
import dev.roster.store.WebhookDeliveryStore;
import dev.roster.store.WebhookDeliveryStore.Due;
import dev.roster.store.WebhookDeliveryStore.Retry;
import dev.roster.store.WebhookEndpointStore;
import dev.roster.store.WebhookEndpointStore.Dispatch;
import dev.roster.store.WebhookEndpointStore.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The dispatcher's side of webhooks: which endpoints to deliver to, what is due for each, and, once a batch was
 * sent, one transaction that records its attempts, schedules its retries and moves the endpoint's place in the feed
 * (so a crash between sending and recording repeats deliveries and never loses one). An endpoint that answers 410,
 * or has failed without a success for the failure window, is disabled with an event saying why.
 */
public final class WebhookDeliveries {
    private final Database db;
    private final WebhookEndpointStore endpoints;
    private final WebhookDeliveryStore deliveries;
    private final EventFeed feed;
    private final WebhookEndpoints useCases;
    private final WebhookSettings settings;
    private final TargetGuard guard;
    private final Clock clock;

    WebhookDeliveries(Database db, WebhookEndpointStore endpoints, WebhookDeliveryStore deliveries, EventFeed feed,
                      WebhookEndpoints useCases, WebhookSettings settings, TargetGuard guard, Clock clock) {
        this.db = db;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.feed = feed;
        this.useCases = useCases;
        this.settings = settings;
        this.guard = guard;
        this.clock = clock;
    }

    /** One delivery made: {@code status} null when no answer came ({@code error} says why). */
    public record Outcome(LoggedEvent event, int attempt, boolean retried, Integer status, String error,
                          long durationMillis, Instant at) {
        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        /** A 410 Gone: the receiver asks for no more deliveries. */
        public boolean gone() {
            return status != null && status == 410;
        }
    }

    public WebhookSettings settings() {
        return settings;
    }

    public TargetGuard guard() {
        return guard;
    }

    public Clock clock() {
        return clock;
    }

    /** How long the database writer has spent writing: deliveries give way while it is saturated. */
    public long writerBusyNanos() {
        return db.writerBusyNanos();
    }

    public List<Key> enabledEndpoints() {
        return db.read(endpoints::enabled);
    }

    public boolean claim(Key key, String owner, Instant until) {
        Instant now = Clocks.now(clock);
        return db.write(h -> endpoints.claim(h, key.organizationId(), key.id(), owner, now, until));
    }

    public void release(Key key, String owner) {
        db.write(h -> {
            endpoints.release(h, key.organizationId(), key.id(), owner);
            return null;
        });
    }

    /**
     * Forgets up to {@code limit} of the endpoint's attempts older than the retention, so the log stays as long as
     * the retention and not as long as the server's life; returns how many, so a backlog is worked off in parts.
     */
    public int pruneAttempts(Key key, int limit) {
        Instant before = Clocks.now(clock).minus(settings.attemptRetention());
        return db.write(h -> deliveries.pruneAttempts(h, key.organizationId(), key.id(), before, limit));
    }

    public Optional<Dispatch> state(Key key) {
        return db.read(h -> endpoints.findForDispatch(h, key.organizationId(), key.id()));
    }

    /** Events after the endpoint's place in the feed, every type: the cursor moves past the unwanted ones too. */
    public List<LoggedEvent> next(Dispatch d, int limit) {
        return db.read(h -> feed.after(h, d.endpoint().organizationId(), d.cursor(), EventFilter.ALL, limit));
    }

    public List<Due> dueRetries(Key key, int limit) {
        Instant now = Clocks.now(clock);
        return db.read(h -> deliveries.dueRetries(h, key.organizationId(), key.id(), now, limit));
    }

    /**
     * Records a batch: its attempts, the retries they call for, the events it parked unsent behind a failure (first
     * retry), and the endpoint's new place in the feed. Throws {@link LeaseLost} when this replica no longer holds the
     * endpoint's lease: nothing is written, and the replica that holds it delivers again from its own place.
     */
    public void commit(Dispatch d, String owner, List<Outcome> outcomes, List<LoggedEvent> parked,
                          FeedPosition cursor) {
        WebhookEndpoint e = d.endpoint();
        RetrySchedule schedule = settings.retries();
        db.write(h -> {
            Instant now = Clocks.now(clock);
            Instant failingSince = d.failingSince();
            String disable = null;
            List<WebhookAttempt> attempts = new ArrayList<>();
            for (Outcome o : outcomes) {
                Instant next = null;
                if (o.delivered()) {
                    failingSince = null;
                    if (o.retried()) {
                        deliveries.removeRetry(h, e.organizationId(), e.id(), o.event().at(), o.at());
                    }
                } else {
                    failingSince = failingSince == null ? o.at() : failingSince;
                    Optional<Duration> wait = schedule.after(o.attempt());
                    if (wait.isPresent() && !o.gone()) {
                        next = o.at().plus(wait.get());
                        deliveries.scheduleRetry(h, new Retry(e.organizationId(), e.id(), o.event().at(),
                                o.attempt() + 1, next));
                    } else if (o.retried()) {
                        deliveries.removeRetry(h, e.organizationId(), e.id(), o.event().at(), o.at());
                    }
                    if (o.gone()) {
                        disable = "the endpoint answered 410 Gone";
                    }
                }
                attempts.add(new WebhookAttempt(e.organizationId(), Ids.WEBHOOK_ATTEMPT.next(), e.id(),
                        o.event().id(), o.event().type(), o.attempt(), o.status(), o.error(), o.durationMillis(),
                        o.at(), next));
            }
            Instant firstRetry = now.plus(schedule.after(1).orElse(Duration.ZERO));
            for (LoggedEvent p : parked) {
                deliveries.scheduleRetry(h, new Retry(e.organizationId(), e.id(), p.at(), 1, firstRetry));
            }
            deliveries.recordAttempts(h, attempts);
            if (!endpoints.advance(h, e.organizationId(), e.id(), owner, cursor, failingSince)) {
                throw new LeaseLost();
            }
            if (disable == null && failingSince != null
                    && !now.isBefore(failingSince.plus(settings.failureWindow()))) {
                disable = "deliveries failed for " + settings.failureWindow().toHours() + " hours without a success";
            }
            if (disable != null) {
                disable(h, d.endpoint().organizationId(), d.endpoint().id(), disable, now);
            }
            return null;
        });
    }

    private void disable(Handle h, String orgId, String id, String reason, Instant now) {
        Optional<WebhookEndpoint> current = endpoints.find(h, orgId, id).filter(WebhookEndpoint::enabled);
        if (current.isPresent()) {
            WebhookEndpoint off = current.get().disabled(reason, now);
            endpoints.update(h, off);
            useCases.record(h, Actor.system(), reason, off, "webhook_endpoint.disabled");
        }
    }


    /** This replica's lease on an endpoint ran out and another replica took it. */
    public static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("the endpoint's lease was taken by another replica", null, false, false);
        }
    }
}
