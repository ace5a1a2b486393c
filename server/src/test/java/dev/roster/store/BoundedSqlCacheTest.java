package dev.roster.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.domain.QueryLimits;
import dev.roster.testing.Engine;
import dev.roster.testing.Eventually;
import dev.roster.testing.Storage;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Search SQL is built from the request, so the caches that keep statements must stay bounded by their size. */
class BoundedSqlCacheTest {
    @ParameterizedTest
    @EnumSource(Engine.class)
    void manyDistinctLongStatementsStayWithinTheParseCachesBound(Engine engine) {
        Storage storage = Storage.fresh(engine);
        try (Database db = Database.open(storage.databaseUrl(), storage.dataDir())) {
            db.migrate();
            // Each statement as long as a search at the limits can make, and each one different, as a hostile
            // client would send them: far more than the bound if they were all kept.
            int statements = 400;
            for (int n = 0; n < statements; n++) {
                int values = QueryLimits.MAX_VALUES_PER_REQUEST - n;
                String sql = "SELECT count(*) FROM organizations WHERE id IN ("
                        + String.join(", ", Collections.nCopies(values, "?")) + ")";
                List<String> ids = IntStream.range(0, values).mapToObj(i -> "org_" + i).toList();
                int found = db.read(h -> {
                    var query = h.createQuery(sql);
                    for (int i = 0; i < values; i++) {
                        query.bind(i, ids.get(i));
                    }
                    return query.mapTo(Integer.class).one();
                });
                assertThat(found).isZero();
            }

            BoundedSqlCache.Stats cache = db.parsedSqlCache();
            assertThat(cache.weight()).isPositive().isLessThanOrEqualTo(BoundedSqlCache.MAX_WEIGHT);
            assertThat(cache.entries()).as("older statements were evicted").isLessThan(statements);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void oneOrganizationsSearchesLeaveAReaderForAnother(Engine engine) throws Exception {
        Storage storage = Storage.fresh(engine);
        try (Database db = Database.open(storage.databaseUrl(), storage.dataDir())) {
            Semaphore running = new Semaphore(0);
            Semaphore finish = new Semaphore(0);
            List<Thread> busy = IntStream.range(0, 32).mapToObj(i -> Thread.ofVirtual().start(() ->
                    db.search("org_busy", h -> {
                        running.release();
                        finish.acquireUninterruptibly();
                        return null;
                    }))).toList();
            int share = engine == Engine.SQLITE ? 3 : 15; // every reader connection but one
            Eventually.until(() -> running.availablePermits() == share, "org_busy's share of searches running");

            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(
                    () -> db.search("org_other", h -> h.createQuery("SELECT 7").mapTo(Integer.class).one()),
                    Executors.newVirtualThreadPerTaskExecutor());

            assertThat(other.get(10, TimeUnit.SECONDS)).as("another organization's search").isEqualTo(7);
            assertThat(running.availablePermits()).as("no more of org_busy's searches got in").isEqualTo(share);
            finish.release(32);
            for (Thread t : busy) {
                t.join(10_000);
            }
            assertThat(running.availablePermits()).isEqualTo(32);
        }
    }
}
