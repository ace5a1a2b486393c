package dev.roster.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

/**
 * A webhook receiver on a loopback port, as an integrator runs one: it verifies every delivery with the Standard
 * Webhooks library (the one Avara's Java SDK uses) against the secrets it was told, keeps each delivery, and answers
 * with the status its {@code answer} function gives (200 unless told otherwise).
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One delivery as received: its headers (names lowercase), its raw body, and the secrets it verified with. */
    public record Delivery(Map<String, List<String>> headers, String body, Set<String> verifiedWith, int answered) {
        public String id() {
            return headers.get("webhook-id").getFirst();
        }

        public JsonNode json() {
            try {
                return Http.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String type() {
            return json().get("type").asText();
        }

        public String signature() {
            return headers.get("webhook-signature").getFirst();
        }
    }

    private final HttpServer server;
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile ToIntFunction<Delivery> answer = d -> 200;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", exchange -> {
                try (exchange) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    Map<String, List<String>> headers = new HashMap<>();
                    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
                    Delivery unanswered = new Delivery(headers, body, receiver.verify(body, headers), 0);
                    int status = receiver.answer.applyAsInt(unanswered);
                    receiver.deliveries.add(new Delivery(headers, body, unanswered.verifiedWith(), status));
                    exchange.sendResponseHeaders(status, -1);
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> verify(String body, Map<String, List<String>> headers) {
        Set<String> verified = ConcurrentHashMap.newKeySet();
        for (String secret : secrets) {
            try {
                new Webhook(secret).verify(body, headers);
                verified.add(secret);
            } catch (WebhookVerificationException e) {
                // not signed with this one
            }
        }
        return verified;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** Deliveries signed with {@code secret} verify from now on. */
    public void trust(String secret) {
        secrets.add(secret);
    }

    public List<String> secretsTrusted() {
        return List.copyOf(secrets);
    }

    /** How to answer each delivery from now on. */
    public void answer(ToIntFunction<Delivery> status) {
        this.answer = status;
    }

    public List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    /** The distinct event ids received with a 2xx answer. */
    public Set<String> acknowledged() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        deliveries.stream().filter(d -> d.answered() / 100 == 2).forEach(d -> ids.add(d.id()));
        return ids;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
