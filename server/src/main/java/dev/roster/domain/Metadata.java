package dev.roster.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** String-to-string metadata with Avara's limits: at most 50 pairs, keys 1..100, values up to 1000 characters. */
public record Metadata(Map<String, String> values) {
    public static final int MAX_PAIRS = 50;
    public static final int MAX_KEY = 100;
    public static final int MAX_VALUE = 1000;
    public static final Metadata EMPTY = new Metadata(Map.of());

    public Metadata {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Validates the limits and returns the metadata; the field name prefixes each complaint. */
    public static Metadata of(String field, Map<String, String> values) {
        if (values.size() > MAX_PAIRS) {
            throw DomainError.invalidField(field, "at most " + MAX_PAIRS + " pairs are allowed");
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            int keyLength = Text.length(e.getKey());
            if (keyLength < 1 || keyLength > MAX_KEY) {
                throw DomainError.invalidField(field, "keys must be 1 to " + MAX_KEY + " characters long");
            }
            if (Text.length(e.getValue()) > MAX_VALUE) {
                throw DomainError.invalidField(field + "." + e.getKey(),
                        "value must be at most " + MAX_VALUE + " characters long");
            }
        }
        return new Metadata(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
