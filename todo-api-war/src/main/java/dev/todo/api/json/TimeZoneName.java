package dev.todo.api.json;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.todo.api.problem.ProblemException;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * An IANA time zone such as Asia/Karachi, or blank for UTC: the one rule, and with {@link Rule#zone} the one reader,
 * of the time zones that requests and tool arguments name.
 */
@Constraint(validatedBy = TimeZoneName.Rule.class)
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface TimeZoneName {

    String MESSAGE = "must be an IANA time zone such as Asia/Karachi";

    /** Longer than any zone name there is. */
    int MAX_LENGTH = 64;

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Rule implements ConstraintValidator<TimeZoneName, String> {

        public static ZoneId zone(String name) {
            return name == null || name.isBlank() ? ZoneOffset.UTC : ZoneId.of(name.strip());
        }

        /** The zone a name names, UTC for none; a 400 naming the field for a name that is not a zone. */
        public static ZoneId zone(String field, String name) {
            try {
                return zone(name);
            } catch (DateTimeException e) {
                throw ProblemException.invalid(field, MESSAGE);
            }
        }

        @Override
        public boolean isValid(String name, ConstraintValidatorContext context) {
            try {
                zone(name);
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }
    }
}
