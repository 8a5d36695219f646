package dev.todo.api.problem;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/** Thrown by services for every outcome a client caused; turned into problem+json by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "Not found", what + " does not exist."));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(Problem.invalid(errors));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException conflict(String detail, String name, JsonValue current) {
        return new ProblemException(Problem.of(409, "Conflict", detail).with(name, current));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "Unauthorized", detail), Map.of("WWW-Authenticate", "Bearer"));
    }
}
