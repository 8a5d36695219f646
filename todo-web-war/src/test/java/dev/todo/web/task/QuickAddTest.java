package dev.todo.web.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuickAddTest {

    /** Tuesday 1 December 2026, 10:00 in Berlin. */
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneId.of("Europe/Berlin"));

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Line typed | title | due ("" for none) | priority | tags (space-separated) | recurrence. */
    static Stream<Arguments> lines() {
        return Stream.of(
                // The example from the issue.
                row(
                        "Pay rent tomorrow 9am !high #home every month",
                        "Pay rent",
                        "2026-12-02 09:00",
                        "HIGH",
                        "home",
                        "MONTHLY"),
                // Days said in words.
                row("Buy milk today", "Buy milk", "2026-12-01 23:59", "", "", ""),
                row("Call mum tonight", "Call mum", "2026-12-01 20:00", "", "", ""),
                row("Call mum tonight 9pm", "Call mum", "2026-12-01 21:00", "", "", ""),
                row("Water plants tomorrow", "Water plants", "2026-12-02 23:59", "", "", ""),
                row("Water plants tmrw", "Water plants", "2026-12-02 23:59", "", "", ""),
                row("Dentist next monday", "Dentist", "2026-12-07 23:59", "", "", ""),
                row("Dentist next tuesday", "Dentist", "2026-12-08 23:59", "", "", ""),
                row("Review this tuesday", "Review", "2026-12-01 23:59", "", "", ""),
                row("Team lunch friday", "Team lunch", "2026-12-04 23:59", "", "", ""),
                row("Team lunch on fri", "Team lunch", "2026-12-04 23:59", "", "", ""),
                row("Call the bank on Monday at 10:30", "Call the bank", "2026-12-07 10:30", "", "", ""),
                row("Plan next week", "Plan", "2026-12-07 23:59", "", "", ""),
                row("Submit report by thursday", "Submit report", "2026-12-03 23:59", "", "", ""),
                // Relative days, hours and minutes.
                row("Renew passport in 3 days", "Renew passport", "2026-12-04 23:59", "", "", ""),
                row("Renew passport in a week", "Renew passport", "2026-12-08 23:59", "", "", ""),
                row("Check oven in 30 minutes", "Check oven", "2026-12-01 10:30", "", "", ""),
                row("Check oven in 2 hours", "Check oven", "2026-12-01 12:00", "", "", ""),
                row("Pay invoice in 2 months", "Pay invoice", "2027-02-01 23:59", "", "", ""),
                // Calendar dates, this year or the next.
                row("Send cards dec 24", "Send cards", "2026-12-24 23:59", "", "", ""),
                row("Send cards 24 dec", "Send cards", "2026-12-24 23:59", "", "", ""),
                row("Send cards December 24th", "Send cards", "2026-12-24 23:59", "", "", ""),
                row("Send cards 24/12", "Send cards", "2026-12-24 23:59", "", "", ""),
                row("Tax return 31/01", "Tax return", "2027-01-31 23:59", "", "", ""),
                row("Tax return 31/01/2028", "Tax return", "2028-01-31 23:59", "", "", ""),
                row("Tax return jan 31 2028", "Tax return", "2028-01-31 23:59", "", "", ""),
                row("Party 2027-03-05 19:00", "Party", "2027-03-05 19:00", "", "", ""),
                row("Birthday may 5", "Birthday", "2027-05-05 23:59", "", "", ""),
                row("Birthday 5 sept", "Birthday", "2027-09-05 23:59", "", "", ""),
                row("Old thing nov 30", "Old thing", "2027-11-30 23:59", "", "", ""),
                // Times: later today, or tomorrow when already past.
                row("Standup 17:00", "Standup", "2026-12-01 17:00", "", "", ""),
                row("Standup 9:15", "Standup", "2026-12-02 09:15", "", "", ""),
                row("Gym 5pm", "Gym", "2026-12-01 17:00", "", "", ""),
                row("Gym 5 pm", "Gym", "2026-12-01 17:00", "", "", ""),
                row("Gym at 6:30pm", "Gym", "2026-12-01 18:30", "", "", ""),
                row("Breakfast 8am", "Breakfast", "2026-12-02 08:00", "", "", ""),
                row("Lunch at noon", "Lunch", "2026-12-01 12:00", "", "", ""),
                row("Late call 12am tomorrow", "Late call", "2026-12-02 00:00", "", "", ""),
                row("Meeting tomorrow at 14:00", "Meeting", "2026-12-02 14:00", "", "", ""),
                row("Meeting 2pm dec 24", "Meeting", "2026-12-24 14:00", "", "", ""),
                // Priority and tags, anywhere in the line.
                row("!low Sort photos", "Sort photos", "", "LOW", "", ""),
                row("Sort photos !medium", "Sort photos", "", "MEDIUM", "", ""),
                row("Fix the boiler !HIGH", "Fix the boiler", "", "HIGH", "", ""),
                row("Buy paint #home #DIY", "Buy paint", "", "", "home diy", ""),
                row("Buy paint #home, tomorrow", "Buy paint", "2026-12-02 23:59", "", "home", ""),
                row("Read #books-2027 chapter", "Read chapter", "", "", "books-2027", ""),
                row("Ship #urgent #work !high today 18:00", "Ship", "2026-12-01 18:00", "HIGH", "urgent work", ""),
                // Repeats.
                row("Stretch every day", "Stretch", "", "", "", "DAILY"),
                row("Team sync every week", "Team sync", "", "", "", "WEEKLY"),
                row("Pay rent every month", "Pay rent", "", "", "", "MONTHLY"),
                row("Take vitamins daily 8am", "Take vitamins", "2026-12-02 08:00", "", "", "DAILY"),
                row("Bins every monday", "Bins", "2026-12-07 23:59", "", "", "WEEKLY"),
                row("Report weekly #work", "Report", "", "", "work", "WEEKLY"),
                // Kept as text: quotes and backslashes.
                row("Watch \"next monday\" trailer", "Watch \"next monday\" trailer", "", "", "", ""),
                row("Read “Tomorrow Never Dies” tonight", "Read “Tomorrow Never Dies”", "2026-12-01 20:00", "", "", ""),
                row("Buy \\today magazine", "Buy today magazine", "", "", "", ""),
                row("Learn \\#hashtags tomorrow", "Learn #hashtags", "2026-12-02 23:59", "", "", ""),
                row("Say \\!high to Bob", "Say !high to Bob", "", "", "", ""),
                // Plain text: nothing here is a date, time, priority, tag or repeat.
                row("Buy milk", "Buy milk", "", "", "", ""),
                row("Sun cream", "Sun cream", "", "", "", ""),
                row("Wed invitations", "Wed invitations", "", "", "", ""),
                row("March for the climate", "March for the climate", "", "", "", ""),
                row("Put in 2 boxes", "Put in 2 boxes", "", "", "", ""),
                row("Fix bug #123", "Fix bug #123", "", "", "", ""),
                row("Learn C# basics", "Learn C# basics", "", "", "", ""),
                row("Pay 2.50 for parking", "Pay 2.50 for parking", "", "", "", ""),
                row("Wow! Great", "Wow! Great", "", "", "", ""),
                row("Every so often clean", "Every so often clean", "", "", "", ""),
                row("Call at home", "Call at home", "", "", "", ""),
                row("Next steps", "Next steps", "", "", "", ""),
                row("Book 31/02 tickets", "Book 31/02 tickets", "", "", "", ""),
                row("Meet at 25:00", "Meet at 25:00", "", "", "", ""),
                row("Buy 24 eggs", "Buy 24 eggs", "", "", "", ""),
                row("May I help", "May I help", "", "", "", ""),
                // A line that would leave no title is all title.
                row("tomorrow", "tomorrow", "", "", "", ""),
                row("#home", "#home", "", "", "", ""),
                row("!high", "!high", "", "", "", ""),
                // Spacing between kept words is kept as typed; the first date wins, a second stays text.
                row("  Buy   milk  ", "Buy   milk", "", "", "", ""),
                row("Move from monday to friday", "Move from to friday", "2026-12-07 23:59", "", "", ""),
                row("Today's plan", "Today's plan", "", "", "", ""),
                row("Pay rent tomorrow.", "Pay rent", "2026-12-02 23:59", "", "", ""),
                row("Renew passport in 3 days !high", "Renew passport", "2026-12-04 23:59", "HIGH", "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void readsTheLine(String line, String title, String due, String priority, String tags, String recurrence) {
        QuickAdd.Parsed parsed = QuickAdd.parse(line, NOW);

        assertThat(parsed.title()).as("title").isEqualTo(title);
        assertThat(parsed.due() == null ? "" : SHOWN.format(parsed.due()))
                .as("due")
                .isEqualTo(due);
        assertThat(parsed.priority() == null ? "" : parsed.priority())
                .as("priority")
                .isEqualTo(priority);
        assertThat(parsed.tags()).as("tags").isEqualTo(tags.isEmpty() ? List.of() : Arrays.asList(tags.split(" ")));
        assertThat(parsed.recurrence() == null ? "" : parsed.recurrence())
                .as("recurrence")
                .isEqualTo(recurrence);
    }

    @Test
    void theTableHasAtLeastSixtyLines() {
        assertThat(lines().count()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void eachRecognisedPartIsReportedWithTheWordsItCameFrom() {
        QuickAdd.Parsed parsed = QuickAdd.parse("Pay rent tomorrow at 9am !high #home every month", NOW);

        assertThat(parsed.parts())
                .containsExactly(
                        new QuickAdd.Part("due", "tomorrow"),
                        new QuickAdd.Part("due", "at 9am"),
                        new QuickAdd.Part("priority", "!high"),
                        new QuickAdd.Part("tag", "#home"),
                        new QuickAdd.Part("repeat", "every month"));
        assertThat(parsed.dueHasTime()).isTrue();
    }

    @Test
    void plainTextRecognisesNothing() {
        assertThat(QuickAdd.parse("Buy milk", NOW).recognisedAnything()).isFalse();
    }

    @Test
    void theDueDayIsTheUsersOwn() {
        ZonedDateTime lateInTokyo = ZonedDateTime.of(2026, 12, 1, 23, 30, 0, 0, ZoneId.of("Asia/Tokyo"));

        assertThat(QuickAdd.parse("Call tomorrow", lateInTokyo).due()).isEqualTo(LocalDateTime.of(2026, 12, 2, 23, 59));
    }

    private static Arguments row(
            String line, String title, String due, String priority, String tags, String recurrence) {
        return Arguments.of(line, title, due, priority, tags, recurrence);
    }
}
