package dev.roster.http;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import dev.roster.testing.Http;
import dev.roster.testing.Reply;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The OpenAPI document shipped in the jar, loaded once, and the checks the contract tests make with it: a real
 * exchange (the request as sent, the response as received) against the operation the document gives for it, and
 * bodies or header values against one of its named components for answers no operation describes (unknown
 * routes, wrong methods). Every verdict comes from the validator library, never from hand-written checks.
 */
final class OpenApiContract {
    static final String RESOURCE = "/openapi.json";

    final String text;
    final OpenAPI api;
    final List<String> parseMessages;
    final OpenApiInteractionValidator validator;
    private final SchemaValidator schemas;
    private final List<Route> routes = new ArrayList<>();

    private OpenApiContract(String text) {
        this.text = text;
        SwaggerParseResult parsed = parse(text);
        this.api = parsed.getOpenAPI();
        this.parseMessages = parsed.getMessages() == null ? List.of() : List.copyOf(parsed.getMessages());
        if (api == null) {
            throw new IllegalStateException("the OpenAPI document does not parse: " + parseMessages);
        }
        // By default the library adds "additionalProperties": false to every object schema that does not say
        // otherwise, which is stricter than JSON Schema and than the document: request bodies may carry unknown
        // keys (avara-v1.md §6.0 item 27). Turned off, the document's own keywords decide; response objects say
        // "additionalProperties": false themselves, so an undocumented response key is still reported.
        LevelResolver levels = LevelResolver.create()
                .withLevel(SchemaValidator.ADDITIONAL_PROPERTIES_KEY, ValidationReport.Level.IGNORE)
                .build();
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(text)
                .withLevelResolver(levels)
                .build();
        this.schemas = new SchemaValidator(api, new MessageResolver(levels));
        api.getPaths().forEach((template, item) -> item.readOperationsMap()
                .forEach((method, op) -> routes.add(new Route(template, method, op))));
    }

    /** Parses an OpenAPI text as the validator does; {@code getMessages()} lists everything the parser objects to. */
    static SwaggerParseResult parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(text, null, options);
    }

    static OpenApiContract load() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new OpenApiContract(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation of the document as {@code operationId}. */
    List<String> operationIds() {
        return routes.stream().map(r -> r.operation.getOperationId()).toList();
    }

    /** The documented operation a method and a path (without query) reach, if any. */
    Optional<String> operationId(String method, String path) {
        return routes.stream()
                .filter(r -> r.method.name().equals(method) && r.pattern.matcher(path).matches())
                .map(r -> r.operation.getOperationId())
                .findFirst();
    }

    /** A component schema by name, as the document defines it. */
    Schema<?> schema(String name) {
        Schema<?> s = api.getComponents().getSchemas().get(name);
        if (s == null) {
            throw new IllegalArgumentException("no schema " + name + " in the document");
        }
        return s;
    }

    /** The schema of a component header by name. */
    Schema<?> headerSchema(String name) {
        var h = api.getComponents().getHeaders().get(name);
        if (h == null) {
            throw new IllegalArgumentException("no header " + name + " in the document");
        }
        return h.getSchema();
    }

    /** A JSON text (a body) against a schema of the document. */
    ValidationReport validateJson(String json, Schema<?> schema) {
        return schemas.validate(() -> Http.JSON.readTree(json), schema, "component");
    }

    /** A header value, always a string on the wire, against a schema of the document. */
    ValidationReport validateText(String value, Schema<?> schema) {
        return schemas.validate(() -> Http.JSON.getNodeFactory().textNode(value), schema, "header");
    }

    ValidationReport validate(Exchange e) {
        return validator.validate(e.request(), e.response());
    }

    ValidationReport validateRequest(Exchange e) {
        return validator.validateRequest(e.request());
    }

    ValidationReport validateResponse(Exchange e) {
        return validator.validateResponse(e.path(), e.request().getMethod(), e.response());
    }

    static String format(ValidationReport report) {
        return SimpleValidationReportFormat.getInstance().apply(report);
    }

    /**
     * Sends one request through {@code http} and keeps what went over the wire on both sides. {@code body} is a
     * JSON node or the raw text; {@code headers} are extra request headers (name, value, …).
     */
    static Exchange exchange(Http http, String apiKey, String method, String pathAndQuery, Object body,
                             String contentType, String... headers) {
        Http client = http.as(apiKey);
        for (int i = 0; i < headers.length; i += 2) {
            client = client.with(headers[i], headers[i + 1]);
        }
        Reply reply = client.send(method, pathAndQuery, body, contentType);
        return new Exchange(method, pathAndQuery, apiKey, body == null ? null : bodyText(body), contentType,
                headerMap(headers), reply);
    }

    private static Map<String, String> headerMap(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static String bodyText(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return Http.JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request as sent and its reply, in the validator's model. */
    record Exchange(String method, String pathAndQuery, String apiKey, String body, String contentType,
                    Map<String, String> headers, Reply reply) {

        String path() {
            int q = pathAndQuery.indexOf('?');
            return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        }

        Request request() {
            SimpleRequest.Builder b = new SimpleRequest.Builder(method, path());
            if (apiKey != null) {
                b.withAuthorization("Bearer " + apiKey);
            }
            if (contentType != null) {
                b.withContentType(contentType);
            }
            headers.forEach(b::withHeader);
            if (body != null) {
                b.withBody(body);
            }
            query().forEach(b::withQueryParam);
            return b.build();
        }

        private Map<String, List<String>> query() {
            String raw = URI.create(pathAndQuery).getRawQuery();
            Map<String, List<String>> params = new LinkedHashMap<>();
            if (raw == null || raw.isEmpty()) {
                return params;
            }
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
            return params;
        }

        SimpleResponse response() {
            SimpleResponse.Builder b = SimpleResponse.Builder.status(reply.status());
            reply.headers().forEach((name, values) -> {
                // The JDK client reports the status line under a pseudo-header name.
                if (!name.startsWith(":")) {
                    b.withHeader(name, values);
                }
            });
            if (reply.body() != null && !reply.body().isEmpty()) {
                b.withBody(reply.body());
            }
            return b.build();
        }

        @Override
        public String toString() {
            return method + " " + pathAndQuery + " -> " + reply;
        }
    }

    private static final class Route {
        final PathItem.HttpMethod method;
        final Operation operation;
        final Pattern pattern;

        Route(String template, PathItem.HttpMethod method, Operation operation) {
            this.method = method;
            this.operation = operation;
            StringBuilder regex = new StringBuilder();
            for (String segment : template.substring(1).split("/", -1)) {
                regex.append('/').append(segment.startsWith("{") ? "[^/]+" : Pattern.quote(segment));
            }
            this.pattern = Pattern.compile(regex.toString());
        }
    }

    static String keys(ValidationReport report) {
        return report.getMessages().stream().map(ValidationReport.Message::getKey).collect(Collectors.joining(","));
    }
}
