package dev.todo.web.api;

import java.util.List;

/**
 * An {@code application/problem+json} error body (RFC 9457) with the API's field list for validation errors, and the
 * conversation the assistant kept when the model failed, and the report of an import that was refused.
 */
public record Problem(
        String type,
        String title,
        Integer status,
        String detail,
        String instance,
        List<FieldError> errors,
        String conversationId,
        ImportReport report) {

    public List<FieldError> errors() {
        return errors == null ? List.of() : errors;
    }

    /** One invalid field, named as in the request body. */
    public record FieldError(String field, String message) {}
}
