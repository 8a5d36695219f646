package dev.todo.api.calendar;

import static dev.todo.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.RRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The private calendar feed, read with ical4j as a calendar app reads it: events at the tasks' times in the feed's
 * zone, reminders as alarms, repeats as RRULEs that expand to the app's next occurrences, a VTIMEZONE that agrees
 * with Java's zone rules, and a URL that ends when the link is replaced, turned off or everything is signed out.
 */
class CalendarFeedIT {

    private static final ZoneId KARACHI = ZoneId.of("Asia/Karachi");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private ApiClient owner;

    @BeforeEach
    void signUp() {
        owner = ApiClient.newUser("Calendar Owner");
    }

    @Test
    void dueTasksAreEventsAtTheirTimesInTheFeedsZoneWithAlarms() throws Exception {
        Instant due = ZonedDateTime.of(2026, 12, 1, 9, 0, 0, 0, KARACHI).toInstant();
        owner.createTask(
                "Pay rent; the landlord, \"Ahmed\"\nsecond line",
                "\"dueAt\": \"" + due + "\", \"remindAt\": \"" + due.minus(Duration.ofMinutes(30))
                        + "\", \"priority\": \"HIGH\", \"tags\": [\"home\"]");
        owner.createTask("Not due", "");
        String done =
                owner.createTask("Done already", "\"dueAt\": \"" + due + "\"").getString("id");
        owner.post("/tasks/" + done + "/completion", null);
        ApiClient.newUser("Someone Else").createTask("Not yours", "\"dueAt\": \"" + due + "\"");

        Calendar calendar = feed(feedUrl(KARACHI));

        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        VEvent event = events.get(0);
        assertThat(event.getSummary().getValue()).isEqualTo("Pay rent; the landlord, \"Ahmed\"\nsecond line");
        ZonedDateTime start = (ZonedDateTime) event.getDateTimeStart().getDate();
        assertThat(start.toInstant()).isEqualTo(due);
        assertThat(start.toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 1, 9, 0));
        assertThat(event.getDateTimeStart().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Asia/Karachi");
        assertThat(event.getProperty(Property.PRIORITY).orElseThrow().getValue())
                .isEqualTo("1");
        assertThat(event.getProperty(Property.CATEGORIES).orElseThrow().getValue())
                .contains("home");
        List<VAlarm> alarms = event.getAlarms();
        assertThat(alarms).hasSize(1);
        assertThat(alarms.get(0).getTrigger().orElseThrow().getDuration()).isEqualTo(Duration.ofMinutes(-30));
    }

