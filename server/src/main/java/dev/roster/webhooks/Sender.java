package dev.roster.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.app.TargetGuard;
import dev.roster.app.WebhookDeliveries.Outcome;
import dev.roster.domain.LoggedEvent;
import dev.roster.domain.WebhookEndpoint;
import dev.roster.domain.WebhookSigning;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One delivery as Standard Webhooks describes it (avara-v1.md §5.3): the body {@code {"id","type","data"}} serialized
 * once, signed over exactly those bytes with a fresh timestamp on every attempt, POSTed without following redirects
 * (a redirect could lead past the address check, which runs again right before sending).
 */
final class Sender implements AutoCloseable {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    /** What an error text may hold in the attempts log. */
    private static final int MAX_ERROR = 500;

    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("roster-webhook-http-", 0).factory());
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(threads)
            .build();
    private final TargetGuard guard;
    private final Clock clock;

    Sender(TargetGuard guard, Clock clock) {
        this.guard = guard;
        this.clock = clock;
    }

    Outcome send(WebhookEndpoint endpoint, LoggedEvent event, int attempt, boolean retried) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            Optional<String> refused = guard.refusal(endpoint.url());
            if (refused.isPresent()) {
                error = "not sent: the URL " + refused.get();
            } else {
                status = post(endpoint, event, at);
            }
        } catch (HttpTimeoutException e) {
            error = "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
        } catch (ConnectException e) {
            error = "cannot connect: " + message(e);
        } catch (UnknownHostException e) {
            error = "host cannot be resolved";
        } catch (IOException e) {
            error = "delivery failed: " + message(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted: the server is stopping";
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        return new Outcome(event, attempt, retried, status, truncate(error), millis,
                at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    private int post(WebhookEndpoint endpoint, LoggedEvent event, Instant at) throws IOException, InterruptedException {
        byte[] body = body(event);
        long timestamp = at.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(REQUEST_TIMEOUT)
                .header("content-type", "application/json")
                .header("user-agent", "Roster-Webhooks")
                .header("webhook-id", event.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigning.header(endpoint.signingSecrets(at), event.id(), timestamp,
                        body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private byte[] body(LoggedEvent event) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", event.id());
        envelope.put("type", event.type());
        envelope.put("data", event.data());
        try {
            return json.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event's data is always JSON", e);
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR);
    }

    /** Ends the requests in flight at once. */
    void abort() {
        client.shutdownNow();
    }

    @Override
    public void close() {
        client.shutdownNow();
        threads.shutdownNow();
    }
}
