package dev.roster.testing;

import dev.roster.app.Roster;
import dev.roster.http.RosterServer;
import dev.roster.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * A real Roster listening on a free loopback port, in this JVM, on a fresh database of either engine. It can be
 * stopped and started again on the same data, which is how restarts are tested.
 */
public final class TestServer implements AutoCloseable {
    /** The instance-admin key of every test server's default organization. */
    public static final String ADMIN_KEY = "sk_test_instance_admin_key_0001";

    private final Engine engine;
    private final Path dataDir;
    private final String databaseUrl;
    private Database database;
    private RosterServer server;
    private Http http;

    private TestServer(Engine engine, Path dataDir, String databaseUrl) {
        this.engine = engine;
        this.dataDir = dataDir;
        this.databaseUrl = databaseUrl;
    }

    public static TestServer start(Engine engine) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("roster-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = engine == Engine.POSTGRES ? EmbeddedPostgresServer.newDatabase() : null;
        TestServer s = new TestServer(engine, dataDir, url);
        s.startServer();
        return s;
    }

    private void startServer() {
        database = Database.open(databaseUrl, dataDir);
        database.migrate();
        Roster roster = new Roster(database, Clock.systemUTC());
        roster.organizations().bootstrap(Optional.of(ADMIN_KEY));
        server = RosterServer.start(roster, 0);
        http = new Http(URI.create("http://127.0.0.1:" + server.port()));
    }

    /** Stops gracefully and starts again on the same database, on a new port. */
    public void restart() {
        stopServer();
        startServer();
    }

    public Engine engine() {
        return engine;
    }

    public Http http() {
        return http;
    }

    public int port() {
        return server.port();
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
        return engine.name();
    }
}
