package dev.roster.webhooks;

import dev.roster.app.WebhookSettings;
import dev.roster.domain.RetrySchedule;
import dev.roster.testing.Engine;
import dev.roster.testing.Http;
import dev.roster.testing.Storage;
import dev.roster.testing.TestServer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One server per engine for a test class whose webhooks may reach loopback receivers and retry within a second, so
 * that a test of the whole schedule runs in seconds.
 */
final class WebhookServers implements AfterAllCallback {
    /** Retries after 200 ms, twice; then the event is given up. */
    static final RetrySchedule FAST = new RetrySchedule(List.of(Duration.ofMillis(200), Duration.ofMillis(200)));
    static final WebhookSettings SETTINGS = WebhookSettings.defaults().allowingPrivateTargets()
            .withRetries(FAST, Duration.ofDays(5));

    private final Map<Engine, TestServer> running = new EnumMap<>(Engine.class);
    private final WebhookSettings settings;

    WebhookServers() {
        this(SETTINGS);
    }

    WebhookServers(WebhookSettings settings) {
        this.settings = settings;
    }

    synchronized TestServer on(Engine engine) {
        return running.computeIfAbsent(engine, e -> TestServer.start(Storage.fresh(e), settings));
    }

    /** A client of a brand-new organization: its own endpoints and events. */
    Http newTenant(Engine engine) {
        TestServer server = on(engine);
        return server.http().as(server.newOrganizationKey());
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        running.values().parallelStream().forEach(TestServer::close);
        running.clear();
    }
}
