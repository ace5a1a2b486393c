package dev.roster.http;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.grpc.HttpJsonTranscodingOptions;
import dev.roster.proto.zitadel.session.v2.SessionServiceGrpc;
import dev.roster.proto.zitadel.user.v2.UserServiceGrpc;
import org.slf4j.LoggerFactory;

/**
 * Initializes the HTTP edge's slowest classes on a thread of its own while start-up opens and migrates the
 * database, the way Spring Boot's background pre-initializer does. Measured on one start (wall-clock profile): the
 * first {@code HttpJsonTranscodingOptions} generates a JSON marshaller for gRPC error details with ByteBuddy
 * (~0.25 s), and the first server builder reads Armeria's flags and probes Netty's transports and OpenSSL
 * (~0.17 s). A class is initialized once whichever thread gets there first, so the server built later finds
 * these ready, or waits for the one thread already doing it.
 */
public final class EdgePreloader {
    private static final String TLS_ENGINE = "com.linecorp.armeria.tlsEngineType";

    private EdgePreloader() {
    }

    /** Two threads: the marshaller alone takes longer than everything else here. */
    public static void startInBackground() {
        plainHttpDefaults();
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
     * Roster serves plain HTTP and leaves TLS to the proxy in front of it, so Armeria need not find, unpack and load
     * Netty's OpenSSL binding at start-up (~0.1 s); an operator's own setting wins.
     */
    static void plainHttpDefaults() {
        if (System.getProperty(TLS_ENGINE) == null) {
            System.setProperty(TLS_ENGINE, "jdk");
        }
    }
}
