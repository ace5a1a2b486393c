package dev.roster.http;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.grpc.HttpJsonTranscodingOptions;
import dev.roster.proto.zitadel.session.v2.SessionServiceGrpc;
import dev.roster.proto.zitadel.user.v2.UserServiceGrpc;
import org.slf4j.LoggerFactory;

/**
 * Sets Armeria's defaults for Roster ({@link #serverDefaults}) and initializes the HTTP edge's slowest classes on
 * threads of their own while start-up opens and migrates the database, the way Spring Boot's background pre-initializer does. Measured on one start (wall-clock profile): the
 * first {@code HttpJsonTranscodingOptions} generates a JSON marshaller for gRPC error details with ByteBuddy
 * (~0.25 s), and the first server builder reads Armeria's flags and probes Netty's transports and OpenSSL
 * (~0.17 s). A class is initialized once whichever thread gets there first, so the server built later finds
 * these ready, or waits for the one thread already doing it.
 */
public final class EdgePreloader {
    private EdgePreloader() {
    }

    /** Two threads: the marshaller alone takes longer than everything else here. */
    public static void startInBackground() {
        serverDefaults();
        preloadOn("roster-edge-preload-json", HttpJsonTranscodingOptions::of);
        preloadOn("roster-edge-preload-server", () -> {
            Server.builder();
            UserServiceGrpc.getServiceDescriptor();
            SessionServiceGrpc.getServiceDescriptor();
        });
    }

    private static void preloadOn(String name, Runnable work) {
        Thread.ofPlatform().daemon().name(name).start(() -> {
            try {
                work.run();
            } catch (RuntimeException | LinkageError e) {
                // Whatever fails here fails again where the server uses it, and is reported there.
                LoggerFactory.getLogger(EdgePreloader.class).debug("preloading the HTTP edge failed", e);
            }
        });
    }

    /**
     * Armeria defaults that suit Roster's traffic; an operator's own {@code -Dcom.linecorp.armeria.*} setting wins.
     * <ul>
     * <li>Roster serves plain HTTP and leaves TLS to the proxy in front of it, so Armeria need not find, unpack and
     * load Netty's OpenSSL binding at start-up (~0.1 s).
     * <li>No route caches: they remember the route of each exact path, and Roster's paths carry ids
     * ({@code /v1/express/cus_…}), so under load every request missed, inserted and evicted. Measured on get over
     * 10k customers, c64: 85 -> 60 us of server CPU a request, 17.6k -> 23.6k req/s. Matching the route itself
     * is a lookup in Armeria's route tree either way.
     * </ul>
     */
    static void serverDefaults() {
        defaultTo("com.linecorp.armeria.tlsEngineType", "jdk");
        defaultTo("com.linecorp.armeria.routeCacheSpec", "off");
        defaultTo("com.linecorp.armeria.routeDecoratorCacheSpec", "off");
    }

    private static void defaultTo(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
