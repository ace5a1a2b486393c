package dev.roster.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.roster.domain.Metadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON text columns: metadata maps and lists of strings. */
final class JsonColumns {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Resolved once: looking the map type up again for every row was a visible part of reading a list page. */
    private static final ObjectReader STRING_MAP = MAPPER.readerFor(new TypeReference<LinkedHashMap<String, String>>() {
    });

    private static final ObjectReader STRINGS = MAPPER.readerFor(new TypeReference<List<String>>() {
    });

    private JsonColumns() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /** Empty metadata is stored as NULL so that "no metadata" has one representation. */
    static String metadata(Metadata metadata) {
        return metadata.isEmpty() ? null : write(metadata.values());
    }

    static Metadata metadata(String column) {
        if (column == null) {
            return Metadata.EMPTY;
        }
        try {
            Map<String, String> values = STRING_MAP.readValue(column);
            return new Metadata(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metadata is not a JSON object of strings", e);
        }
    }

    /** A JSON array of strings, such as a webhook endpoint's event types. */
    static List<String> strings(String column) {
        try {
            return STRINGS.readValue(column);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored value is not a JSON array of strings", e);
        }
    }
}
