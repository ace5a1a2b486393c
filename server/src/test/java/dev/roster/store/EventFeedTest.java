package dev.roster.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.domain.Actor;
import dev.roster.domain.DomainEvent;
import dev.roster.domain.EventFilter;
import dev.roster.domain.FeedPosition;
import dev.roster.domain.LoggedEvent;
import dev.roster.testing.Engine;
import dev.roster.testing.Storage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The events feed never skips an event that commits late and never repeats one, with writers on two replicas. */
class EventFeedTest {
    private static final String ORG = "org_feed";
    private final EventLog log = new EventLog();

    @Test
    void anEventThatCommitsAfterALaterOneIsReadBeforeItNotSkipped() {
        Storage storage = Storage.fresh(Engine.POSTGRES);
        try (Database first = Database.open(storage.databaseUrl(), storage.dataDir());
             Handle slow = Jdbi.create(storage.databaseUrl()).open()) {
            first.migrate();
            EventFeed feed = new EventFeed(first.dialect());
            // The slow transaction takes the smaller position, then holds its COMMIT back. It runs on a handle of its
            // own: the writer's batches insert their events together just before their COMMIT (PendingInserts),
            // which leaves this window narrower but still open.
            slow.begin();
            append(slow, "slow");
            first.write(h -> append(h, "fast"));

            assertThat(positionOrder(first)).as("what a reader following positions alone sees now")
                    .containsExactly("fast");
            assertThat(objects(first.read(h -> feed.after(h, ORG, FeedPosition.START, EventFilter.ALL, 100))))
                    .as("the feed waits for the older transaction").isEmpty();

            slow.commit();
            assertThat(objects(first.read(h -> feed.after(h, ORG, FeedPosition.START, EventFilter.ALL, 100))))
                    .containsExactly("slow", "fast");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aReaderPollingWhileTwoReplicasWriteSeesEveryEventOnce(Engine engine) throws Exception {
        Storage storage = Storage.fresh(engine);
        int writers = 8;
        int writesEach = 1_250;
        try (Database first = Database.open(storage.databaseUrl(), storage.dataDir());
             Database second = engine == Engine.POSTGRES
                     ? Database.open(storage.databaseUrl(), storage.dataDir()) : first;
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            first.migrate();
            EventFeed feed = new EventFeed(first.dialect());
            AtomicBoolean writing = new AtomicBoolean(true);
            Future<List<String>> reader = pool.submit(() -> poll(first, feed, writing, writers * writesEach));
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                Database replica = w % 2 == 0 ? first : second;
                String writer = "w" + w;
                writes.add(pool.submit(() -> {
                    for (int i = 0; i < writesEach; i++) {
                        String object = writer + "-" + i;
                        replica.write(h -> append(h, object));
                    }
                    return null;
                }));
            }
            for (Future<?> w : writes) {
                w.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            List<String> read = reader.get(2, TimeUnit.MINUTES);

            Set<String> distinct = new HashSet<>(read);
            assertThat(read).as("duplicates").hasSameSizeAs(distinct);
            assertThat(distinct).as("every event written, none missed").hasSize(writers * writesEach);
            assertThat(read).as("nothing read twice, nothing missed")
                    .containsExactlyInAnyOrderElementsOf(positionOrder(first));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void filtersByExactTypeByTypePrefixAndByObject(Engine engine) {
        Storage storage = Storage.fresh(engine);
        try (Database db = Database.open(storage.databaseUrl(), storage.dataDir())) {
            db.migrate();
            EventFeed feed = new EventFeed(db.dialect());
            db.write(h -> {
                append(h, "cus_1", "express_customer.created", 1);
                append(h, "cus_1", "express_customer.deactivated", 2);
                append(h, "usr_1", "user.locked", 1);
                append(h, "cus_2", "express_customer.created", 1);
                return null;
            });

            assertThat(types(db, feed, new EventFilter(Optional.of("express_customer.created"), Optional.empty())))
                    .containsExactly("cus_1 express_customer.created", "cus_2 express_customer.created");
            assertThat(types(db, feed, new EventFilter(Optional.of("express_customer.*"), Optional.empty())))
                    .containsExactly("cus_1 express_customer.created", "cus_1 express_customer.deactivated",
                            "cus_2 express_customer.created");
            assertThat(types(db, feed, new EventFilter(Optional.of("user.*"), Optional.of("usr_1"))))
                    .containsExactly("usr_1 user.locked");
            assertThat(types(db, feed, new EventFilter(Optional.empty(), Optional.of("cus_1"))))
                    .containsExactly("cus_1 express_customer.created", "cus_1 express_customer.deactivated");
            List<LoggedEvent> foreign =
                    db.read(h -> feed.after(h, "org_other", FeedPosition.START, EventFilter.ALL, 10));
            assertThat(foreign).as("another organization's feed").isEmpty();
        }
    }

    private static List<String> types(Database db, EventFeed feed, EventFilter filter) {
        return db.read(h -> feed.after(h, ORG, FeedPosition.START, filter, 100)).stream()
                .map(e -> e.objectId() + " " + e.type()).toList();
    }

    /** Follows the feed until writing stopped and {@code expected} events were read (or a pass finds nothing new). */
    private static List<String> poll(Database db, EventFeed feed, AtomicBoolean writing, int expected) {
        List<String> read = new ArrayList<>();
        FeedPosition at = FeedPosition.START;
        while (true) {
            boolean done = !writing.get();
            FeedPosition from = at;
            List<LoggedEvent> page = db.read(h -> feed.after(h, ORG, from, EventFilter.ALL, 500));
            for (LoggedEvent e : page) {
                read.add(e.objectId());
                at = e.at();
            }
            if (done && page.isEmpty()) {
                return read;
            }
            if (read.size() >= expected && done) {
                return read;
            }
        }
    }

    private int append(Handle h, String object) {
        return append(h, object, "test_object.created", 1);
    }

    private int append(Handle h, String object, String type, long version) {
        log.append(h, new DomainEvent(ORG, "test_object", object, version, type, Actor.system(), null,
                "{\"object\":\"" + object + "\"}", Instant.now()));
        return 1;
    }

    private static List<String> positionOrder(Database db) {
        return db.read(h -> h.createQuery("SELECT aggregate_id FROM events WHERE org_id = :org ORDER BY position")
                .bind("org", ORG).mapTo(String.class).list());
    }

    private static List<String> objects(List<LoggedEvent> events) {
        return events.stream().map(LoggedEvent::objectId).toList();
    }
}
