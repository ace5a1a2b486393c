package dev.roster.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.testing.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes requests for the operations an OpenAPI document describes: mostly well-formed ones built from the schemas (so
 * that they get past the first check and reach the rules behind it), each then bent in a few random ways.
 */
final class RequestFuzzer {
    /** One generated request; {@code body} is sent as it is, in the charset its bytes already have. */
    record Request(String method, String path, Map<String, String> headers, byte[] body, String contentType) {
        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + path + " " + headers + " " + contentType + " "
                    + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    /** A documented operation: its method, its path template and the parts that vary. */
    record Operation(String method, String path, List<JsonNode> parameters, JsonNode bodySchema) {
    }

    private static final List<String> ODD_STRINGS = List.of("", " ", "null", "0", "-1", "1e309", "NaN", "true",
            "ü", "\u202etxet", "😀", "a\u0000b", "'; DROP TABLE users; --", "../../etc/passwd", "%00", "${jndi:x}",
            "<script>", "x".repeat(1_001), "9".repeat(40), "cus_" + "0".repeat(32), "usr_" + "f".repeat(32),
            "2026-13-45T99:99:99Z", "\\ud800");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json",
            "application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json; charset=iso-8859-1", "application/grpc", "application/grpc-web", "*/*", ";;;");

    private final JsonNode document;
    private final Random random;
    private final Map<String, List<String>> knownIds;

