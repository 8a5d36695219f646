package dev.todo.api.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The VTIMEZONE of the feed's zone, from Java's time-zone rules, in the form calendar apps expect: the zone's
 * transitions from a year before the feed's first event up to where its present rules begin, each listed, then the
 * present rules as yearly STANDARD and DAYLIGHT parts with RRULEs (a zone without daylight saving ends on one
 * STANDARD part). A rule that RRULE cannot say exactly (a change at 24:00) is listed year by year instead, for
 * {@value #YEARS_LISTED} years.
 */
final class TimeZoneComponent {

    static final int YEARS_LISTED = 20;

    private TimeZoneComponent() {}

    static void write(ICalendarWriter ics, ZoneId zone, Instant from, Instant now) {
        ZoneRules rules = zone.getRules();
        Instant start = from.atZone(ZoneOffset.UTC)
                .withDayOfYear(1)
                .truncatedTo(ChronoUnit.DAYS)
                .minusYears(1)
                .toInstant();
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        List<ZoneOffsetTransition> history = rules.getTransitions();
        Instant rulesFrom = history.isEmpty()
                ? Instant.MIN
                : history.get(history.size() - 1).getInstant();
        ics.line("BEGIN", "VTIMEZONE").text("TZID", zone.getId());
        ZoneOffset initial = rules.getOffset(start);
        part(ics, rules.isDaylightSavings(start), LocalDateTime.ofInstant(start, initial), initial, initial, null);
        for (ZoneOffsetTransition transition : history) {
            if (transition.getInstant().isAfter(start)) {
                listed(ics, rules, transition);
            }
        }
        int startYear = start.atZone(ZoneOffset.UTC).getYear();
        int fromYear = rulesFrom.equals(Instant.MIN)
                ? startYear
                : Math.max(startYear, rulesFrom.atZone(ZoneOffset.UTC).getYear());
        int lastListed = now.atZone(ZoneOffset.UTC).getYear() + YEARS_LISTED;
        for (ZoneOffsetTransitionRule rule : yearly) {
            // The rules take over after the last listed transition, which may be earlier in the same year.
            int firstYear = rule.createTransition(fromYear).getInstant().isAfter(rulesFrom) ? fromYear : fromYear + 1;
            ZoneOffsetTransition first = rule.createTransition(firstYear);
            String recurrence = rule(rule);
            if (recurrence != null) {
                part(
                        ics,
                        rule.getOffsetAfter().getTotalSeconds()
                                > rule.getStandardOffset().getTotalSeconds(),
                        first.getDateTimeBefore(),
                        first.getOffsetBefore(),
                        first.getOffsetAfter(),
                        recurrence);
            } else {
                for (int year = firstYear; year <= lastListed; year++) {
                    listed(ics, rules, rule.createTransition(year));
                }
            }
        }
        ics.line("END", "VTIMEZONE");
    }

    /**
     * The RRULE of a yearly transition: "the last Sunday" is {@code BYDAY=-1SU}, "the Sunday on or after the 8th" (the
     * second) {@code BYDAY=SU;BYMONTHDAY=8,...,14}, the form that also readers that take only the first BYDAY's
     * number as a day of the month get right. Null when RRULE cannot say it (a change at 24:00).
     */
    static String rule(ZoneOffsetTransitionRule rule) {
        if (rule.isMidnightEndOfDay()) {
            return null;
        }
        Month month = rule.getMonth();
        int day = rule.getDayOfMonthIndicator();
        DayOfWeek weekday = rule.getDayOfWeek();
        String base = "FREQ=YEARLY;BYMONTH=" + month.getValue();
        if (weekday == null) {
            return base + ";BYMONTHDAY=" + day;
        }
        String byDay = weekday.name().substring(0, 2).toUpperCase(Locale.ROOT);
        boolean fixedLength = month.minLength() == month.maxLength();
        if (day == -1 || fixedLength && day == month.maxLength() - 6) {
            return base + ";BYDAY=-1" + byDay;
        }
        IntStream days;
        if (day > 0 && day + 6 <= month.minLength()) {
            days = IntStream.rangeClosed(day, day + 6);
        } else if (day < 0 && day - 6 >= -month.minLength()) {
            days = IntStream.rangeClosed(day - 6, day);
        } else {
            return null;
        }
        return base + ";BYDAY=" + byDay + ";BYMONTHDAY="
                + days.mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    private static void listed(ICalendarWriter ics, ZoneRules rules, ZoneOffsetTransition transition) {
        part(
                ics,
                rules.isDaylightSavings(transition.getInstant()),
                transition.getDateTimeBefore(),
                transition.getOffsetBefore(),
                transition.getOffsetAfter(),
                null);
    }

    private static void part(
            ICalendarWriter ics,
            boolean daylight,
            LocalDateTime onset,
            ZoneOffset before,
            ZoneOffset after,
            String recurrence) {
        String kind = daylight ? "DAYLIGHT" : "STANDARD";
        ics.line("BEGIN", kind)
                .line("DTSTART", ICalendarWriter.local(onset))
                .line("TZOFFSETFROM", ICalendarWriter.offset(before))
                .line("TZOFFSETTO", ICalendarWriter.offset(after));
        if (recurrence != null) {
            ics.line("RRULE", recurrence);
        }
        ics.line("END", kind);
    }
}
