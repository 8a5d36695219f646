package dev.todo.api.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The VTIMEZONE of the feed's zone, from Java's time-zone rules: its offset when the feed's first event happens,
 * then every transition from there until {@value #YEARS_AHEAD} years from now, each as its own STANDARD or DAYLIGHT
 * part. Listing the transitions rather than translating the rules into RRULEs keeps it exact for every zone
 * (changes of rules, transitions at 24:00 and all); after the last one, the offset it ends on holds.
 */
final class TimeZoneComponent {

    static final int YEARS_AHEAD = 20;

    private TimeZoneComponent() {}

    static void write(ICalendarWriter ics, ZoneId zone, Instant from, Instant now) {
        ZoneRules rules = zone.getRules();
        Instant start = from.atZone(ZoneOffset.UTC)
                .withDayOfYear(1)
                .truncatedTo(ChronoUnit.DAYS)
                .minusYears(1)
                .toInstant();
        Instant until = now.atZone(ZoneOffset.UTC).plusYears(YEARS_AHEAD).toInstant();
        ics.line("BEGIN", "VTIMEZONE").text("TZID", zone.getId());
        ZoneOffset initial = rules.getOffset(start);
        part(ics, rules.isDaylightSavings(start), LocalDateTime.ofInstant(start, initial), initial, initial);
        for (ZoneOffsetTransition transition = rules.nextTransition(start);
                transition != null && transition.getInstant().isBefore(until);
                transition = rules.nextTransition(transition.getInstant())) {
            part(
                    ics,
                    rules.isDaylightSavings(transition.getInstant()),
                    transition.getDateTimeBefore(),
                    transition.getOffsetBefore(),
                    transition.getOffsetAfter());
        }
        ics.line("END", "VTIMEZONE");
    }

    private static void part(
            ICalendarWriter ics, boolean daylight, LocalDateTime onset, ZoneOffset before, ZoneOffset after) {
        String kind = daylight ? "DAYLIGHT" : "STANDARD";
        ics.line("BEGIN", kind)
                .line("DTSTART", ICalendarWriter.local(onset))
                .line("TZOFFSETFROM", ICalendarWriter.offset(before))
                .line("TZOFFSETTO", ICalendarWriter.offset(after))
                .line("END", kind);
    }
}
