package dev.roster.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import dev.roster.domain.Code;
import dev.roster.domain.DomainError;
import dev.roster.domain.ErrorIds;
import dev.roster.domain.Metadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object request body, read whatever the Content-Type says, with typed access to its fields. Every
 * complaint names the field. Unknown keys are ignored; {@code null} is accepted only where the caller asks for it.
 */
public final class JsonBody {
    private final ObjectNode root;

    private JsonBody(ObjectNode root) {
        this.root = root;
    }

    /** An absent or empty body reads as {@code {}}. */
    public static JsonBody of(AggregatedHttpRequest req) {
        if (req.content().isEmpty()) {
            return new JsonBody(Wire.MAPPER.createObjectNode());
        }
        byte[] bytes = req.content().array();
        Utf8Text.requireUnicodeJson(bytes);
        JsonNode node;
        try {
            node = Wire.MAPPER.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new DomainError(Code.INVALID_ARGUMENT, ErrorIds.MALFORMED_JSON, "Request body is not valid JSON");
        }
        if (node == null || node.isMissingNode()) {
            return new JsonBody(Wire.MAPPER.createObjectNode());
        }
        if (!node.isObject()) {
            throw new DomainError(Code.INVALID_ARGUMENT, ErrorIds.MALFORMED_JSON, "Request body must be a JSON object");
        }
        return new JsonBody((ObjectNode) node);
    }

    public boolean has(String field) {
        return root.has(field);
    }

    public boolean isNull(String field) {
        return root.has(field) && root.get(field).isNull();
    }

    public String requiredString(String field) {
        if (!root.has(field)) {
            throw DomainError.invalidField(field, "value is required");
        }
        return string(field);
    }

    /** The string value of a present field; null and other types are refused. */
    public String string(String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual()) {
            throw DomainError.invalidField(field, "must be a string");
        }
        return value.textValue();
    }

    /** The string value of a field, or null when it is absent; a present null or non-string is refused. */
    public String optionalString(String field) {
        return root.has(field) ? string(field) : null;
    }

    /** The boolean value of a present field; null and other types are refused. */
    public boolean bool(String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.isBoolean()) {
            throw DomainError.invalidField(field, "must be true or false");
        }
        return value.booleanValue();
    }

    /** An array of strings; null, other types and non-string entries are refused. */
    public List<String> strings(String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.isArray()) {
            throw DomainError.invalidField(field, "must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw DomainError.invalidField(field, "must be an array of strings");
            }
            values.add(item.textValue());
        }
        return values;
    }

    /**
     * Metadata as a PATCH sends it (avara-v1.md §6.0 item 6): absent is null (unchanged); {@code null} or {@code {}}
     * is empty (clears); an object replaces.
     */
    public Metadata metadataChange(String field) {
        if (!root.has(field)) {
            return null;
        }
        return isNull(field) ? Metadata.EMPTY : metadata(field);
    }

    /** A metadata object; every value must be a string. */
    public Metadata metadata(String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.isObject()) {
            throw DomainError.invalidField(field, "must be an object of string values");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            if (!e.getValue().isTextual()) {
                throw DomainError.invalidField(field + "." + e.getKey(), "must be a string");
            }
            values.put(e.getKey(), e.getValue().textValue());
        }
        return Metadata.of(field, values);
    }
}
