package dev.roster.cli;

import dev.roster.Main;
import dev.roster.app.ApiKeys;
import dev.roster.app.PasswordHasher;
import dev.roster.app.RateLimit;
import dev.roster.app.Roster;
import dev.roster.app.WebhookSettings;
import dev.roster.concurrent.PlatformThreads;
import dev.roster.http.PublicUrl;
import dev.roster.http.RosterServer;
import dev.roster.http.WireEventData;
import dev.roster.store.Database;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the server until SIGTERM or Ctrl-C.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "${env:ROSTER_PORT:-8080}",
            description = "Port for REST, gRPC and gRPC-Web (env ROSTER_PORT, default 8080; 0 picks a free one).")
    int port;

    @Option(names = "--public-url", defaultValue = "${env:ROSTER_PUBLIC_URL}",
            description = "Base URL people use to reach this server, for the links it hands out "
                    + "(env ROSTER_PUBLIC_URL, default http://localhost:<port>).")
    String publicUrl;

    @Option(names = "--lockout-max-attempts", defaultValue = "${env:ROSTER_LOCKOUT_MAX_ATTEMPTS:-0}",
            description = "Lock a user after this many failed password checks in a row (env "
                    + "ROSTER_LOCKOUT_MAX_ATTEMPTS, default 0: never, as ZITADEL).")
    int lockoutMaxAttempts;

    @Option(names = "--rate-limit", defaultValue = "${env:ROSTER_RATE_LIMIT:-100/s}",
            description = "Requests each API key may make, on every protocol together: N per second, or N/s, N/min, "
                    + "N/h; bursts up to N; off or 0 for no limit. Counted by each server on its own (env "
                    + "ROSTER_RATE_LIMIT, default 100/s).")
    String rateLimit;

    @Option(names = "--password-check-limit", defaultValue = "${env:ROSTER_PASSWORD_CHECK_LIMIT:-10/min}",
            description = "Password checks per user (session creation, password change): N per minute, or N/s, N/min, "
                    + "N/h; off or 0 for no limit. Independent of lockout; counted by each server on its own (env "
                    + "ROSTER_PASSWORD_CHECK_LIMIT, default 10/min).")
    String passwordCheckLimit;

    @Option(names = "--max-connections", defaultValue = "${env:ROSTER_MAX_CONNECTIONS:-" + RosterServer.MAX_CONNECTIONS + "}",
            description = "Open connections this server accepts; beyond them new connections are closed as they "
                    + "arrive (env ROSTER_MAX_CONNECTIONS, default 4096, sized for the launcher's 96 MB heap).")
    int maxConnections;

    @Option(names = "--webhooks-allow-private-targets",
            defaultValue = "${env:ROSTER_WEBHOOKS_ALLOW_PRIVATE_TARGETS:-false}",
            description = "Let webhook endpoints point at loopback, link-local and private addresses (development and "
                    + "tests; refused by default so that API keys cannot reach the server's own network) (env "
                    + "ROSTER_WEBHOOKS_ALLOW_PRIVATE_TARGETS).")
    boolean webhooksAllowPrivateTargets;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws InterruptedException, IOException {
        if (lockoutMaxAttempts < 0) {
            throw new ParameterException(spec.commandLine(), "--lockout-max-attempts must be 0 (off) or more");
        }
        RosterServer.Limits limits = limits();
        RateLimit requests = requestsPerApiKey();
        RateLimit passwordChecks = passwordChecksPerUser();
        try {
            PublicUrl.of(publicUrl, () -> port); // refuse a malformed URL before touching the database
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--public-url: " + e.getMessage());
        }
        Optional<DataDirLock> lock = database.usesSqlite() ? DataDirLock.tryAcquire(database.dataDir) : Optional.empty();
        if (lock.isEmpty() && database.usesSqlite()) {
            System.err.println("roster: another `roster serve` is using " + database.dataDir.toAbsolutePath()
                    + "; one server per data directory (run more replicas on PostgreSQL)");
            return 1;
        }
        Database db = database.connect();
        Roster roster = new Roster(db, Clock.systemUTC(),
                new Roster.Settings(lockoutMaxAttempts, PasswordHasher.standard(), requests, passwordChecks),
                webhooksAllowPrivateTargets ? WebhookSettings.defaults().allowingPrivateTargets()
                        : WebhookSettings.defaults(),
                WireEventData.INSTANCE);
        Optional<String> configuredKey = Optional.ofNullable(System.getenv("ROSTER_BOOTSTRAP_API_KEY"))
                .filter(k -> !k.isBlank());
        // The data is made ready on one thread while the server is built on this one; it listens once both are done.
        CompletableFuture<Optional<ApiKeys.CreatedKey>> dataReady = new CompletableFuture<>();
        Thread.ofPlatform().name("roster-migrate").start(() -> {
            try {
                db.migrate();
                dataReady.complete(roster.organizations().bootstrap(configuredKey));
            } catch (Throwable e) {
                dataReady.completeExceptionally(e);
            }
        });
        RosterServer built = null;
        Optional<ApiKeys.CreatedKey> bootstrap;
        try {
            built = RosterServer.build(roster, new InetSocketAddress(port), publicUrl, limits);
            bootstrap = PlatformThreads.awaitUninterruptibly(dataReady);
        } catch (RuntimeException | Error e) {
            dataReady.handle((created, failure) -> null).join(); // never close the database under a migration
            if (built != null) {
                built.close();
            }
            db.close();
            lock.ifPresent(DataDirLock::release);
            throw e;
        }
        RosterServer server = built.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("roster: shutting down (finishing in-flight requests)");
            server.close();
            db.close();
            lock.ifPresent(DataDirLock::release);
            stopped.countDown();
        }, "roster-shutdown"));

        System.out.println("roster " + Main.version() + " listening on http://0.0.0.0:" + server.port()
                + " (" + database.describe() + ")");
        bootstrap.ifPresent(created -> {
            if (configuredKey.isPresent()) {
                System.out.println("roster: created the default organization; its instance-admin key is ROSTER_BOOTSTRAP_API_KEY");
            } else {
                System.out.println("roster: created the default organization. Its instance-admin API key is shown only now:");
                System.out.println("  " + created.secret());
            }
        });
        System.out.flush();
        stopped.await();
        return 0;
    }

    RosterServer.Limits limits() {
        if (maxConnections < 1) {
            throw new ParameterException(spec.commandLine(), "--max-connections must be 1 or more");
        }
        return RosterServer.Limits.DEFAULTS.withMaxConnections(maxConnections);
    }

    RateLimit requestsPerApiKey() {
        return limit("--rate-limit", rateLimit, Duration.ofSeconds(1));
    }

    RateLimit passwordChecksPerUser() {
        return limit("--password-check-limit", passwordCheckLimit, Duration.ofMinutes(1));
    }

    /** A bare number counts per {@code unit}. */
    private RateLimit limit(String option, String value, Duration unit) {
        try {
            return RateLimit.parse(value, unit);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }
}
