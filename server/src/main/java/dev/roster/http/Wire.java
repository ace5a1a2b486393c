package dev.roster.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** What goes on the wire: one JSON mapper, one timestamp format, one way to answer with JSON. */
public final class Wire {
    /** UTC, always three fractional digits, {@code Z}: 2024-03-15T14:20:00.000Z. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Wire() {
    }

    public static String timestamp(Instant instant) {
        if (instant == null) {
            return null;
        }
        // A page of 100 customers formats 200 of these; DateTimeFormatter's general machinery was 5 % of a list.
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return TIMESTAMP.format(instant);
        }
        byte[] out = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0',
            '.', '0', '0', '0', 'Z'};
        digits(out, 0, 4, t.getYear());
        digits(out, 5, 2, t.getMonthValue());
        digits(out, 8, 2, t.getDayOfMonth());
        digits(out, 11, 2, t.getHour());
        digits(out, 14, 2, t.getMinute());
        digits(out, 17, 2, t.getSecond());
        digits(out, 20, 3, instant.getNano() / 1_000_000);
        return new String(out, StandardCharsets.US_ASCII);
    }

    private static void digits(byte[] out, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--, value /= 10) {
            out[i] = (byte) ('0' + value % 10);
        }
    }

    public static HttpResponse json(Object body) {
        return json(HttpStatus.OK, body);
    }

    /**
     * 200 with {@code toBody} of {@code result} once it is there. The JSON is written on the request's event loop, not on whichever
     * thread completes {@code body} (the database writer, say, whose time every other write waits for).
     */
    public static <T> HttpResponse json(ServiceRequestContext ctx, CompletionStage<T> result,
                                        Function<? super T, ?> toBody) {
        return HttpResponse.of(result.thenApplyAsync(r -> json(toBody.apply(r)), ctx.eventLoop()));
    }

    public static HttpResponse json(HttpStatus status, Object body) {
        return HttpResponse.of(status, MediaType.JSON_UTF_8, bytes(body));
    }

    public static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + body.getClass().getSimpleName(), e);
        }
    }
}
