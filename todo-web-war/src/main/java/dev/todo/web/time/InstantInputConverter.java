package dev.todo.web.time;

import jakarta.enterprise.context.Dependent;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Between an {@code <input type="datetime-local">} ({@code 2026-12-24T18:00}, a wall-clock time in the user's zone)
 * and the instant the API stores. A CDI bean (hence {@code @Dependent} and {@code managed}) to read the user's zone.
 */
@Dependent
@FacesConverter(value = "instantInput", managed = true)
public class InstantInputConverter implements Converter<Instant> {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Inject
    UserZone userZone;

    @Override
    public Instant getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).atZone(userZone.zone()).toInstant();
        } catch (DateTimeParseException e) {
            Object label = component.getAttributes().get("label");
            throw new ConverterException(
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR,
                            "Enter the " + (label == null ? "date" : label) + " as a date and a time, like 24 Dec 2026 "
                                    + "18:00.",
                            null),
                    e);
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Instant value) {
        return value == null
                ? ""
                : INPUT.format(value.atZone(userZone.zone()).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES));
    }
}
