package dev.todo.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Filters, search, sort and paging over a known set of tasks of one fresh user. */
class TaskListIT {

    /**
     * A zone where the day still has hours left, so a task due "later today" there is neither overdue nor
     * tomorrow while the tests run, whatever the time of day the build runs at.
     */
    private static final ZoneId ZONE = Stream.of("Asia/Karachi", "America/New_York")
            .map(ZoneId::of)
            .filter(zone -> ZonedDateTime.now(zone).getHour() < 20)
            .findFirst()
            .orElseThrow();

    private static ApiClient user;

    @BeforeAll
    static void createKnownTasks() {
        user = ApiClient.newUser("List Checker");
        Instant now = Instant.now();
        Instant laterToday = LocalDate.now(ZONE).atTime(23, 30).atZone(ZONE).toInstant();
        user.createTask(
                "Alpha report",
                "\"priority\":\"HIGH\",\"category\":\"WORK\",\"tags\":[\"q4\"]," + "\"dueAt\":\""
                        + now.minus(2, ChronoUnit.DAYS) + "\"");
        user.createTask(
                "bravo groceries",
                "\"priority\":\"LOW\",\"category\":\"HOME\",\"tags\":[\"errands\"],"
                        + "\"description\":\"Milk and BREAD\"");
        user.createTask(
                "Charlie call",
                "\"priority\":\"MEDIUM\",\"category\":\"PERSONAL\"," + "\"dueAt\":\"" + laterToday + "\"");
        user.createTask(
                "Delta 100% done_now",
                "\"priority\":\"HIGH\",\"category\":\"WORK\",\"tags\":[\"q4\",\"errands\"]," + "\"dueAt\":\""
                        + now.plus(40, ChronoUnit.DAYS) + "\"");
        String echo = user.createTask("Echo finished", "\"priority\":\"LOW\",\"category\":\"OTHER\"")
                .getString("id");
        user.post("/tasks/" + echo + "/completion", null);
    }

