package dev.todo.api.problem;

/** One field at fault in a request, e.g. {@code {"field": "title", "message": "must not be blank"}}. */
public record FieldError(String field, String message) {}
