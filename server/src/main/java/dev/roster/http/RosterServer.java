package dev.roster.http;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.util.EventLoopGroups;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceBindingBuilder;
import com.linecorp.armeria.server.metric.MetricCollectingService;
import dev.roster.app.Roster;
import dev.roster.http.admin.AdminApi;
import dev.roster.http.console.Console;
import dev.roster.http.v1.EventsApi;
import dev.roster.http.v1.ExpressApi;
import dev.roster.http.v1.StudiesApi;
import dev.roster.http.v1.ViewerUsersApi;
import dev.roster.http.v1.WebhookEndpointsApi;
import dev.roster.http.v2.ZitadelServices;
import dev.roster.webhooks.DeliveryListener;
import dev.roster.webhooks.Dispatcher;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** Roster's one port: every public surface, the health check, the OpenAPI document and the metrics. */
public final class RosterServer implements AutoCloseable {
    static final int MAX_REQUEST_BYTES = 1024 * 1024;
    /** How long a request may take from its first byte to its answer, unless a gRPC call sets its own deadline. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Open connections one server accepts by default; the next are closed as they arrive. Without a bound, enough busy
     * connections fill the heap `./roster` gives the JVM, and the server exits.
     */
    public static final int MAX_CONNECTIONS = 4096;
    /** Concurrent requests on one HTTP/2 connection (SETTINGS_MAX_CONCURRENT_STREAMS, RFC 9113's recommended floor). */
    static final int MAX_STREAMS_PER_CONNECTION = 100;

    /** What one server takes on at once, and how long it gives a request. */
    public record Limits(Duration requestTimeout, int maxConnections) {
        public static final Limits DEFAULTS = new Limits(REQUEST_TIMEOUT, MAX_CONNECTIONS);

        public Limits {
            if (requestTimeout.isNegative() || requestTimeout.isZero() || maxConnections < 1) {
                throw new IllegalArgumentException("limits must be positive: " + requestTimeout + ", " + maxConnections);
            }
        }

        public Limits withRequestTimeout(Duration timeout) {
            return new Limits(timeout, maxConnections);
        }

        public Limits withMaxConnections(int connections) {
            return new Limits(requestTimeout, connections);
        }
    }

    private final Server server;
    /** The event loops, shut down here rather than by Armeria (see {@link #close}). */
    private final EventLoopGroup workers;
    private final Health health;
    private final Roster roster;
    /** Work that would slow start-up down and can wait until the server listens. */
    private final Runnable afterStart;
    private Housekeeping housekeeping;
    private final DeliveryListener webhookMetrics;
    private Dispatcher dispatcher;

    private RosterServer(Server server, EventLoopGroup workers, Health health, Roster roster, Runnable afterStart,
                         DeliveryListener webhookMetrics) {
        this.server = server;
        this.webhookMetrics = webhookMetrics;
        this.workers = workers;
        this.health = health;
        this.roster = roster;
        this.afterStart = afterStart;
    }

    public static RosterServer start(Roster roster, int port) {
        return start(roster, port, null);
    }

    /** {@code publicUrl}: the base of the links Roster hands out; null for {@code http://localhost:<port>}. */
    public static RosterServer start(Roster roster, int port, String publicUrl) {
        return build(roster, new InetSocketAddress(port), publicUrl).start();
    }

    /** On one address only, such as the loopback interface. */
    public static RosterServer start(Roster roster, InetSocketAddress address, String publicUrl) {
        return build(roster, address, publicUrl).start();
    }

    /**
     * Every route and service set up, nothing listening yet and nothing asked of the database: start-up builds this
     * while the database is being migrated, and {@link #start}s it once the data is ready.
     */
    public static RosterServer build(Roster roster, InetSocketAddress address, String publicUrl) {
        return build(roster, address, publicUrl, Limits.DEFAULTS);
    }

