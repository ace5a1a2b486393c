package dev.roster.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small JSON client over real HTTP/1.1 for tests. {@link #as(String)} fixes the bearer key; {@link #raw} writes
 * bytes on a socket for requests a well-behaved client refuses to build.
 */
public final class Http {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;
    private final String key;
    private final Map<String, String> headers;

    Http(URI base) {
        this(base, null, Map.of());
    }

    private Http(URI base, String key, Map<String, String> headers) {
        this.base = base;
        this.key = key;
        this.headers = headers;
    }

    public URI base() {
        return base;
    }

    /** The same client, sending {@code Authorization: Bearer <key>} (no header when {@code key} is null). */
    public Http as(String apiKey) {
        return new Http(base, apiKey, headers);
    }

    /** The same client with one more header on every request. */
    public Http with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Http(base, key, more);
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    /** A POST without a body and without Content-Type, as the TypeScript and Java SDKs send bodiless calls. */
    public Reply post(String path) {
        return send("POST", path, null, null);
    }

    public Reply post(String path, Object json) {
        return send("POST", path, json, "application/json");
    }

    public Reply patch(String path, Object json) {
        return send("PATCH", path, json, "application/json");
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Reply delete(String path, Object json) {
        return send("DELETE", path, json, "application/json");
    }

    /**
     * Any method; {@code body} is sent verbatim when it is a String, else serialized as JSON; a null body sends
     * none. {@code contentType} null sends no Content-Type header.
     */
    public Reply send(String method, String path, Object body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        headers.forEach(b::header);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body)));
        return exchange(b);
    }

    private static Reply exchange(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Any method with a body of bytes sent as they are (for bodies that are not UTF-8). */
    public Reply sendBytes(String method, String path, byte[] body, String contentType) {
        return sendBytes(method, path, Map.of(), body, contentType);
    }

    /** Any method, with more headers, and a body of bytes sent as they are; null body or type sends none. */
    public Reply sendBytes(String method, String path, Map<String, String> more, byte[] body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        headers.forEach(b::header);
        more.forEach(b::header);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        return exchange(b);
    }

    /** Writes {@code request} (CRLF line ends expected) on a new connection and returns the raw answer. */
    public String raw(String request) {
        return exchangeRaw(request.getBytes(StandardCharsets.UTF_8), true);
    }

    /**
     * Writes {@code request}'s bytes as they are (header bytes that are not ASCII, which the JDK's client replaces by
     * {@code ?}) and reads until the server closes: the request must say {@code Connection: close}.
     */
    public String raw(byte[] request) {
        return exchangeRaw(request, false);
    }

    private String exchangeRaw(byte[] request, boolean halfClose) {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            if (halfClose) {
                s.shutdownOutput();
            }
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** {@code json("k", v, "k2", v2, …)} as a JSON object; values may be null, strings, numbers, nodes, maps. */
    public static ObjectNode json(Object... pairs) {
        ObjectNode o = object();
        for (int i = 0; i < pairs.length; i += 2) {
            o.set((String) pairs[i], JSON.valueToTree(pairs[i + 1]));
        }
        return o;
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
