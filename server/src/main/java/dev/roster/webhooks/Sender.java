package dev.roster.webhooks;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.ResponseTimeoutException;
import com.linecorp.armeria.client.UnprocessedRequestException;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.ContentTooLargeException;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import dev.roster.app.TargetGuard;
import dev.roster.app.WebhookDeliveries.Outcome;
import dev.roster.domain.LoggedEvent;
import dev.roster.domain.WebhookEndpoint;
import dev.roster.domain.WebhookSigning;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One delivery as Standard Webhooks describes it (avara-v1.md §5.3): the body {@code {"id","type","data"}} serialized
 * once, signed over exactly those bytes with a fresh timestamp on every attempt, POSTed without following redirects
 * (a redirect could lead past the address check, which runs again before each batch). Armeria's client, on its own
 * event loops, with keep-alive connections pooled per receiver.
 */
final class Sender implements AutoCloseable {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    /** A receiver's answer is read and dropped; one larger than this is a failed delivery. */
    private static final int MAX_ANSWER_BYTES = 1024 * 1024;
    /** What an error text may hold in the attempts log. */
    private static final int MAX_ERROR = 500;

    /**
     * Bodies are written on short-lived virtual threads, where Jackson's default per-thread buffer recycling never
     * recycles: it allocated 10-20 kB of fresh buffers per delivery, half of what delivery allocated in a profile.
     */
    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
            .build());
    private final ClientFactory factory = ClientFactory.builder().connectTimeout(CONNECT_TIMEOUT).build();
    private final WebClient client = WebClient.builder()
            .factory(factory)
            .responseTimeout(REQUEST_TIMEOUT)
            .maxResponseLength(MAX_ANSWER_BYTES)
            .build();
    private final TargetGuard guard;
    private final Clock clock;

    Sender(TargetGuard guard, Clock clock) {
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * Why nothing may be sent to the endpoint now, if so: the address check, made before each batch (it may resolve
     * the host, so it never runs on an event loop).
     */
    Optional<String> refusal(WebhookEndpoint endpoint) {
        try {
            return guard.refusal(endpoint.url()).map(why -> "not sent: the URL " + why);
        } catch (UnknownHostException e) {
            return Optional.of("host cannot be resolved");
        }
    }

    /** The outcome of a delivery not made, for {@code why}. */
    Outcome notSent(LoggedEvent event, int attempt, boolean retried, String why) {
        return new Outcome(event, attempt, retried, null, truncate(why), 0,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Sends without waiting: the answer (or the failure) completes the future on the client's event loop, so a batch
     * needs no thread per delivery in flight.
     */
    CompletableFuture<Outcome> send(WebhookEndpoint endpoint, LoggedEvent event, int attempt, boolean retried) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long started = System.nanoTime();
        CompletableFuture<AggregatedHttpResponse> answer;
        try {
            answer = post(endpoint, event, at);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.handle((response, failure) -> {
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            Integer status = failure == null ? response.status().code() : null;
            String error = failure == null ? null : truncate(why(unwrap(failure)));
            return new Outcome(event, attempt, retried, status, error, millis, at);
        });
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
    }

    private CompletableFuture<AggregatedHttpResponse> post(WebhookEndpoint endpoint, LoggedEvent event, Instant at) {
        byte[] body = body(event);
        long timestamp = at.getEpochSecond();
        RequestHeaders headers = RequestHeaders.builder(HttpMethod.POST, endpoint.url())
                .contentType(MediaType.JSON_UTF_8)
                .add("user-agent", "Roster-Webhooks")
                .add("webhook-id", event.id())
                .add("webhook-timestamp", Long.toString(timestamp))
                .add("webhook-signature", WebhookSigning.header(endpoint.signingSecrets(at), event.id(), timestamp,
                        body))
                .build();
        return client.execute(headers, HttpData.wrap(body)).aggregate();
    }

    private static String why(Throwable failure) {
        Throwable cause = failure instanceof UnprocessedRequestException u && u.getCause() != null
                ? u.getCause() : failure;
        if (cause instanceof ResponseTimeoutException) {
            return "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
        }
        if (cause instanceof ContentTooLargeException) {
            return "the answer was larger than " + MAX_ANSWER_BYTES + " bytes";
        }
        if (cause instanceof ConnectException || cause instanceof io.netty.channel.ConnectTimeoutException) {
            return "cannot connect: " + message(cause);
        }
        if (cause instanceof UnknownHostException) {
            return "host cannot be resolved";
        }
        return "delivery failed: " + message(cause);
    }

    /** The delivered body; {@code data} goes out as the event log holds it, without being parsed. */
    record Envelope(String id, String type, @JsonRawValue String data) {
    }

    private byte[] body(LoggedEvent event) {
        try {
            return json.writeValueAsBytes(new Envelope(event.id(), event.type(), event.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event's data is always JSON", e);
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR);
    }

    @Override
    public void close() {
        factory.close();
    }
}