    @Test
    void aTaskDueAtTheEndOfADayIsAnAllDayEventAndAReminderOnlyTaskAnEventAtItsReminder() throws Exception {
        Instant endOfDay = ZonedDateTime.of(2026, 12, 5, 23, 59, 0, 0, KARACHI).toInstant();
        owner.createTask("Any time that day", "\"dueAt\": \"" + endOfDay + "\"");
        Instant remind = ZonedDateTime.of(2026, 12, 6, 18, 15, 0, 0, KARACHI).toInstant();
        owner.createTask("Only a reminder", "\"remindAt\": \"" + remind + "\"");

        List<VEvent> events = feed(feedUrl(KARACHI)).getComponents(Component.VEVENT);

        VEvent allDay = event(events, "Any time that day");
        assertThat(allDay.getDateTimeStart().getDate()).isEqualTo(LocalDate.of(2026, 12, 5));
        VEvent reminder = event(events, "Only a reminder");
        assertThat(((ZonedDateTime) reminder.getDateTimeStart().getDate()).toInstant())
                .isEqualTo(remind);
        assertThat(reminder.getAlarms().get(0).getTrigger().orElseThrow().getDuration())
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void repeatingTasksExpandToTheAppsNextOccurrences() throws Exception {
        Instant weekly = ZonedDateTime.of(2026, 11, 2, 9, 0, 0, 0, KARACHI).toInstant();
        JsonObject task = owner.createTask("Standup", "\"dueAt\": \"" + weekly + "\", \"recurrence\": \"WEEKLY\"");
        Instant endOfJanuary =
                ZonedDateTime.of(2027, 1, 31, 10, 0, 0, 0, KARACHI).toInstant();
        owner.createTask("Invoice", "\"dueAt\": \"" + endOfJanuary + "\", \"recurrence\": \"MONTHLY\"");

        List<VEvent> events = feed(feedUrl(KARACHI)).getComponents(Component.VEVENT);

        List<Instant> standups = occurrences(event(events, "Standup"), weekly, 3);
        Instant appsNext = Instant.parse(Http.json(owner.post("/tasks/" + task.getString("id") + "/completion", null))
                .getJsonObject("nextOccurrence")
                .getString("dueAt"));
        assertThat(standups.get(1)).isEqualTo(appsNext);
        assertThat(standups.get(2)).isEqualTo(weekly.plus(Duration.ofDays(14)));
        List<LocalDate> invoices = occurrences(event(events, "Invoice"), endOfJanuary, 3).stream()
                .map(instant -> instant.atZone(KARACHI).toLocalDate())
                .toList();
        assertThat(invoices)
                .containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31));
    }

    @Test
    void aWeeklyTaskKeepsItsWallTimeAcrossDaylightSavingInTheFeedsZone() throws Exception {
        Instant due = ZonedDateTime.of(2026, 3, 23, 9, 0, 0, 0, BERLIN).toInstant();
        owner.createTask("Berlin standup", "\"dueAt\": \"" + due + "\", \"recurrence\": \"WEEKLY\"");

        VEvent event = event(feed(feedUrl(BERLIN)).getComponents(Component.VEVENT), "Berlin standup");

        List<Instant> next = occurrences(event, due, 2);
        assertThat(next.get(1).atZone(BERLIN).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 30, 9, 0));
    }

    /**
     * The zone a calendar app builds from the VTIMEZONE (ical4j's, from the event's TZID) has Java's offsets for twenty
     * years. Instants within a day of a change are left out: ical4j reads the time of day of a yearly rule as UTC
     * rather than local, so it moves each change by the zone's offset; that is its reading, not the feed.
     */
    @Test
    void theTimeZoneComponentAgreesWithJavasRules() throws Exception {
        for (ZoneId zone : List.of(BERLIN, ZoneId.of("America/New_York"), KARACHI, ZoneId.of("Australia/Lord_Howe"))) {
            owner.createTask("Anchor " + zone, "\"dueAt\": \"2026-01-15T12:00:00Z\"");
            Calendar calendar = feed(feedUrl(zone));
            VTimeZone component =
                    calendar.<VTimeZone>getComponent(Component.VTIMEZONE).orElseThrow();
            assertThat(component.getProperty(Property.TZID).orElseThrow().getValue())
                    .isEqualTo(zone.getId());
            VEvent anchor = event(calendar.getComponents(Component.VEVENT), "Anchor " + zone);
            ZoneRules parsed = ((ZonedDateTime) anchor.getDateTimeStart().getDate())
                    .getZone()
                    .getRules();
            for (Instant at = Instant.parse("2025-06-01T00:00:00Z");
                    at.isBefore(Instant.parse("2045-01-01T00:00:00Z"));
                    at = at.plus(Duration.ofHours(7))) {
                if (nearAChange(zone, at)) {
                    continue;
                }
                assertThat(parsed.getOffset(at))
                        .as(zone + " at " + at)
                        .isEqualTo(zone.getRules().getOffset(at));
            }
        }
    }

    private static boolean nearAChange(ZoneId zone, Instant at) {
        ZoneOffsetTransition next = zone.getRules().nextTransition(at.minus(Duration.ofDays(1)));
        return next != null && next.getInstant().isBefore(at.plus(Duration.ofDays(1)));
    }

    @Test
    void theUrlNeedsNoTokenAndEndsWhenReplacedTurnedOffOrSignedOutEverywhere() {
        String first = feedUrl(KARACHI);
        assertThat(Http.get(first).statusCode()).isEqualTo(200);
        assertThat(Http.get(first).headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
        JsonObject shown = Http.json(owner.get("/calendar/feed"));
        assertThat(shown.getString("url")).isEqualTo(first);

        String second = feedUrl(KARACHI);
        assertProblem(Http.get(first), 404);
        assertThat(Http.get(second).statusCode()).isEqualTo(200);
        String key = second.substring(second.lastIndexOf('/') + 1, second.length() - ".ics".length());
        String tampered = second.replace(key, key.substring(0, key.length() - 2) + (key.endsWith("AA") ? "BB" : "AA"));
        assertProblem(Http.get(tampered), 404);
        assertProblem(Http.get(ApiClient.api() + "/calendar/not-a-key.ics"), 404);

        assertThat(owner.delete("/calendar/feed").statusCode()).isEqualTo(204);
        assertProblem(Http.get(second), 404);
        assertProblem(owner.get("/calendar/feed"), 404);

        String third = feedUrl(KARACHI);
        owner.post("/auth/logout?everywhere=true", null);
        assertProblem(Http.get(third), 404);
    }

    @Test
    void aWrongTimeZoneIsRefused() {
        JsonObject problem = assertProblem(owner.post("/calendar/feed", "{\"timeZone\": \"Mars/Olympus\"}"), 400);

        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("timeZone");
    }

    private String feedUrl(ZoneId zone) {
        HttpResponse<String> response = owner.post("/calendar/feed", "{\"timeZone\": \"" + zone.getId() + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonObject feed = Http.json(response);
        assertThat(feed.getString("timeZone")).isEqualTo(zone.getId());
        assertThat(feed.getString("url")).endsWith("/api" + feed.getString("path"));
        return feed.getString("url");
    }

    private static Calendar feed(String url) throws Exception {
        HttpResponse<String> response = Http.get(url);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\r\n");
        assertThat(response.body().split("\r\n"))
                .allSatisfy(line ->
                        assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        return new CalendarBuilder().build(new StringReader(response.body()));
    }

    private static VEvent event(List<VEvent> events, String summary) {
        return events.stream()
                .filter(event -> event.getSummary().getValue().equals(summary))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event " + summary));
    }

    /** The first {@code count} starts of the event from {@code from} on, as ical4j expands its RRULE. */
    private static List<Instant> occurrences(VEvent event, Instant from, int count) {
        RRule<Temporal> rule =
                event.<RRule<Temporal>>getProperty(Property.RRULE).orElseThrow();
        ZonedDateTime seed = (ZonedDateTime) event.getDateTimeStart().getDate();
        Set<Instant> starts = new TreeSet<>(rule.getRecur().getDates(seed, seed, seed.plusYears(1), count).stream()
                .map(date -> ((ZonedDateTime) date).toInstant())
                .collect(Collectors.toSet()));
        assertThat(starts.iterator().next()).isEqualTo(from);
        return List.copyOf(starts).subList(0, count);
    }
}