    private static List<String> titles(String query) {
        JsonObject page = Http.json(user.get("/tasks" + query));
        return page.getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getString("title"))
                .toList();
    }

    @Test
    void defaultListIsEverythingNewestFirst() {
        assertThat(titles(""))
                .containsExactly(
                        "Echo finished", "Delta 100% done_now", "Charlie call", "bravo groceries", "Alpha report");
    }

    @Test
    void everyListedTaskCarriesItsOwnTags() {
        JsonObject page = Http.json(user.get("/tasks"));
        Map<String, List<String>> tagsByTitle = page.getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(
                        item -> item.getString("title"),
                        item -> item.getJsonArray("tags").getValuesAs(JsonString::getString)));

        assertThat(tagsByTitle)
                .containsOnly(
                        Map.entry("Alpha report", List.of("q4")),
                        Map.entry("bravo groceries", List.of("errands")),
                        Map.entry("Charlie call", List.of()),
                        Map.entry("Delta 100% done_now", List.of("errands", "q4")),
                        Map.entry("Echo finished", List.of()));
    }

    @Test
    void valuesMayComeInAnyCaseAndBlankMeansTheDefault() {
        assertThat(titles("?status=COMPLETED&priority=low&category=Other")).containsExactly("Echo finished");
        assertThat(titles("?status=&priority=&sort=&direction=&page=&size=&tz="))
                .containsExactly(
                        "Echo finished", "Delta 100% done_now", "Charlie call", "bravo groceries", "Alpha report");
        assertThat(titles("?sort=title&direction=ASC&size=1")).containsExactly("Alpha report");
    }

    @Test
    void statusFilters() {
        assertThat(titles("?status=completed")).containsExactly("Echo finished");
        assertThat(titles("?status=open")).hasSize(4).doesNotContain("Echo finished");
    }

    @Test
    void priorityCategoryAndTagFilters() {
        assertThat(titles("?priority=HIGH")).containsExactlyInAnyOrder("Alpha report", "Delta 100% done_now");
        assertThat(titles("?category=HOME")).containsExactly("bravo groceries");
        assertThat(titles("?tag=errands")).containsExactlyInAnyOrder("bravo groceries", "Delta 100% done_now");
        assertThat(titles("?tag=errands&priority=LOW")).containsExactly("bravo groceries");
    }

    @Test
    void dueWindowsFollowTheCallersTimeZone() {
        assertThat(titles("?due=overdue")).containsExactly("Alpha report");
        assertThat(titles("?due=today&tz=" + ZONE.getId())).containsExactly("Charlie call");
        assertThat(titles("?due=none")).containsExactlyInAnyOrder("bravo groceries", "Echo finished");
    }

    @Test
    void textSearchIgnoresCaseCoversDescriptionsAndTreatsWildcardsLiterally() {
        assertThat(titles("?q=BRAVO")).containsExactly("bravo groceries");
        assertThat(titles("?q=bread")).containsExactly("bravo groceries");
        assertThat(titles("?q=100%25")).containsExactly("Delta 100% done_now");
        assertThat(titles("?q=e_n")).containsExactly("Delta 100% done_now");
        assertThat(titles("?q=nothing-like-this")).isEmpty();
    }

    @Test
    void sortByDueDatePutsTasksWithoutOneLastInBothDirections() {
        assertThat(titles("?sort=dueAt&direction=asc"))
                .startsWith("Alpha report", "Charlie call", "Delta 100% done_now");
        assertThat(titles("?sort=dueAt&direction=desc"))
                .startsWith("Delta 100% done_now", "Charlie call", "Alpha report");
        assertThat(titles("?sort=dueAt&direction=desc").subList(3, 5))
                .containsExactlyInAnyOrder("bravo groceries", "Echo finished");
    }

    @Test
    void sortByPriorityFollowsUrgencyNotTheAlphabet() {
        List<String> byPriority = titles("?sort=priority&direction=desc");

        assertThat(byPriority.subList(0, 2)).containsExactlyInAnyOrder("Alpha report", "Delta 100% done_now");
        assertThat(byPriority.get(2)).isEqualTo("Charlie call");
    }

    @Test
    void sortByTitleIgnoresCase() {
        assertThat(titles("?sort=title&direction=asc"))
                .containsExactly(
                        "Alpha report", "bravo groceries", "Charlie call", "Delta 100% done_now", "Echo finished");
    }

    @Test
    void pagingReturnsTheTotalAndDisjointPages() {
        JsonObject first = Http.json(user.get("/tasks?sort=title&direction=asc&size=2&page=0"));
        JsonObject third = Http.json(user.get("/tasks?sort=title&direction=asc&size=2&page=2"));

        assertThat(first.getInt("total")).isEqualTo(5);
        assertThat(first.getInt("totalPages")).isEqualTo(3);
        assertThat(titles("?sort=title&direction=asc&size=2&page=1"))
                .containsExactly("Charlie call", "Delta 100% done_now");
        assertThat(third.getJsonArray("items")).hasSize(1);
    }

    @Test
    void statsCountEverything() {
        JsonObject stats = Http.json(user.get("/tasks/stats?tz=" + ZONE.getId()));

        assertThat(stats.getInt("total")).isEqualTo(5);
        assertThat(stats.getInt("open")).isEqualTo(4);
        assertThat(stats.getInt("completed")).isEqualTo(1);
        assertThat(stats.getInt("overdue")).isEqualTo(1);
        assertThat(stats.getInt("dueToday")).isEqualTo(1);
        assertThat(stats.getJsonObject("byPriority").getInt("HIGH")).isEqualTo(2);
        assertThat(stats.getJsonObject("byCategory").getInt("WORK")).isEqualTo(2);
        assertThat(stats.getJsonObject("byCategory").getInt("OTHER")).isZero();
    }
}
