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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /healthz}: 200 while the database answers and the server is not shutting down, else 503. The
 * database is probed twice a second in the background, so a health check never waits on JDBC, load balancers can
 * poll it as often as they like, and an outage shows within a few seconds.
 */
public final class Health implements HttpService, AutoCloseable {
    private static final byte[] OK = Wire.bytes(Map.of("status", "ok"));
    private static final long PROBE_PERIOD_MILLIS = 500;
    private static final Logger log = LoggerFactory.getLogger(Health.class);

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

    /** Asks the database now, and again every {@value #PROBE_PERIOD_MILLIS} ms. */
    void startProbing() {
        databaseAnswers = db.ping();
        probe.scheduleWithFixedDelay(this::probeOnce, PROBE_PERIOD_MILLIS, PROBE_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** One line in the log when the database stops or starts answering, not one for every failed request. */
    private void probeOnce() {
        boolean answers = db.ping();
        if (answers != databaseAnswers) {
            if (answers) {
                log.info("the database answers again");
            } else {
                log.warn("the database does not answer; requests that need it are answered 503 until it does");
            }
        }
        databaseAnswers = answers;
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
