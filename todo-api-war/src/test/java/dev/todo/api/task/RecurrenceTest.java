package dev.todo.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    @Test
    void dailyMovesOneDay() {
        assertThat(Recurrence.DAILY.next(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo("2027-01-01T23:30:00Z");
    }

    @Test
    void weeklyMovesSevenDays() {
        assertThat(Recurrence.WEEKLY.next(Instant.parse("2026-12-28T08:00:00Z")))
                .isEqualTo("2027-01-04T08:00:00Z");
    }

    @Test
    void monthlyKeepsTheDayOrTakesTheLastOfAShorterMonth() {
        assertThat(Recurrence.MONTHLY.next(Instant.parse("2027-03-15T10:00:00Z")))
                .isEqualTo("2027-04-15T10:00:00Z");
        assertThat(Recurrence.MONTHLY.next(Instant.parse("2027-01-31T10:00:00Z")))
                .isEqualTo("2027-02-28T10:00:00Z");
        assertThat(Recurrence.MONTHLY.next(Instant.parse("2028-01-31T10:00:00Z")))
                .isEqualTo("2028-02-29T10:00:00Z");
    }

    @Test
    void withoutADueDateTheRhythmStartsOnTheCreationDayNotTheMinuteOfCompletion() {
        Instant createdMonday = Instant.parse("2026-11-30T08:15:00Z");

        assertThat(Recurrence.WEEKLY.nextAfter(createdMonday, Instant.parse("2026-12-02T14:37:00Z")))
                .isEqualTo("2026-12-07T08:15:00Z");
        assertThat(Recurrence.DAILY.nextAfter(createdMonday, Instant.parse("2026-12-02T14:37:00Z")))
                .isEqualTo("2026-12-03T08:15:00Z");
        assertThat(Recurrence.MONTHLY.nextAfter(createdMonday, Instant.parse("2026-12-02T14:37:00Z")))
                .isEqualTo("2026-12-30T08:15:00Z");
    }

    @Test
    void completedOnTheDayItWasCreatedTheNextOneIsOnePeriodLater() {
        assertThat(Recurrence.WEEKLY.nextAfter(
                        Instant.parse("2026-11-30T08:15:00Z"), Instant.parse("2026-11-30T09:00:00Z")))
                .isEqualTo("2026-12-07T08:15:00Z");
    }

    @Test
    void completedWeeksLateTheNextOneIsTheNextDayOfTheRhythm() {
        assertThat(Recurrence.WEEKLY.nextAfter(
                        Instant.parse("2026-11-30T08:15:00Z"), Instant.parse("2027-01-14T10:00:00Z")))
                .isEqualTo("2027-01-18T08:15:00Z");
    }

    @Test
    void aTaskThatDoesNotRepeatHasNoNextOccurrence() {
        assertThatIllegalStateException().isThrownBy(() -> Recurrence.NONE.next(Instant.EPOCH));
    }
}
