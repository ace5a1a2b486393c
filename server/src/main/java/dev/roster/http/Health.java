package dev.roster.http;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.roster.domain.Code;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.store.Database;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /healthz}: 200 while the database answers and the server is not shutting down, else 503. The
 * database is probed once a second in the background, so a health check never waits on JDBC and load balancers
 * can poll it as often as they like.
 */
public final class Health implements HttpService, AutoCloseable {
    private static final byte[] OK = Wire.bytes(Map.of("status", "ok"));

    private final Database db;
    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "roster-health");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean databaseAnswers;
    private volatile boolean stopping;

    /** Asks nothing of the database yet: the server is built while the database is still being migrated. */
    public Health(Database db) {
        this.db = db;
    }

    /** Asks the database now, and again every second. */
    void startProbing() {
        databaseAnswers = db.ping();
        probe.scheduleWithFixedDelay(() -> databaseAnswers = db.ping(), 1, 1, TimeUnit.SECONDS);
    }

    /** From now on the instance reports unhealthy, so load balancers drain it before it stops. */
    public void stopping() {
        stopping = true;
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        if (stopping || !databaseAnswers) {
            String why = stopping ? "Server is shutting down" : "Database does not answer";
            return ErrorMapping.response(ctx, new DomainError(Code.UNAVAILABLE, ErrorIds.UNAVAILABLE, why)).toHttpResponse();
        }
        return HttpResponse.of(com.linecorp.armeria.common.HttpStatus.OK,
                com.linecorp.armeria.common.MediaType.JSON_UTF_8, OK);
    }

    @Override
    public void close() {
        probe.shutdownNow();
    }
}
