package dev.roster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.domain.ExpressCustomer;
import dev.roster.domain.Metadata;
import dev.roster.testing.Engine;
import dev.roster.testing.Latches;
import dev.roster.testing.Storage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Lookups of single customers that PostgreSQL answers together, one query per batch, each for its own tenant. */
class BatchedLookupsTest {
    private final ExpressCustomerStore store = new ExpressCustomerStore(ExpressCustomerCache.NONE, Dialect.POSTGRES);

    @Test
    void concurrentLookupsShareQueriesAndEachGetsItsOwnOrganizationsRow() throws Exception {
        Storage storage = Storage.fresh(Engine.POSTGRES);
        try (Database db = Database.open(storage.databaseUrl(), storage.dataDir())) {
            db.migrate();
            List<ExpressCustomer> customers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                customers.add(customer(i % 2 == 0 ? "org_a" : "org_b", i));
            }
            db.write(h -> {
                h.execute("INSERT INTO organizations (id, name, created_at, version) VALUES"
                        + " ('org_a', 'A', 0, 1), ('org_b', 'B', 0, 1)");
                customers.forEach(c -> store.insert(h, c));
                return null;
            });
            // The first query waits until every other lookup is queued, so those go out together in the next one.
            CountDownLatch inFirstQuery = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            BatchedLookups<ExpressCustomerStore.Key, ExpressCustomer> lookups =
                    db.<ExpressCustomerStore.Key, ExpressCustomer>batched("test-lookups", (connection, keys) -> {
                        if (inFirstQuery.getCount() > 0) {
                            inFirstQuery.countDown();
                            Latches.awaitQuietly(release);
                        }
                        return store.findMany(connection, keys);
                    }).orElseThrow();
            ExpressCustomer firstOne = customers.get(0);
            var holding = lookups.find(new ExpressCustomerStore.Key(firstOne.organizationId(), firstOne.id()));
            assertThat(inFirstQuery.await(10, TimeUnit.SECONDS)).isTrue();

            List<CompletableFuture<Optional<ExpressCustomer>>> own = new ArrayList<>();
            List<CompletableFuture<Optional<ExpressCustomer>>> foreign = new ArrayList<>();
            for (ExpressCustomer c : customers) {
                own.add(lookups.find(new ExpressCustomerStore.Key(c.organizationId(), c.id())));
                String other = c.organizationId().equals("org_a") ? "org_b" : "org_a";
                foreign.add(lookups.find(new ExpressCustomerStore.Key(other, c.id())));
            }
            release.countDown();

            for (int i = 0; i < customers.size(); i++) {
                assertThat(own.get(i).get(10, TimeUnit.SECONDS)).contains(customers.get(i));
                assertThat(foreign.get(i).get(10, TimeUnit.SECONDS)).as("another organization's customer").isEmpty();
            }
            assertThat(holding.get(10, TimeUnit.SECONDS)).contains(firstOne);
            assertThat(lookups.queries()).as("the held query, then one for the 100 lookups queued behind it")
                    .isEqualTo(2);

            db.close();
            assertThatThrownBy(() -> lookups.find(new ExpressCustomerStore.Key("org_a", customers.get(0).id()))
                    .get(10, TimeUnit.SECONDS)).hasMessageContaining("the database is closed");
        }
    }

    @Test
    void aLookupIsAnsweredOnTheExecutorItNames() throws Exception {
        Storage storage = Storage.fresh(Engine.POSTGRES);
        ExecutorService answerHere = Executors.newSingleThreadExecutor(r -> new Thread(r, "answer-here"));
        try (Database db = Database.open(storage.databaseUrl(), storage.dataDir())) {
            var key = oneCustomer(db);
            var lookups = db.batched("test-lookups", store::findMany).orElseThrow();
            CompletableFuture<String> answeredOn = new CompletableFuture<>();
            lookups.find(key, answerHere).whenComplete((found, failure) ->
                    answeredOn.complete(found.isPresent() ? Thread.currentThread().getName() : "not found"));
            assertThat(answeredOn.get(10, TimeUnit.SECONDS)).isEqualTo("answer-here");
        } finally {
            answerHere.shutdownNow();
        }
    }

    @Test
    void lookupsFromManyThreadsAreAllAnsweredWhetherTheLaneWaitsOrWorks() throws Exception {
        Storage storage = Storage.fresh(Engine.POSTGRES);
        try (Database db = Database.open(storage.databaseUrl(), storage.dataDir())) {
            var key = oneCustomer(db);
            var lookups = db.batched("test-lookups", store::findMany).orElseThrow();
            // One caller at a time: the lane runs dry and parks after every lookup, and the next one arrives just
            // as it does. A lost wake-up leaves that lookup unanswered, with nobody else to wake the lane.
            for (int i = 0; i < 3_000; i++) {
                assertThat(lookups.find(key).get(10, TimeUnit.SECONDS)).isPresent();
            }
            // Many callers: the lane also parks while others keep queueing.
            List<CompletableFuture<Integer>> callers = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < 8; t++) {
                    callers.add(CompletableFuture.supplyAsync(() -> {
                        int found = 0;
                        for (int i = 0; i < 300; i++) {
                            var pending = new ArrayList<CompletableFuture<Optional<ExpressCustomer>>>();
                            for (int j = 0; j <= i % 4; j++) {
                                pending.add(lookups.find(key));
                            }
                            for (var p : pending) {
                                found += p.orTimeout(10, TimeUnit.SECONDS).join().isPresent() ? 1 : 0;
                            }
                        }
                        return found;
                    }, threads));
                }
                for (var caller : callers) {
                    assertThat(caller.get(60, TimeUnit.SECONDS)).isEqualTo(750);
                }
            }
        }
    }

    @Test
    void aDatabaseThatStopsAnsweringFailsTheBatchAsUnavailableAndTheNextBatchGoesOn() throws Exception {
        Storage storage = Storage.fresh(Engine.POSTGRES);
        try (Database db = Database.open(storage.databaseUrl(), storage.dataDir())) {
            long stallSeconds = PostgresPools.LANE_READ_TIMEOUT.toSeconds() + 5;
            BatchedLookups<String, String> lookups = db.<String, String>batched("test-stall", (connection, keys) -> {
                // The first batch's answer never comes in time, as from a database that went silent.
                String sql = keys.contains("stall") ? "SELECT pg_sleep(" + stallSeconds + ")" : "SELECT 1";
                try (var statement = connection.createStatement()) {
                    statement.execute(sql);
                }
                return java.util.Map.of(keys.getFirst(), "answered");
            }).orElseThrow();
            long started = System.nanoTime();
            assertThatThrownBy(() -> lookups.find("stall").get(60, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(dev.roster.domain.DomainError.class)
                    .hasMessageContaining("ROSTER-DATABASE-UNAVAILABLE");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
                    .isLessThan(java.time.Duration.ofSeconds(stallSeconds));
            assertThat(lookups.find("next").get(10, TimeUnit.SECONDS)).contains("answered");
        }
    }

    @Test
    void theLaneKeepsOnePlanForItsQuery() throws Exception {
        Storage storage = Storage.fresh(Engine.POSTGRES);
        try (Database db = Database.open(storage.databaseUrl(), storage.dataDir())) {
            BatchedLookups<String, String> settings = db.<String, String>batched("test-settings", (connection, names) -> {
                try (var statement = connection.createStatement();
                     var rs = statement.executeQuery("SHOW " + names.getFirst())) {
                    rs.next();
                    return java.util.Map.of(names.getFirst(), rs.getString(1));
                }
            }).orElseThrow();
            assertThat(settings.find("plan_cache_mode").get(10, TimeUnit.SECONDS)).contains("force_generic_plan");
        }
    }

    @Test
    void sqliteReadsNeedNoBatches() {
        Storage storage = Storage.fresh(Engine.SQLITE);
        try (Database db = Database.open(storage.databaseUrl(), storage.dataDir())) {
            assertThat(db.batched("none", store::findMany)).isEmpty();
        }
    }

    /** A migrated database with one organization and one customer in it: that customer's key. */
    private ExpressCustomerStore.Key oneCustomer(Database db) {
        db.migrate();
        ExpressCustomer c = customer("org_a", 1);
        db.write(h -> {
            h.execute("INSERT INTO organizations (id, name, created_at, version) VALUES ('org_a', 'A', 0, 1)");
            store.insert(h, c);
            return null;
        });
        return new ExpressCustomerStore.Key("org_a", c.id());
    }

    private static ExpressCustomer customer(String org, int n) {
        Instant at = Instant.ofEpochMilli(1_700_000_000_000L + n);
        return new ExpressCustomer(org, String.format("cus_%032x", n), "Customer " + n, true, 0, Metadata.EMPTY, at,
                at, null, null, 1);
    }
}
