package dev.roster.http.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Finds which field of a JSON request made it fail to parse into its message, so that the refusal can name it: the
 * protobuf JSON parser says what was wrong with a value but not where. Each field is parsed again alone, wrapped
 * in the objects above it, with the same parser; the first that fails alone is narrowed down into its object or
 * array. Runs only for requests that already failed.
 */
final class JsonFieldLocator {
    /** Elements of one array tried alone; past them the array itself is named, so a long list costs little. */
    private static final int MAX_ELEMENTS_TRIED = 100;

    private final Predicate<ObjectNode> parses;

    /** {@code parses}: whether a request of this shape parses into the message. */
    JsonFieldLocator(Predicate<ObjectNode> parses) {
        this.parses = parses;
    }

    /** The path of the first field that fails alone ({@code query.limit}, {@code queries[2].inUserIdsQuery}); null if none does. */
    String locate(ObjectNode request) {
        return inObject(request, "", wrapped -> wrapped);
    }

    /** {@code wrap} puts a fragment of this object back where it sits in the whole request. */
    private String inObject(ObjectNode object, String path, Function<ObjectNode, ObjectNode> wrap) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode value = field.getValue();
            Function<JsonNode, ObjectNode> put = v -> wrap.apply(single(field.getKey(), v));
            if (parses.test(put.apply(value))) {
                continue;
            }
            String inner = null;
            if (value instanceof ObjectNode nested) {
                inner = inObject(nested, name, fragment -> put.apply(fragment));
            } else if (value instanceof ArrayNode array) {
                inner = inArray(array, name, put);
            }
            return inner != null ? inner : name;
        }
        return null;
    }

    private String inArray(ArrayNode array, String path, Function<JsonNode, ObjectNode> put) {
        for (int i = 0; i < Math.min(array.size(), MAX_ELEMENTS_TRIED); i++) {
            JsonNode element = array.get(i);
            Function<JsonNode, ObjectNode> alone = v -> put.apply(JsonNodeFactory.instance.arrayNode().add(v));
            if (parses.test(alone.apply(element))) {
                continue;
            }
            String name = path + "[" + i + "]";
            String inner = element instanceof ObjectNode nested ? inObject(nested, name, alone::apply) : null;
            return inner != null ? inner : name;
        }
        return null;
    }

    private static ObjectNode single(String key, JsonNode value) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set(key, value);
        return o;
    }
}
