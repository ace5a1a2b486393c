package dev.roster.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * One delivery as Standard Webhooks describes it (avara-v1.md §5.3): the body {@code {"id","type","data"}} serialized
 * once, signed over exactly those bytes with a fresh timestamp on every attempt, POSTed without following redirects
 * (a redirect could lead past the address check, which runs again right before sending). Armeria's client, on its own
 * event loops, with keep-alive connections pooled per receiver.
 */
final class Sender implements AutoCloseable {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    /** A receiver's answer is read and dropped; one larger than this is a failed delivery. */
    private static final int MAX_ANSWER_BYTES = 1024 * 1024;
    /** What an error text may hold in the attempts log. */
    private static final int MAX_ERROR = 500;

    private final ObjectMapper json = new ObjectMapper();
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

    /** Blocks the calling (virtual) thread until the receiver answered or the delivery failed. */
    Outcome send(WebhookEndpoint endpoint, LoggedEvent event, int attempt, boolean retried) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            Optional<String> refused = guard.refusal(endpoint.url());
            if (refused.isPresent()) {
                error = "not sent: the URL " + refused.get();
            } else {
                status = post(endpoint, event, at).status().code();
            }
        } catch (UnknownHostException e) {
            error = "host cannot be resolved";
        } catch (CompletionException e) {
            error = why(e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException e) {
            error = "delivery failed: " + message(e);
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        return new Outcome(event, attempt, retried, status, truncate(error), millis, at);
    }

    private AggregatedHttpResponse post(WebhookEndpoint endpoint, LoggedEvent event, Instant at) {
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
        return client.execute(headers, HttpData.wrap(body)).aggregate().join();
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

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR);
    }

    /** Ends the requests in flight at once. */
    void abort() {
        factory.close();
    }

    @Override
    public void close() {
        factory.close();
    }
}
