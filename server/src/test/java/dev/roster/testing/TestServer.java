package dev.roster.testing;

import dev.roster.app.Roster;
import dev.roster.app.WebhookSettings;
import dev.roster.http.RosterServer;
import dev.roster.http.WireEventData;
import dev.roster.store.Database;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A real Roster listening on a free loopback port, in this JVM, on a fresh database of either engine. It can be
 * stopped and started again on the same data, which is how restarts are tested.
 */
public final class TestServer implements AutoCloseable {
    /** The instance-admin key of every test server's default organization. */
    public static final String ADMIN_KEY = "sk_test_instance_admin_key_0001";

    private final Storage storage;
    private final Roster.Settings settings;
    private final RosterServer.Limits limits;
    private final WebhookSettings webhooks;
    private Database database;
    private Roster roster;
    private RosterServer server;
    private Http http;

    private TestServer(Storage storage, Roster.Settings settings, RosterServer.Limits limits, WebhookSettings webhooks) {
        this.storage = storage;
        this.settings = settings;
        this.limits = limits;
        this.webhooks = webhooks;
    }

    public static TestServer start(Engine engine) {
        return start(Storage.fresh(engine));
    }

    /** A server whose operator settings (lockout, password hashing cost) differ from the defaults. */
    public static TestServer start(Engine engine, Roster.Settings settings) {
        return start(Storage.fresh(engine), settings);
    }

    /** A server on storage that may already hold data (written by the CLI, or by an earlier server). */
    public static TestServer start(Storage storage) {
        return start(storage, Roster.Settings.defaults());
    }

    public static TestServer start(Storage storage, Roster.Settings settings) {
        return start(storage, settings, RosterServer.Limits.DEFAULTS);
    }

    /** A server that gives up on a request sooner than the default, for tests of slow clients. */
    public static TestServer start(Engine engine, Duration requestTimeout) {
        return start(engine, RosterServer.Limits.DEFAULTS.withRequestTimeout(requestTimeout));
    }

    /** A server with other limits than the defaults (request timeout, open connections). */
    public static TestServer start(Engine engine, RosterServer.Limits limits) {
        return start(Storage.fresh(engine), Roster.Settings.defaults(), limits);
    }

    /** A server whose webhooks may reach loopback receivers, with the retry schedule and windows of {@code webhooks}. */
    public static TestServer start(Storage storage, WebhookSettings webhooks) {
        TestServer s = new TestServer(storage, Roster.Settings.defaults(), RosterServer.Limits.DEFAULTS, webhooks);
        s.startServer();
        return s;
    }

    private static TestServer start(Storage storage, Roster.Settings settings, RosterServer.Limits limits) {
        TestServer s = new TestServer(storage, settings, limits, WebhookSettings.defaults());
        s.startServer();
        return s;
    }

    private void startServer() {
        database = Database.open(storage.databaseUrl(), storage.dataDir());
        database.migrate();
        roster = new Roster(database, Clock.systemUTC(), settings, webhooks, WireEventData.INSTANCE);
        roster.organizations().bootstrap(Optional.of(ADMIN_KEY));
        server = RosterServer.build(roster, new InetSocketAddress(0), null, limits).start();
        http = new Http(URI.create("http://127.0.0.1:" + server.port()));
    }

    /** The secret of a new key of a brand-new organization, made through the admin API. */
    public String newOrganizationKey() {
        Http admin = http.as(ADMIN_KEY);
        Reply org = admin.post("/v1/organizations", Http.json("name", "Test organization"));
        Reply key = admin.post("/v1/organizations/" + org.json().get("organizationId").asText() + "/api-keys",
                Http.json("name", "test"));
        if (key.status() != 200) {
            throw new IllegalStateException("cannot create a key: " + key);
        }
        return key.json().get("key").asText();
    }

    /** Stops gracefully and starts again on the same database, on a new port. */
    public void restart() {
        stopServer();
        startServer();
    }

    public Engine engine() {
        return storage.engine();
    }

    public Storage storage() {
        return storage;
    }

    public Http http() {
        return http;
    }

    public int port() {
        return server.port();
    }

    /** The application behind the server, for checks that have no HTTP surface yet (e.g. study link tokens). */
    public Roster roster() {
        return roster;
    }

    /**
     * Requests the server is still working on, as its request metrics count them: {@code service} is the class that
     * serves them and {@code method} its Java method (the scrape that asks counts under its own service).
     */
    public int requestsInFlight(Class<?> service, String method) {
        String labels = "method=\"" + method + "\",service=\"" + service.getName() + "\"}";
        int n = 0;
        for (String line : http.get("/metrics").body().split("\n")) {
            if (line.startsWith("roster_http_active_requests{") && line.contains(labels)) {
                n += (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return n;
    }

    /** Direct access for assertions on rows and events; tests must not write through it. */
    public Database database() {
        return database;
    }

    private void stopServer() {
        server.close();
        database.close();
    }

    @Override
    public void close() {
        stopServer();
    }

    @Override
    public String toString() {
        return storage.engine().name();
    }
}