    /** {@code knownIds}: real ids by path parameter name, so that some requests reach existing objects. */
    RequestFuzzer(JsonNode document, long seed, Map<String, List<String>> knownIds) {
        this.document = document;
        this.random = new Random(seed);
        this.knownIds = knownIds;
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                List<JsonNode> parameters = new ArrayList<>();
                op.getValue().path("parameters").forEach(p -> parameters.add(resolve(p)));
                JsonNode body = op.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), parameters,
                        body.isMissingNode() ? null : resolve(body)));
            }
        }));
        return operations;
    }

    Request next(Operation op) {
        String path = op.path();
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode p : op.parameters()) {
            String name = p.get("name").asText();
            switch (p.path("in").asText()) {
                case "path" -> path = path.replace("{" + name + "}", pathValue(name));
                case "query" -> {
                    if (random.nextInt(3) > 0) {
                        query.append(query.isEmpty() ? "?" : "&").append(encode(name)).append('=')
                                .append(encode(maybeOdd(valueText(resolve(p.path("schema"))))));
                    }
                }
                case "header" -> {
                    if (random.nextInt(3) == 0) {
                        headers.put(name, headerSafe(maybeOdd(valueText(resolve(p.path("schema"))))));
                    }
                }
                default -> {
                }
            }
        }
        if (random.nextInt(8) == 0) {
            query.append(query.isEmpty() ? "?" : "&").append(oddQuery());
        }
        byte[] body = null;
        String contentType = null;
        if (op.bodySchema() != null || random.nextInt(6) == 0) {
            body = body(op.bodySchema());
            contentType = random.nextInt(10) == 0 ? pick(CONTENT_TYPES.subList(3, CONTENT_TYPES.size()))
                    : random.nextInt(12) == 0 ? null : "application/json";
        }
        return new Request(op.method(), path + query, headers, body, contentType);
    }

    private String pathValue(String name) {
        List<String> known = knownIds.getOrDefault(name, List.of());
        if (!known.isEmpty() && random.nextInt(3) > 0) {
            return pick(known);
        }
        return switch (random.nextInt(4)) {
            case 0 -> "%FF%FE"; // not UTF-8 once decoded
            case 1 -> "x".repeat(300);
            default -> encode(pick(ODD_STRINGS));
        };
    }

    private String oddQuery() {
        return switch (random.nextInt(4)) {
            case 0 -> "limit=1&limit=2";
            case 1 -> "cursor=" + encode(pick(ODD_STRINGS));
            case 2 -> "%25zz=%25";
            default -> encode(pick(ODD_STRINGS)) + "=" + encode(pick(ODD_STRINGS));
        };
    }

    private byte[] body(JsonNode schema) {
        return switch (random.nextInt(14)) {
            case 0 -> "{\"truncated\": ".getBytes(StandardCharsets.UTF_8);
            case 1 -> "[".repeat(5_000).getBytes(StandardCharsets.UTF_8);
            case 2 -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            case 3 -> pick(List.of("", "null", "[]", "0", "\"x\"", "{}")).getBytes(StandardCharsets.UTF_8);
            default -> {
                JsonNode value = schema == null ? JsonNodeFactory.instance.objectNode() : value(schema, 0);
                for (int i = random.nextInt(4); i > 0; i--) {
                    value = mutate(value, 0);
                }
                yield Http.JSON.valueToTree(value).toString().getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    /** A value that fits {@code schema}, as far as a test can tell from it. */
    private JsonNode value(JsonNode schema, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        schema = resolve(schema);
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice)) {
                return value(pick(list(schema.get(choice))), depth + 1);
            }
        }
        if (schema.has("allOf")) {
            ObjectNode merged = f.objectNode();
            schema.get("allOf").forEach(part -> {
                if (value(part, depth + 1) instanceof ObjectNode o) {
                    merged.setAll(o);
                }
            });
            return merged;
        }
        if (schema.has("enum")) {
            return pick(list(schema.get("enum")));
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText();
        if (depth > 6) {
            return f.nullNode();
        }
        return switch (type) {
            case "object" -> {
                ObjectNode o = f.objectNode();
                Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (random.nextInt(4) > 0) {
                        o.set(field.getKey(), value(field.getValue(), depth + 1));
                    }
                }
                if (schema.path("additionalProperties").isObject() && random.nextBoolean()) {
                    o.set("k" + random.nextInt(5), value(schema.get("additionalProperties"), depth + 1));
                }
                yield o;
            }
            case "array" -> {
                ArrayNode a = f.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    a.add(value(schema.path("items"), depth + 1));
                }
                yield a;
            }
            case "integer" -> f.numberNode(random.nextInt(5) == 0 ? random.nextLong() : random.nextInt(200));
            case "number" -> f.numberNode(random.nextDouble() * 100);
            case "boolean" -> f.booleanNode(random.nextBoolean());
            case "string" -> f.textNode(stringFor(schema));
            default -> f.nullNode();
        };
    }

    private String stringFor(JsonNode schema) {
        String format = schema.path("format").asText();
        return switch (format) {
            case "date-time" -> "2026-12-0" + (1 + random.nextInt(9)) + "T10:00:00Z";
            case "email" -> "u" + random.nextInt(1_000) + "@example.com";
            default -> {
                if (schema.path("pattern").asText().contains("[0-9]+s")
                        || schema.path("description").asText().toLowerCase().contains("duration")) {
                    yield random.nextInt(100_000) + "s";
                }
                yield "v" + HexFormat.of().toHexDigits(random.nextInt());
            }
        };
    }

    /** The value with one thing bent: a field dropped, added, or given a value of another kind. */
    private JsonNode mutate(JsonNode value, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof ObjectNode o && o.size() > 0 && random.nextInt(3) > 0) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String name = pick(names);
            switch (random.nextInt(3)) {
                case 0 -> o.remove(name);
                case 1 -> o.set(name, mutate(o.get(name), depth + 1));
                default -> o.set(name, oddValue());
            }
            return o;
        }
        if (value instanceof ArrayNode a && !a.isEmpty() && random.nextBoolean()) {
            a.set(random.nextInt(a.size()), mutate(a.get(random.nextInt(a.size())), depth + 1));
            return a;
        }
        if (value instanceof ObjectNode o && random.nextBoolean()) {
            o.set("unknownField" + random.nextInt(3), oddValue());
            return o;
        }
        return depth == 0 && random.nextBoolean() ? value : oddValue();
    }

    private JsonNode oddValue() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(9)) {
            case 0 -> f.nullNode();
            case 1 -> f.numberNode(Long.MAX_VALUE);
            case 2 -> f.numberNode(-1);
            case 3 -> f.numberNode(1e308);
            case 4 -> f.booleanNode(true);
            case 5 -> f.arrayNode().add(pick(ODD_STRINGS));
            case 6 -> f.objectNode().put(pick(ODD_STRINGS), pick(ODD_STRINGS));
            default -> f.textNode(pick(ODD_STRINGS));
        };
    }

    private String maybeOdd(String value) {
        return random.nextInt(4) == 0 ? pick(ODD_STRINGS) : value;
    }

    private String valueText(JsonNode schema) {
        JsonNode v = value(schema, 0);
        return v.isTextual() ? v.asText() : v.toString();
    }

    /** Header values the JDK's client will send: printable ASCII (the raw-bytes cases live in HostileInputTest). */
    private static String headerSafe(String value) {
        StringBuilder sb = new StringBuilder();
        value.codePoints().filter(c -> c >= 0x20 && c < 0x7f).forEach(sb::appendCodePoint);
        return sb.length() > 600 ? sb.substring(0, 600) : sb.toString();
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String[] parts = node.get("$ref").asText().substring(2).split("/");
            JsonNode target = document;
            for (String part : parts) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