    /** With other {@link Limits} than the defaults. */
    public static RosterServer build(Roster roster, InetSocketAddress address, String publicUrl,
                                     Limits limits) {
        AtomicReference<Server> started = new AtomicReference<>();
        PublicUrl links = PublicUrl.of(publicUrl, () -> started.get().activeLocalPort());
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.config().meterFilter(new HttpMetrics());
        DatabaseMetrics.bind(roster.database(), metrics);
        RateLimitMetrics.bind(roster.rateLimits(), metrics);
        WebhookMetrics webhookMetrics = new WebhookMetrics(metrics);
        Health health = new Health(roster.database());
        Authentication authentication = new Authentication(roster.apiKeys());

        EventLoopGroup workers = EventLoopGroups.newEventLoopGroup(Runtime.getRuntime().availableProcessors());
        ServerBuilder sb = Server.builder()
                .http(address)
                .meterRegistry(metrics)
                .blockingTaskExecutor(new VirtualThreadExecutor(), true)
                // One event loop per core instead of Armeria's two: nothing blocks on them (JDBC and password
                // hashing run elsewhere), and the extra loops only competed with the SQLite writer for the cores
                // (bench/README.md: in lifecycle + create runs, lifecycle's p99 at 64 connections 15 -> 13.6-14.5 ms).
                .workerGroup(workers, false)
                // ErrorMapping (added last, below) logs every unexpected failure with its request id; Armeria's periodic report of
                // "unlogged" exceptions only repeated ordinary 404s as warnings with stack traces.
                .unloggedExceptionsReportInterval(Duration.ZERO)
                .maxRequestLength(MAX_REQUEST_BYTES)
                .requestTimeout(limits.requestTimeout())
                .maxNumConnections(limits.maxConnections())
                .http2MaxStreamsPerConnection(MAX_STREAMS_PER_CONNECTION)
                // In-flight requests finish; new ones are refused once the quiet period starts.
                .gracefulShutdownTimeout(Duration.ofMillis(500), Duration.ofSeconds(20))
                .decorator(new RequestIds())
                .decorator(MetricCollectingService.newDecorator(HttpMetrics.prefix()));

        sb.route().get("/healthz").build(health);
        sb.route().get("/openapi.json").build(new StaticJson("/openapi.json"));
        ServiceBindingBuilder metricsRoute = sb.route().get("/metrics");
        // Named, or its own series would carry the class name of a lambda, which changes with every build.
        metricsRoute.defaultServiceName("roster.metrics");
        metricsRoute.build((ctx, req) -> HttpResponse.of(HttpStatus.OK, MediaType.PLAIN_TEXT_UTF_8, metrics.scrape()));

        sb.routeDecorator().pathPrefix("/v1/").build(new JsonOnly());
        Idempotency idempotency = new Idempotency(roster.idempotencyKeys());
        RequestRate rate = new RequestRate(roster.rateLimits().requests());
        // Authenticate, then count the request against the key's rate limit: an unknown key is 401, never 429.
        Function<? super HttpService, ? extends HttpService> keyed = s -> s.decorate(rate).decorate(authentication);
        // The last decorator added runs first: the caller's key, then Idempotency-Key for its organization.
        sb.annotatedService().decorator(idempotency).decorator(keyed).build(new ExpressApi(roster.customers()));
        sb.annotatedService().decorator(keyed).build(new AdminApi(roster.organizations(), roster.apiKeys()));
        sb.annotatedService().decorator(idempotency).decorator(keyed).build(new StudiesApi(roster.studies(), links));
        sb.annotatedService().decorator(idempotency).decorator(keyed).build(new ViewerUsersApi(roster.viewerUsers()));
        sb.annotatedService().decorator(keyed).build(new EventsApi(roster.events()));
        sb.annotatedService().decorator(idempotency).decorator(keyed)
                .build(new WebhookEndpointsApi(roster.webhookEndpoints()));
        Runnable afterStart = ZitadelServices.install(sb, roster);
        Console.install(sb, roster, links.https());
        // The first error handler added that answers wins: the v2 services' own (gRPC statuses for gRPC calls), then
        // the JSON body for everything else.
        sb.errorHandler(new ErrorMapping());

        Server server = sb.build();
        started.set(server);
        return new RosterServer(server, workers, health, roster, afterStart, webhookMetrics);
    }

    /** Listens on the port and starts the periodic jobs. */
    public RosterServer start() {
        roster.cursors().prepare();
        roster.console().prepare();
        health.startProbing();
        server.start().join();
        afterStart.run();
        housekeeping = new Housekeeping();
        // A key revoked by the CLI or another replica stops working here within a second.
        housekeeping.every(Duration.ofSeconds(1), "evicting revoked API keys", roster.apiKeys()::forgetRevokedElsewhere);
        dispatcher = new Dispatcher(roster.webhookDeliveries(), webhookMetrics).start();
        return this;
    }

    public int port() {
        return server.activeLocalPort();
    }

    /** Graceful: health turns 503, in-flight requests finish, then the port closes. */
    @Override
    public void close() {
        health.stopping();
        if (housekeeping != null) {
            housekeeping.close();
        }
        if (dispatcher != null) {
            dispatcher.close();
        }
        server.stop().join();
        // Nothing runs on the loops once the server stopped, so Netty's default wait for a quiet moment (2 s) would
        // only delay the exit. (Armeria still waits that long for its own boss loop.)
        workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        health.close();
    }
}
