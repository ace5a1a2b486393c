package dev.roster.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** One HTTP answer: status, headers (names lowercase), body text, and the body as JSON when it is JSON. */
public record Reply(int status, Map<String, List<String>> headers, String body) {
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().getFirst();
            }
        }
        return null;
    }

    public JsonNode json() {
        try {
            return Http.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (status " + status + "): " + body, e);
        }
    }

    /** The stable error ID of an error body: {@code details[0].id}. */
    public String errorId() {
        return json().path("details").path(0).path("id").asText(null);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
