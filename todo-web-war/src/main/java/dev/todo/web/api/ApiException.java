package dev.todo.web.api;

import java.util.Optional;

/** The API answered with an error status; carries its problem document when it sent one. */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Problem problem;
    private final String retryAfter;

    public ApiException(int status, Problem problem, String retryAfter) {
        super("API answered " + status + (problem != null && problem.title() != null ? ": " + problem.title() : ""));
        this.status = status;
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    public Optional<String> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean isUnauthorized() {
        return status == 401;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
