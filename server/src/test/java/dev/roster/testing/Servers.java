package dev.roster.testing;

import dev.roster.app.Roster;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One server per engine for a test class, started on first use and stopped after the class. Register it with
 * {@code @RegisterExtension static final Servers servers = new Servers();} and write each test as
 * {@code @ParameterizedTest @EnumSource(Engine.class) void x(Engine engine) { var s = servers.on(engine); … }},
 * so it runs on SQLite and on PostgreSQL.
 */
public final class Servers implements AfterAllCallback {
    private final Map<Engine, TestServer> running = new EnumMap<>(Engine.class);
    private final Roster.Settings settings;

    public Servers() {
        this(Roster.Settings.defaults());
    }

    /** Servers with operator settings that differ from the defaults. */
    public Servers(Roster.Settings settings) {
        this.settings = settings;
    }

    public synchronized TestServer on(Engine engine) {
        return running.computeIfAbsent(engine, e -> TestServer.start(e, settings));
    }

    /** The admin client of the server on {@code engine}. */
    public Http admin(Engine engine) {
        return on(engine).http().as(TestServer.ADMIN_KEY);
    }

    /** A client of a brand-new organization on {@code engine}: its own empty world. */
    public Http newTenant(Engine engine) {
        TestServer server = on(engine);
        return server.http().as(server.newOrganizationKey());
    }

    /** Stops the servers, once their event logs passed the checks that every test must leave true. */
    @Override
    public synchronized void afterAll(ExtensionContext context) {
        try {
            running.values().forEach(server -> EventLogChecks.assertOneEventPerAggregateVersion(server.database()));
        } finally {
            // Side by side: each stop waits out Armeria's quiet periods (about 2.5 s) doing nothing.
            try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
                running.values().forEach(server -> stopping.execute(server::close));
            }
            running.clear();
        }
    }
}
