package dev.todo.api.calendar;

import dev.todo.api.task.Priority;
import dev.todo.api.task.Recurrence;
import dev.todo.api.task.dto.TaskView;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The feed as an iCalendar document: one event per open task with a due time (or, without one, at its reminder),
 * in the feed's time zone with a VTIMEZONE for it; the reminder as an alarm; a repeating task as an RRULE. A task due
 * at 23:59 (quick add's "a day without a time") is an all-day event on its day.
 */
final class FeedCalendar {

    static final Duration EVENT_LENGTH = Duration.ofMinutes(30);
    static final Duration REMINDER_ONLY_LENGTH = Duration.ofMinutes(15);
    static final String PRODUCT = "-//Todo on Open Liberty//Task feed//EN";

    private FeedCalendar() {}

    static String render(List<TaskView> tasks, ZoneId zone, String uidDomain, Instant now) {
        ICalendarWriter ics = new ICalendarWriter()
                .line("BEGIN", "VCALENDAR")
                .line("VERSION", "2.0")
                .line("PRODID", PRODUCT)
                .line("CALSCALE", "GREGORIAN")
                .line("METHOD", "PUBLISH")
                .text("X-WR-CALNAME", "Todo tasks")
                .text("X-WR-TIMEZONE", zone.getId())
                .line("REFRESH-INTERVAL;VALUE=DURATION", "PT1H")
                .line("X-PUBLISHED-TTL", "PT1H");
        Instant earliest =
                tasks.stream().map(FeedCalendar::start).min(Instant::compareTo).orElse(now);
        TimeZoneComponent.write(ics, zone, earliest.isBefore(now) ? earliest : now, now);
        tasks.forEach(task -> event(ics, task, zone, uidDomain, now));
        return ics.line("END", "VCALENDAR").content();
    }

    private static Instant start(TaskView task) {
        return task.dueAt() != null ? task.dueAt() : task.remindAt();
    }

    private static void event(ICalendarWriter ics, TaskView task, ZoneId zone, String uidDomain, Instant now) {
        Instant start = start(task);
        ZonedDateTime local = start.atZone(zone);
        boolean allDay = task.dueAt() != null && local.getHour() == 23 && local.getMinute() == 59;
        ics.line("BEGIN", "VEVENT")
                .text("UID", task.id() + "@" + uidDomain)
                .line("DTSTAMP", ICalendarWriter.utc(now.truncatedTo(ChronoUnit.SECONDS)))
                .line("CREATED", ICalendarWriter.utc(task.createdAt().truncatedTo(ChronoUnit.SECONDS)))
                .line("LAST-MODIFIED", ICalendarWriter.utc(task.updatedAt().truncatedTo(ChronoUnit.SECONDS)))
                .line("SEQUENCE", Long.toString(Math.max(0, task.version() - 1)))
                .text("SUMMARY", task.title());
        Instant alarmBase;
        if (allDay) {
            ics.line("DTSTART;VALUE=DATE", ICalendarWriter.date(local.toLocalDate()))
                    .line("DURATION", "P1D");
            alarmBase = local.toLocalDate().atStartOfDay(zone).toInstant();
        } else {
            LocalDateTime wall = local.toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
            ics.line("DTSTART;TZID=" + zone.getId(), ICalendarWriter.local(wall))
                    .line(
                            "DURATION",
                            ICalendarWriter.duration(task.dueAt() != null ? EVENT_LENGTH : REMINDER_ONLY_LENGTH));
            alarmBase = start;
        }
        if (task.recurrence() != Recurrence.NONE) {
            ics.line("RRULE", rule(task.recurrence(), local));
        }
        if (!task.description().isEmpty()) {
            ics.text("DESCRIPTION", task.description());
        }
        List<String> categories = new ArrayList<>(task.tags());
        categories.add(task.category().name().charAt(0)
                + task.category().name().substring(1).toLowerCase(Locale.ROOT));
        ics.line("CATEGORIES", categories.stream().map(ICalendarWriter::escape).collect(Collectors.joining(",")));
        ics.line("PRIORITY", Integer.toString(priority(task.priority())));
        if (task.remindAt() != null) {
            ics.line("BEGIN", "VALARM")
                    .line("ACTION", "DISPLAY")
                    .text("DESCRIPTION", task.title())
                    .line("TRIGGER", ICalendarWriter.duration(Duration.between(alarmBase, task.remindAt())))
                    .line("END", "VALARM");
        }
        ics.line("END", "VEVENT");
    }

    /**
     * How the task repeats, as the app counts it: every day, week or month from its due time. Months keep the day of
     * the month; from the 29th on, a shorter month gets its last day, as the app's "one month later" does.
     */
    static String rule(Recurrence recurrence, ZonedDateTime start) {
        return switch (recurrence) {
            case DAILY -> "FREQ=DAILY";
            case WEEKLY -> "FREQ=WEEKLY";
            case MONTHLY -> {
                int day = start.getDayOfMonth();
                yield day <= 28
                        ? "FREQ=MONTHLY"
                        : "FREQ=MONTHLY;BYMONTHDAY="
                                + IntStream.rangeClosed(28, day)
                                        .mapToObj(Integer::toString)
                                        .collect(Collectors.joining(","))
                                + ";BYSETPOS=-1";
            }
            case NONE -> throw new IllegalArgumentException("a task that does not repeat has no rule");
        };
    }

    /** iCalendar's 1 (highest) to 9 (lowest). */
    private static int priority(Priority priority) {
        return switch (priority) {
            case HIGH -> 1;
            case MEDIUM -> 5;
            case LOW -> 9;
        };
    }
}
