package dev.todo.web.time;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats instants for people, in their own time zone: "Today 14:30", "Tomorrow 09:00", "Fri 6 Dec 18:00". */
@Named
@RequestScoped
public class Times {

    /** Due within this long counts as due soon. */
    static final Duration SOON = Duration.ofHours(24);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY_OTHER_YEAR =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    @Inject
    UserZone userZone;

    Clock clock = Clock.systemUTC();

    public String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime at = instant.atZone(userZone.zone());
        LocalDate today = LocalDate.now(clock.withZone(userZone.zone()));
        LocalDate day = at.toLocalDate();
        if (day.equals(today)) {
            return "Today " + TIME.format(at);
        }
        if (day.equals(today.plusDays(1))) {
            return "Tomorrow " + TIME.format(at);
        }
        if (day.equals(today.minusDays(1))) {
            return "Yesterday " + TIME.format(at);
        }
        return (day.getYear() == today.getYear() ? THIS_YEAR : OTHER_YEAR).format(at);
    }

    /** A due time as the quick-add chips show it: a day named without a time shows only the day. */
    public String dueLabel(Instant instant, boolean withTime) {
        if (withTime) {
            return format(instant);
        }
        ZonedDateTime at = instant.atZone(userZone.zone());
        LocalDate today = LocalDate.now(clock.withZone(userZone.zone()));
        LocalDate day = at.toLocalDate();
        if (day.equals(today)) {
            return "today";
        }
        if (day.equals(today.plusDays(1))) {
            return "tomorrow";
        }
        return (day.getYear() == today.getYear() ? WEEKDAY : WEEKDAY_OTHER_YEAR).format(at);
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(userZone.zone()));
    }

    /** Machine-readable form for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public boolean isPast(Instant instant) {
        return instant != null && instant.isBefore(clock.instant());
    }

    public boolean isSoon(Instant instant) {
        return instant != null
                && !isPast(instant)
                && instant.isBefore(clock.instant().plus(SOON));
    }
}
