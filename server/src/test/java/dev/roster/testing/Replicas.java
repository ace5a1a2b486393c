package dev.roster.testing;

import dev.roster.app.WebhookSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Several Roster servers on one database, as replicas behind a load balancer are: each has its own pool, caches
 * and port, and nothing but the database in common. On SQLite, whose file belongs to one server, there is one.
 */
public final class Replicas implements AutoCloseable {
    private final List<TestServer> servers;

    private Replicas(List<TestServer> servers) {
        this.servers = servers;
    }

    /**
     * {@code count} replicas (one on SQLite) on a fresh database, started at the same moment: the first start of
     * an instance (migrations, the default organization) is itself a race between them.
     */
    public static Replicas start(Engine engine, int count) {
        return start(engine, count, TestServer::start);
    }

    /** As {@link #start(Engine, int)}, with webhook settings of their own (loopback receivers, a fast schedule). */
    public static Replicas start(Engine engine, int count, WebhookSettings webhooks) {
        return start(engine, count, storage -> TestServer.start(storage, webhooks));
    }

    private static Replicas start(Engine engine, int count, Function<Storage, TestServer> server) {
        Storage storage = Storage.fresh(engine);
        int n = engine == Engine.SQLITE ? 1 : count;
        List<Supplier<TestServer>> starts = Collections.nCopies(n, () -> server.apply(storage));
        List<CompletableFuture<TestServer>> starting = Race.together(starts);
        List<TestServer> started = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<TestServer> s : starting) {
            try {
                started.add(s.join());
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            started.forEach(TestServer::close);
            throw failure;
        }
        return new Replicas(started);
    }

    public int size() {
        return servers.size();
    }

    public TestServer get(int i) {
        return servers.get(i);
    }

    /** The admin client of replica {@code i % size}: requests spread over the replicas as a load balancer would. */
    public Http admin(int i) {
        return servers.get(Math.floorMod(i, servers.size())).http().as(TestServer.ADMIN_KEY);
    }

    @Override
    public void close() {
        try {
            EventLogChecks.assertOneEventPerAggregateVersion(servers.get(0).database());
        } finally {
            // Side by side: each stop waits out its event loops' quiet period.
            servers.parallelStream().forEach(TestServer::close);
        }
    }
}
