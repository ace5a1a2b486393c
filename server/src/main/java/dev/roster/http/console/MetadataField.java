package dev.roster.http.console;

import dev.roster.domain.DomainError;
import dev.roster.domain.Metadata;
import java.util.LinkedHashMap;
import java.util.Map;

/** The metadata textarea: one {@code key=value} per line, blank lines ignored. */
final class MetadataField {
    private MetadataField() {
    }

    static Metadata parse(String text) {
        if (text == null || text.isBlank()) {
            return Metadata.EMPTY;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw DomainError.invalidField("metadata", "each line must be key=value");
            }
            values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return Metadata.of("metadata", values);
    }

    static String show(Metadata metadata) {
        StringBuilder sb = new StringBuilder();
        metadata.values().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }
}
