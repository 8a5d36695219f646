package dev.todo.api.json;

import static dev.todo.api.json.SharedJsonProvider.JSON;

import dev.todo.api.problem.FieldError;
import dev.todo.api.problem.Problem;
import dev.todo.api.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a JSON request body field by field and collects every type error with the name of its field, so that a
 * client learns in one 400 response about each field at fault: wrong types, unknown enum values, malformed dates,
 * unknown fields.
 */
public final class JsonInput {

    private final JsonObject object;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonInput(JsonObject object) {
        this.object = object;
    }

    /**
     * Parses a request body, which must be a JSON object; unknown fields are reported. Parsing here rather than in
     * a JAX-RS provider keeps every unreadable body (malformed, nested too deep) a 400 that says so.
     */
    public static JsonInput of(String body, Set<String> knownFields) {
        return of(parse(body), knownFields);
    }

    /**
     * A body for PUT or PATCH, which may be the resource's own representation as the client got it: its read-only
     * members are accepted and ignored, except that an {@code id} must be the resource's own.
     */
    public static JsonInput of(String body, Set<String> knownFields, Set<String> readOnly, UUID id) {
        JsonInput input = of(
                parse(body),
                Stream.concat(knownFields.stream(), readOnly.stream()).collect(Collectors.toSet()));
        UUID sent = input.uuid("id");
        if (sent != null && !sent.equals(id)) {
            input.error("id", "must be " + id + ", the id of what is being changed");
        }
        return input;
    }

    /** Arguments already parsed, as tool calls bring them; they must be a JSON object. */
    public static JsonInput of(JsonValue value, Set<String> knownFields) {
        if (!(value instanceof JsonObject object)) {
            throw ProblemException.invalid("", "must be a JSON object");
        }
        JsonInput input = new JsonInput(object);
        object.keySet().stream()
                .filter(name -> !knownFields.contains(name))
                .sorted()
                .forEach(name -> input.error(name, "unknown field"));
        return input;
    }

    private static JsonValue parse(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("", "a JSON object body is required");
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            throw new ProblemException(Problem.malformedJson());
        }
    }

    public JsonInput required(List<String> fields) {
        fields.stream().filter(field -> !has(field)).forEach(field -> error(field, "is required"));
        return this;
    }

    public boolean has(String field) {
        return object.containsKey(field);
    }

    /** The fields present in the body (explicit nulls included). */
    public Set<String> present() {
        return Set.copyOf(object.keySet());
    }

    public String string(String field) {
        JsonValue value = value(field);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString text) {
            return storable(field, text.getString());
        }
        return error(field, "must be a string");
    }

    public Long wholeNumber(String field) {
        JsonValue value = value(field);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                return error(field, "is out of range");
            }
        }
        return error(field, "must be a whole number");
    }

    public UUID uuid(String field) {
        String text = string(field);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return error(field, "must be a UUID");
        }
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String text = string(field);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        return error(
                field,
                "must be one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    public Instant instant(String field) {
        String text = string(field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return error(field, "must be an ISO-8601 date-time with offset, e.g. 2026-12-01T09:00:00Z");
        }
    }

    public Set<String> strings(String field) {
        JsonValue value = value(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            return error(field, "must be an array of strings");
        }
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonString text) {
                String element = storable(field + "[" + i + "]", text.getString());
                if (element != null) {
                    result.add(element);
                }
            } else {
                error(field + "[" + i + "]", "must be a string");
            }
        }
        return result;
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void failIfInvalid() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors());
        }
    }

    /**
     * PostgreSQL text cannot hold U+0000, and an unpaired surrogate would be stored as '?': both are refused here,
     * so that whatever is accepted is stored exactly as sent.
     */
    private String storable(String field, String text) {
        if (text.indexOf('\u0000') >= 0) {
            return error(field, "must not contain the NUL character (U+0000)");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return error(field, "must be well-formed Unicode text (it has an unpaired surrogate)");
            }
        }
        return text;
    }

    private JsonValue value(String field) {
        JsonValue value = object.get(field);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    private <T> T error(String field, String message) {
        errors.add(new FieldError(field, message));
        return null;
    }
}
