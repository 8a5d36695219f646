package dev.todo.api.problem;

import static dev.todo.api.json.SharedJsonProvider.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An RFC 9457 problem detail. Built as JSON-P so that absent members stay absent, whatever the JSON-B settings of
 * the normal responses are.
 */
public record Problem(
        int status, String title, String detail, List<FieldError> errors, Map<String, JsonValue> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(status, title, detail, List.of(), Map.of());
    }

    public static Problem malformedJson() {
        return new Problem(
                400,
                "Malformed JSON",
                "The request body is not valid JSON.",
                List.of(new FieldError("", "not valid JSON")),
                Map.of());
    }

    /** A 500 that gives away nothing internal; the log has the failure under the correlation id it quotes. */
    public static Problem unexpected(Logger log, Throwable failure, String where) {
        String correlationId = UUID.randomUUID().toString();
        log.log(Level.SEVERE, "Unexpected error " + correlationId + " " + where, failure);
        return of(
                        500,
                        "Internal Server Error",
                        "Something went wrong on our side. Quote " + correlationId + " when reporting it.")
                .with("correlationId", JSON.createValue(correlationId));
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem(400, "Invalid request", "Some fields are not valid; see errors.", errors, Map.of());
    }

    public Problem with(String name, JsonValue value) {
        Map<String, JsonValue> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Problem(status, title, detail, errors, more);
    }

    public JsonObject toJson(String instance) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (instance != null) {
            json.add("instance", instance);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            errors.forEach(error -> list.add(
                    JSON.createObjectBuilder().add("field", error.field()).add("message", error.message())));
            json.add("errors", list);
        }
        extensions.forEach(json::add);
        return json.build();
    }

    /** For the servlet filters and the error page, which answer before Jakarta REST runs. */
    public void writeTo(HttpServletResponse response, String instance) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(toJson(instance).toString());
    }

    public Response toResponse(String instance) {
        return Response.status(status).type(MEDIA_TYPE).entity(toJson(instance)).build();
    }
}
