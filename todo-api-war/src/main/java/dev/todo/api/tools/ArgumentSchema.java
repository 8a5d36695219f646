package dev.todo.api.tools;

import dev.todo.api.problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the tools' argument schemas and checks arguments against them. Only the part of JSON Schema the catalogue
 * uses is supported (type, properties, required, additionalProperties false, enum, format uuid and date-time,
 * length, range and item limits), so the schema a client is shown is exactly the rule that is enforced.
 */
public final class ArgumentSchema {

    private ArgumentSchema() {}

    public static Map<String, Object> object(Map<String, Map<String, Object>> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", Map.copyOf(properties));
        schema.put("required", List.copyOf(required));
        schema.put("additionalProperties", false);
        return schema;
    }

    public static Map<String, Object> string(String description, int minLength, int maxLength) {
        return Map.of("type", "string", "description", description, "minLength", minLength, "maxLength", maxLength);
    }

    public static Map<String, Object> uuid(String description) {
        return Map.of("type", "string", "format", "uuid", "description", description);
    }

    public static Map<String, Object> dateTime(String description, boolean nullable) {
        return Map.of(
                "type",
                nullable ? List.of("string", "null") : "string",
                "format",
                "date-time",
                "description",
                description);
    }

    public static Map<String, Object> oneOf(String description, List<String> values) {
        return Map.of("type", "string", "enum", List.copyOf(values), "description", description);
    }

    public static Map<String, Object> integer(String description, int minimum, int maximum) {
        return Map.of("type", "integer", "description", description, "minimum", minimum, "maximum", maximum);
    }

    public static Map<String, Object> strings(String description, int maxItems, int maxLength) {
        return Map.of(
                "type",
                "array",
                "description",
                description,
                "maxItems",
                maxItems,
                "items",
                Map.of("type", "string", "minLength", 1, "maxLength", maxLength));
    }

    /** Every way the arguments break the schema, each with the path of its field; empty when they fit. */
    public static List<FieldError> violations(Map<String, Object> schema, JsonValue arguments) {
        List<FieldError> errors = new ArrayList<>();
        check(schema, arguments, "", errors);
        return errors;
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> schema, JsonValue value, String path, List<FieldError> errors) {
        Object type = schema.get("type");
        List<String> types = type instanceof List<?> list ? (List<String>) list : List.of((String) type);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (!types.contains("null")) {
                errors.add(new FieldError(path, "must not be null"));
            }
            return;
        }
        String actual = typeOf(value);
        if (!types.contains(actual) && !("integer".equals(actual) && types.contains("number"))) {
            errors.add(new FieldError(path, "must be " + String.join(" or ", types)));
            return;
        }
        switch (actual) {
            case "object" -> checkObject(schema, value.asJsonObject(), path, errors);
            case "string" -> checkString(schema, ((JsonString) value).getString(), path, errors);
            case "integer" -> checkInteger(schema, (JsonNumber) value, path, errors);
            case "array" -> checkArray(schema, value.asJsonArray(), path, errors);
            default -> {}
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkObject(
            Map<String, Object> schema, JsonObject object, String path, List<FieldError> errors) {
        Map<String, Map<String, Object>> properties =
                (Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of());
        for (String name : (List<String>) schema.getOrDefault("required", List.of())) {
            if (!object.containsKey(name)) {
                errors.add(new FieldError(join(path, name), "is required"));
            }
        }
        object.keySet().stream().sorted().forEach(name -> {
            Map<String, Object> property = properties.get(name);
            if (property == null) {
                if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                    errors.add(new FieldError(join(path, name), "unknown field"));
                }
            } else {
                check(property, object.get(name), join(path, name), errors);
            }
        });
    }

    private static void checkString(Map<String, Object> schema, String text, String path, List<FieldError> errors) {
        Object values = schema.get("enum");
        if (values instanceof List<?> allowed && !allowed.contains(text)) {
            errors.add(new FieldError(
                    path,
                    "must be one of "
                            + String.join(
                                    ", ", allowed.stream().map(String::valueOf).toList())));
        }
        if (schema.get("minLength") instanceof Integer min && text.strip().length() < min) {
            errors.add(
                    new FieldError(path, min == 1 ? "must not be blank" : "must be at least " + min + " characters"));
        }
        if (schema.get("maxLength") instanceof Integer max && text.length() > max) {
            errors.add(new FieldError(path, "must be at most " + max + " characters"));
        }
        Object format = schema.get("format");
        if ("uuid".equals(format) && !isUuid(text)) {
            errors.add(new FieldError(path, "must be a task id (a UUID)"));
        }
        if ("date-time".equals(format) && !isDateTime(text)) {
            errors.add(new FieldError(path, "must be an ISO-8601 date-time with offset, e.g. 2026-12-01T09:00:00Z"));
        }
    }

    private static void checkInteger(
            Map<String, Object> schema, JsonNumber number, String path, List<FieldError> errors) {
        Integer min = (Integer) schema.get("minimum");
        Integer max = (Integer) schema.get("maximum");
        BigDecimal value = number.bigDecimalValue();
        if ((min != null && value.compareTo(BigDecimal.valueOf(min)) < 0)
                || (max != null && value.compareTo(BigDecimal.valueOf(max)) > 0)) {
            errors.add(new FieldError(path, "must be from " + min + " to " + max));
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkArray(Map<String, Object> schema, JsonArray array, String path, List<FieldError> errors) {
        if (schema.get("maxItems") instanceof Integer max && array.size() > max) {
            errors.add(new FieldError(path, "must have at most " + max + " items"));
        }
        Map<String, Object> items = (Map<String, Object>) schema.get("items");
        if (items != null) {
            for (int i = 0; i < array.size(); i++) {
                check(items, array.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private static String typeOf(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> ((JsonNumber) value).isIntegral() ? "integer" : "number";
            case TRUE, FALSE -> "boolean";
            case NULL -> "null";
        };
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
