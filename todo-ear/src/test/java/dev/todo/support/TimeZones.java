package dev.todo.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** Instants that fall on different days depending on the time zone, for tests of "due today" by zone. */
public final class TimeZones {

    /** UTC+14 all year: its day never lines up with UTC's, so some of its "today" is another day in UTC. */
    public static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");

    private TimeZones() {}

    /** An instant of today in the zone that is on another day in UTC. */
    public static Instant todayThereButNotInUtc(ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        LocalDate utcToday = LocalDate.now(ZoneOffset.UTC);
        List<Instant> candidates = List.of(
                today.atStartOfDay(zone).plusMinutes(30).toInstant(),
                today.plusDays(1).atStartOfDay(zone).minusMinutes(30).toInstant());
        return candidates.stream()
                .filter(candidate ->
                        !candidate.atZone(ZoneOffset.UTC).toLocalDate().equals(utcToday))
                .findFirst()
                .orElseThrow(() -> new AssertionError("today in " + zone + " lies within today in UTC"));
    }
}
