package dev.todo.api.transfer;

import dev.todo.api.task.Recurrence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates in Todoist's DATE column, as its export writes them (with "Use relative dates" off) and people type them
 * in English: {@code 2026-03-26}, {@code 2026-03-26 09:00}, {@code 26 Mar 2026}, {@code Mar 26 2026 9am},
 * {@code today}, {@code tomorrow at 17:00}, {@code friday}, and repeats: {@code every day|week|month},
 * {@code daily|weekly|monthly}, {@code every monday}, each with an optional time. A day without a time is due at
 * 23:59 of that day, as quick add has it. Anything else is refused rather than guessed.
 */
final class TodoistDates {

    static final String UNDERSTOOD = "use a date such as 2026-03-26, 26 Mar 2026 09:00, tomorrow at 5pm, or a"
            + " repeat such as every day, every monday at 9am";

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59);
    private static final Pattern TIME =
            Pattern.compile("(?:\\s+(?:at|@))?\\s+(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVERY = Pattern.compile("every\\s+(\\w+)|(daily|weekly|monthly)");
    private static final List<DateTimeFormatter> DAYS = List.of(
            formatter("d MMM uuuu"),
            formatter("d MMMM uuuu"),
            formatter("MMM d uuuu"),
            formatter("MMMM d uuuu"),
            formatter("MMM d, uuuu"),
            formatter("MMMM d, uuuu"),
            formatter("uuuu-MM-dd"));
    private static final Map<String, DayOfWeek> WEEKDAYS = weekdays();

    /** A due time and how it repeats. */
    record Due(Instant dueAt, Recurrence recurrence) {}

    private TodoistDates() {}

    /** The due time the text names, empty when the text is not one of the forms understood. */
    static Optional<Due> parse(String text, ZoneId zone, Instant now) {
        String value = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Optional<OffsetDateTime> exact = exact(value);
        if (exact.isPresent()) {
            return Optional.of(new Due(exact.get().toInstant(), Recurrence.NONE));
        }
        LocalTime time = null;
        Matcher clock = TIME.matcher(" " + value);
        if (clock.find()) {
            Optional<LocalTime> parsed = clock(clock);
            String rest = (" " + value).substring(0, clock.start()).strip();
            if (parsed.isPresent() && !rest.isEmpty()) {
                time = parsed.get();
                value = rest;
            }
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        Matcher every = EVERY.matcher(value);
        if (every.matches()) {
            return repeat(every.group(1) != null ? every.group(1) : every.group(2), time, zone, now);
        }
        Optional<LocalDate> day = day(value, today);
        LocalTime at = time == null ? END_OF_DAY : time;
        return day.map(date -> new Due(ZonedDateTime.of(date, at, zone).toInstant(), Recurrence.NONE));
    }

    private static Optional<Due> repeat(String unit, LocalTime time, ZoneId zone, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime at = time == null ? END_OF_DAY : time;
        DayOfWeek weekday = WEEKDAYS.get(unit);
        Recurrence recurrence;
        LocalDate first;
        if (weekday != null) {
            recurrence = Recurrence.WEEKLY;
            first = local.toLocalDate().with(TemporalAdjusters.nextOrSame(weekday));
        } else {
            recurrence = switch (unit) {
                case "day", "daily" -> Recurrence.DAILY;
                case "week", "weekly" -> Recurrence.WEEKLY;
                case "month", "monthly" -> Recurrence.MONTHLY;
                default -> null;
            };
            if (recurrence == null) {
                return Optional.empty();
            }
            first = local.toLocalDate();
        }
        ZonedDateTime due = ZonedDateTime.of(first, at, zone);
        if (due.isBefore(local) && time != null) {
            due = switch (recurrence) {
                case DAILY -> due.plusDays(1);
                case WEEKLY -> due.plusWeeks(1);
                default -> due.plusMonths(1);
            };
        }
        return Optional.of(new Due(due.toInstant(), recurrence));
    }

    private static Optional<LocalDate> day(String value, LocalDate today) {
        switch (value) {
            case "today" -> {
                return Optional.of(today);
            }
            case "tomorrow" -> {
                return Optional.of(today.plusDays(1));
            }
            default -> {}
        }
        String weekday = value.startsWith("next ") ? value.substring(5) : value;
        if (WEEKDAYS.containsKey(weekday)) {
            return Optional.of(today.with(TemporalAdjusters.next(WEEKDAYS.get(weekday))));
        }
        for (DateTimeFormatter format : DAYS) {
            try {
                return Optional.of(LocalDate.parse(value, format));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /** ISO date-times: with an offset, or local (yyyy-MM-dd HH:mm or T). */
    private static Optional<OffsetDateTime> exact(String value) {
        String iso = value.replace(' ', 'T').toUpperCase(Locale.ROOT);
        try {
            return Optional.of(OffsetDateTime.parse(iso));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalTime> clock(Matcher clock) {
        int hour = Integer.parseInt(clock.group(1));
        int minute = clock.group(2) == null ? 0 : Integer.parseInt(clock.group(2));
        String half = clock.group(3);
        if (half == null && clock.group(2) == null) {
            return Optional.empty();
        }
        if (half != null) {
            if (hour < 1 || hour > 12) {
                return Optional.empty();
            }
            hour = hour % 12 + ("pm".equalsIgnoreCase(half) ? 12 : 0);
        }
        if (hour > 23 || minute > 59) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(hour, minute));
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    private static Map<String, DayOfWeek> weekdays() {
        Map<String, DayOfWeek> days = new HashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name().toLowerCase(Locale.ROOT);
            days.put(name, day);
            days.put(name.substring(0, 3), day);
        }
        return Map.copyOf(days);
    }
}
