package dev.roster.cli;

import dev.roster.app.ApiKeys;
import dev.roster.app.Roster;
import dev.roster.http.RosterServer;
import dev.roster.http.WireEventData;
import dev.roster.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A short run of what {@code serve} does, on a throw-away database and the loopback interface only. The launcher
 * runs it once per build and JDK with the JVM recording what it loads, so that every later start maps the classes
 * ready-made instead of loading them one by one.
 */
@Command(name = "train", hidden = true,
        description = "Start a server on a throw-away database, exercise it briefly and exit (used by ./roster).")
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--rounds", defaultValue = "10", description = "How many times to send each kind of request.")
    int rounds;

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("roster-train");
        try {
            train(dir);
        } finally {
            deleteTree(dir);
        }
        return 0;
    }

    private void train(Path dir) throws IOException {
        try (Database db = Database.sqlite(dir)) {
            db.migrate();
            Roster roster = new Roster(db, Clock.systemUTC(), WireEventData.INSTANCE);
            String key = roster.organizations().bootstrap(Optional.empty())
                    .map(ApiKeys.CreatedKey::secret)
                    .orElseThrow();
            try (RosterServer server = RosterServer.start(
                    roster, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null)) {
                URI base = URI.create("http://127.0.0.1:" + server.port());
                new TrainingRequests(base, key).send(rounds);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
