package dev.todo.api.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.api.task.Recurrence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TodoistDatesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** A Wednesday, 10:00 in Berlin. */
    private static final Instant NOW =
            ZonedDateTime.of(2026, 3, 18, 10, 0, 0, 0, BERLIN).toInstant();

    private static LocalDateTime local(String text) {
        return TodoistDates.parse(text, BERLIN, NOW)
                .orElseThrow()
                .dueAt()
                .atZone(BERLIN)
                .toLocalDateTime();
    }

    @Test
    void isoAndEnglishDatesWithAndWithoutTimes() {
        assertThat(local("2026-03-26")).isEqualTo(LocalDateTime.of(2026, 3, 26, 23, 59));
        assertThat(local("2026-03-26 09:00")).isEqualTo(LocalDateTime.of(2026, 3, 26, 9, 0));
        assertThat(local("26 Mar 2026 9am")).isEqualTo(LocalDateTime.of(2026, 3, 26, 9, 0));
        assertThat(local("Mar 26 2026 at 5:30 pm")).isEqualTo(LocalDateTime.of(2026, 3, 26, 17, 30));
        assertThat(local("March 26, 2026")).isEqualTo(LocalDateTime.of(2026, 3, 26, 23, 59));
        assertThat(TodoistDates.parse("2026-03-26T09:00:00Z", BERLIN, NOW)
                        .orElseThrow()
                        .dueAt())
                .isEqualTo(Instant.parse("2026-03-26T09:00:00Z"));
    }

    @Test
    void relativeDaysCountFromNowInTheZone() {
        assertThat(local("today")).isEqualTo(LocalDateTime.of(2026, 3, 18, 23, 59));
        assertThat(local("tomorrow at 17:00")).isEqualTo(LocalDateTime.of(2026, 3, 19, 17, 0));
        assertThat(local("friday")).isEqualTo(LocalDateTime.of(2026, 3, 20, 23, 59));
    }

    @Test
    void repeatsStartAtTheirNextOccurrence() {
        TodoistDates.Due monday =
                TodoistDates.parse("every monday at 9am", BERLIN, NOW).orElseThrow();
        assertThat(monday.recurrence()).isEqualTo(Recurrence.WEEKLY);
        assertThat(monday.dueAt().atZone(BERLIN).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(monday.dueAt().atZone(BERLIN).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 23, 9, 0));
        TodoistDates.Due daily =
                TodoistDates.parse("every day at 8:00", BERLIN, NOW).orElseThrow();
        assertThat(daily.recurrence()).isEqualTo(Recurrence.DAILY);
        assertThat(daily.dueAt().atZone(BERLIN).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 19, 8, 0));
        assertThat(TodoistDates.parse("monthly", BERLIN, NOW).orElseThrow().recurrence())
                .isEqualTo(Recurrence.MONTHLY);
    }

    @Test
    void whatIsNotUnderstoodIsNotGuessed() {
        assertThat(TodoistDates.parse("next blue moon", BERLIN, NOW)).isEmpty();
        assertThat(TodoistDates.parse("every weekday", BERLIN, NOW)).isEmpty();
        assertThat(TodoistDates.parse("31 Feb 2026", BERLIN, NOW)).isEmpty();
        assertThat(TodoistDates.parse("26 Mar 2026 25:00", BERLIN, NOW)).isEmpty();
    }
}
