package dev.todo.api.json;

import dev.todo.api.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a request DTO with Bean Validation and reports its violations together with the body's type errors. */
@ApplicationScoped
public class RequestValidator {

    @Inject
    Validator validator;

    /** The DTO if every field is fine; otherwise a 400 naming each field at fault. */
    public <T> T valid(JsonInput input, T dto) {
        return report(input, dto, validator.validate(dto));
    }

    /** For partial updates: checks only the fields the body contained. */
    public <T> T validFields(JsonInput input, T dto, Set<String> fields) {
        Set<ConstraintViolation<T>> violations = new HashSet<>();
        fields.forEach(field -> violations.addAll(validator.validateProperty(dto, field)));
        return report(input, dto, violations);
    }

    private <T> T report(JsonInput input, T dto, Set<ConstraintViolation<T>> found) {
        List<FieldError> violations = found.stream()
                .filter(violation ->
                        !input.errors().stream().anyMatch(error -> error.field().equals(field(violation))))
                .map(violation -> new FieldError(field(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        input.failIfInvalid(violations);
        return dto;
    }

    private static String field(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null) {
                return node.getName();
            }
        }
        return "";
    }
}
