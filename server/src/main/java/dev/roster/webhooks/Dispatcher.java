package dev.roster.webhooks;

import dev.roster.app.WebhookDeliveries;
import dev.roster.app.WebhookDeliveries.Outcome;
import dev.roster.domain.FeedPosition;
import dev.roster.domain.LoggedEvent;
import dev.roster.domain.WebhookEndpoint;
import dev.roster.store.WebhookDeliveryStore.Due;
import dev.roster.store.WebhookEndpointStore.Dispatch;
import dev.roster.store.WebhookEndpointStore.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the event log to webhook endpoints, off the write path: writes only append events, and this reads them
 * back. Every second it looks for enabled endpoints and gives each one it can lease a worker on a virtual thread;
 * the worker sends the endpoint's due retries and new events in feed order, records each batch in one transaction
 * and renews its lease, until the endpoint is disabled, deleted or leased elsewhere. With several replicas the
 * lease makes one of them deliver a given endpoint at a time. While the write path is saturated, workers pause
 * between rounds ({@link Yielding}).
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** Events read per round: enough to keep up with thousands per second, few enough to record in one write. */
    static final int BATCH = 200;
    static final int RETRIES_PER_ROUND = 50;
    static final int PRUNE_BATCH = 5_000;
    static final Duration PRUNE_EVERY = Duration.ofMinutes(1);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    /** Objects whose events are sent at the same time, per endpoint. */
    static final int LANES = 16;

    private final WebhookDeliveries deliveries;
    private final Sender sender;
    private final DeliveryListener listener;
    private final Yielding yielding;
    private final String owner = "replica-" + UUID.randomUUID();
    private final Map<Key, Thread> workers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "roster-webhook-dispatcher");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;

    public Dispatcher(WebhookDeliveries deliveries, DeliveryListener listener) {
        this.deliveries = deliveries;
        this.listener = listener;
        this.sender = new Sender(deliveries.guard(), deliveries.clock());
        this.yielding = new Yielding(deliveries::writerBusyNanos, System::nanoTime);
    }

    public Dispatcher start() {
        supervisor.scheduleWithFixedDelay(this::superviseQuietly, 0, 1, TimeUnit.SECONDS);
        return this;
    }

    private void superviseQuietly() {
        try {
            for (Key key : deliveries.enabledEndpoints()) {
                if (!stopping) {
                    workers.computeIfAbsent(key, k -> Thread.ofVirtual().name("roster-webhook-" + k.id())
                            .start(() -> work(k)));
                }
            }
        } catch (RuntimeException e) {
            log.warn("looking for webhook endpoints failed; trying again in a second", e);
        }
    }

    private void work(Key key) {
        boolean leased = false;
        try {
            Duration poll = deliveries.settings().poll();
            Duration lease = deliveries.settings().lease();
            Instant until = null;
            Instant nextPrune = Instant.MIN;
            while (!stopping) {
                Instant now = deliveries.clock().instant();
                // Renewed at half time, not every round: each renewal is a durable write.
                if (until == null || now.isAfter(until.minus(lease.dividedBy(2)))) {
                    until = now.plus(lease);
                    leased = deliveries.claim(key, owner, until);
                    if (!leased) {
                        return; // another replica delivers it; the supervisor asks again later
                    }
                }
                Optional<Dispatch> state = deliveries.state(key).filter(d -> d.endpoint().enabled());
                if (state.isEmpty()) {
                    return;
                }
                if (!now.isBefore(nextPrune)) {
                    // In parts, so that a week's backlog never holds the writer for long in one transaction.
                    boolean more = deliveries.pruneAttempts(key, PRUNE_BATCH) >= PRUNE_BATCH / 2;
                    nextPrune = more ? now : now.plus(PRUNE_EVERY);
                }
                long began = System.nanoTime();
                if (!round(key, state.get(), until)) {
                    Thread.sleep(poll.toMillis());
                } else {
                    pauseIfSaturated(System.nanoTime() - began);
                }
            }
        } catch (WebhookDeliveries.LeaseLost e) {
            leased = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stopping) {
                log.warn("delivering to webhook endpoint {} failed; it is picked up again within a second",
                        key.id(), e);
            }
        } finally {
            if (leased && stopping) {
                releaseQuietly(key);
            }
            workers.remove(key);
        }
    }

    private void pauseIfSaturated(long roundNanos) throws InterruptedException {
        Duration pause = yielding.pauseAfter(roundNanos, workers.size());
        if (!pause.isZero()) {
            listener.yielded(pause);
            Thread.sleep(pause);
        }
    }

    /**
     * One batch: due retries, then new events. The new events go out in lanes, one per object they are about: an
     * object's events in feed order, different objects' side by side (up to {@link #LANES} at a time), since one
     * receiver round trip per event in turn could not keep up with a busy organization. The lanes are chains of
     * futures on the client's event loops, not threads: a thread per delivery in flight cost more CPU in wake-ups
     * than the deliveries themselves. Whether there was anything to do.
     */
    private boolean round(Key key, Dispatch d, Instant leaseUntil) {
        WebhookEndpoint endpoint = d.endpoint();
        // A send may take the whole request timeout; none starts that could outlast the lease.
        Instant lastStart = leaseUntil.minus(Sender.REQUEST_TIMEOUT).minusSeconds(5);
        List<Outcome> outcomes = new ArrayList<>();
        // The address check resolves the host, a blocking lookup: only a round with something to send makes it.
        List<Due> dues = deliveries.dueRetries(key, RETRIES_PER_ROUND);
        Optional<String> refused = dues.isEmpty() ? Optional.empty() : sender.refusal(endpoint);
        boolean gone = false;
        for (Due due : dues) {
            if (stopping || gone || deliveries.clock().instant().isAfter(lastStart)) {
                break;
            }
            Outcome o = refused.isPresent()
                    ? sender.notSent(due.event(), due.attempt(), true, refused.get())
                    : sender.send(endpoint, due.event(), due.attempt(), true).join();
            outcomes.add(o);
            gone = o.gone();
        }
        List<LoggedEvent> events = gone ? List.of() : deliveries.next(d, BATCH);
        if (dues.isEmpty() && !events.isEmpty()) {
            refused = sender.refusal(endpoint);
        }
        Batch batch = new Batch(events, endpoint, lastStart, refused);
        batch.send();
        int handled = batch.handledPrefix();
        // The place moves past every event handled (sent or parked) with none unhandled before it; what lies
        // beyond is read again next round, and its deliveries made this round are then repeated (at least once).
        FeedPosition cursor = handled == 0 ? d.cursor() : events.get(handled - 1).at();
        outcomes.addAll(batch.outcomes(handled));
        List<LoggedEvent> parked = batch.parked(handled);
        if (outcomes.isEmpty() && parked.isEmpty() && cursor.equals(d.cursor())) {
            return false;
        }
        deliveries.commit(d, owner, outcomes, parked, cursor);
        outcomes.forEach(listener::recorded);
        return true;
    }

    /** The new events of one round, sent in lanes by object. */
    private final class Batch {
        private final List<LoggedEvent> events;
        private final WebhookEndpoint endpoint;
        private final Instant lastStart;
        private final Optional<String> refused;
        /** By index in {@code events}: what became of each wanted event (absent: not handled). */
        private final Map<Integer, Outcome> sent = new ConcurrentHashMap<>();
        private final Map<Integer, Boolean> parked = new ConcurrentHashMap<>();
        private volatile boolean gone;

        Batch(List<LoggedEvent> events, WebhookEndpoint endpoint, Instant lastStart, Optional<String> refused) {
            this.events = events;
            this.endpoint = endpoint;
            this.lastStart = lastStart;
            this.refused = refused;
        }

        /** Up to {@link #LANES} lanes at a time, each taking the next waiting lane when it is done. */
        void send() {
            Map<String, List<Integer>> lanes = new LinkedHashMap<>();
            for (int i = 0; i < events.size(); i++) {
                if (endpoint.wants(events.get(i).type())) {
                    lanes.computeIfAbsent(events.get(i).objectId(), k -> new ArrayList<>()).add(i);
                }
            }
            Queue<List<Integer>> waiting = new ConcurrentLinkedQueue<>(lanes.values());
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (int r = 0; r < Math.min(LANES, lanes.size()); r++) {
                running.add(nextLane(waiting));
            }
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        }

        private CompletableFuture<Void> nextLane(Queue<List<Integer>> waiting) {
            List<Integer> lane = waiting.poll();
            return lane == null ? DONE : lane(lane, 0, false).thenCompose(ignored -> nextLane(waiting));
        }

        /** One object's events in order; after a failure the rest wait for their retry instead of a timeout each. */
        private CompletableFuture<Void> lane(List<Integer> indexes, int at, boolean failed) {
            if (at == indexes.size() || stopping || gone || deliveries.clock().instant().isAfter(lastStart)) {
                return DONE;
            }
            int i = indexes.get(at);
            if (failed) {
                parked.put(i, true);
                return lane(indexes, at + 1, true);
            }
            CompletableFuture<Outcome> outcome = refused.isPresent()
                    ? CompletableFuture.completedFuture(sender.notSent(events.get(i), 1, false, refused.get()))
                    : sender.send(endpoint, events.get(i), 1, false);
            return outcome.thenCompose(o -> {
                sent.put(i, o);
                if (o.gone()) {
                    gone = true;
                    return DONE;
                }
                return lane(indexes, at + 1, !o.delivered());
            });
        }

        /** How many events from the start are handled: wanted ones sent (not refused with 410) or parked. */
        int handledPrefix() {
            for (int i = 0; i < events.size(); i++) {
                boolean wanted = endpoint.wants(events.get(i).type());
                Outcome o = sent.get(i);
                boolean handled = !wanted || parked.containsKey(i) || (o != null && !o.gone());
                if (!handled) {
                    return i;
                }
            }
            return events.size();
        }

        /**
         * The attempts to record: every one within the handled prefix, the 410 that ended it, and deliveries beyond
         * it that succeeded. A failure beyond it gets no retry of its own, since the event is read and sent again.
         */
        List<Outcome> outcomes(int handled) {
            List<Outcome> out = new ArrayList<>();
            sent.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                if (e.getKey() < handled || e.getValue().delivered() || e.getValue().gone()) {
                    out.add(e.getValue());
                }
            });
            return out;
        }

        List<LoggedEvent> parked(int handled) {
            return parked.keySet().stream().filter(i -> i < handled).sorted().map(events::get).toList();
        }
    }

    private void releaseQuietly(Key key) {
        try {
            deliveries.release(key, owner);
        } catch (RuntimeException e) {
            log.debug("releasing the lease on {} failed; it expires by itself", key.id(), e);
        }
    }

    /**
     * Stops looking for work, aborts the deliveries in flight (recorded as failed and tried again later), lets each
     * worker record its batch, and waits briefly. Workers are interrupted only if they do not finish: an interrupt
     * in the middle of a query breaks the database connection it ran on.
     */
    @Override
    public void close() {
        stopping = true;
        supervisor.shutdownNow();
        sender.close();
        List<Thread> running = List.copyOf(workers.values());
        try {
            for (Thread t : running) {
                if (!t.join(Duration.ofSeconds(5))) {
                    t.interrupt();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
