package dev.todo.api.tools;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the tools' argument schemas. Every map keeps the order its entries were declared in, so that
 * {@code tools/list} and the tools sent to the model are the same on every start and every replica: diffable, and
 * cacheable by providers. The API's own checks enforce what they state (see {@link TaskTools}).
 */
public final class ArgumentSchema {

    private ArgumentSchema() {}

    public static Map<String, Object> object(Map<String, Map<String, Object>> properties, List<String> required) {
        return ordered(
                "type",
                "object",
                "properties",
                Collections.unmodifiableMap(new LinkedHashMap<>(properties)),
                "required",
                List.copyOf(required),
                "additionalProperties",
                false);
    }

    public static Map<String, Object> string(String description, int minLength, int maxLength) {
        return ordered("type", "string", "description", description, "minLength", minLength, "maxLength", maxLength);
    }

    public static Map<String, Object> uuid(String description) {
        return ordered("type", "string", "format", "uuid", "description", description);
    }

    public static Map<String, Object> dateTime(String description, boolean nullable) {
        return ordered(
                "type",
                nullable ? List.of("string", "null") : "string",
                "format",
                "date-time",
                "description",
                description);
    }

    public static Map<String, Object> oneOf(String description, List<String> values) {
        return ordered("type", "string", "enum", List.copyOf(values), "description", description);
    }

    public static Map<String, Object> integer(String description, int minimum, int maximum) {
        return ordered("type", "integer", "description", description, "minimum", minimum, "maximum", maximum);
    }

    public static Map<String, Object> strings(String description, int maxItems, int maxLength) {
        return ordered(
                "type",
                "array",
                "description",
                description,
                "maxItems",
                maxItems,
                "items",
                ordered("type", "string", "minLength", 1, "maxLength", maxLength));
    }

    /** An unmodifiable map of the given keys and values, in this order. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
