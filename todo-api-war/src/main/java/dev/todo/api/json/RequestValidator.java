package dev.todo.api.json;

import dev.todo.api.problem.FieldError;
import dev.todo.api.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a request DTO or query options with Bean Validation; a 400 names each field at fault, together with the
 * body's type errors.
 */
@ApplicationScoped
public class RequestValidator {

    @Inject
    ValidatorFactory factory;

    private Validator validator;

    /** Requests are plain objects: the default resolver's asking JPA whether each property is loaded costs time. */
    @PostConstruct
    void plainObjectsOnly() {
        validator =
                factory.usingContext().traversableResolver(new PlainObjects()).getValidator();
    }

    /** The DTO if every field is fine; otherwise a 400 naming each field at fault. */
    public <T> T valid(JsonInput input, T dto) {
        return report(input.errors(), dto, validator.validate(dto));
    }

    /** Options read from the query (a {@code @BeanParam}), whose fields are named as the parameters. */
    public <T> T valid(T options) {
        return report(List.of(), options, validator.validate(options));
    }

    /** For partial updates: checks only the fields the body contained. */
    public <T> T validFields(JsonInput input, T dto, Set<String> fields) {
        Set<ConstraintViolation<T>> violations = new HashSet<>();
        fields.forEach(field -> violations.addAll(validator.validateProperty(dto, field)));
        return report(input.errors(), dto, violations);
    }

    /** A field with a type error is not checked further: its value was not read. */
    private static <T> T report(List<FieldError> typeErrors, T dto, Set<ConstraintViolation<T>> found) {
        Set<String> unread = typeErrors.stream().map(FieldError::field).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>(typeErrors);
        found.stream()
                .map(violation -> new FieldError(field(violation), violation.getMessage()))
                .filter(error -> !unread.contains(error.field()))
                .distinct()
                .sorted(Comparator.comparing(FieldError::field))
                .forEach(errors::add);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return dto;
    }

    private static final class PlainObjects implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
            return true;
        }
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
