package dev.todo.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Sensible defaults (issue 18, item 5): each sort starts in the order people expect, default badges are not shown, and
 * reminders can be snoozed or dismissed from the list.
 */
class SensibleDefaultsIT extends BrowserTest {

    private static ApiClient api() {
        return ApiClient.withToken(browser.cookie("todo_session").getValue());
    }

    @Test
    void dueDateSortsSoonestFirstWithOverdueOnTopAndNoDateLast() {
        signUpNewUser("Sorter");
        ApiClient user = api();
        Instant now = Instant.now();
        user.createTask("No date", "");
        user.createTask("Next week", "\"dueAt\":\"" + now.plus(7, ChronoUnit.DAYS) + "\"");
        user.createTask("Overdue", "\"dueAt\":\"" + now.minus(2, ChronoUnit.DAYS) + "\"");
        user.createTask("Tomorrow", "\"dueAt\":\"" + now.plus(1, ChronoUnit.DAYS) + "\"");

        TasksPageObject tasks = TasksPageObject.open(browser, "").filter("sort", "dueAt");

        assertThat(tasks.titles()).containsExactly("Overdue", "Tomorrow", "Next week", "No date");
        assertThat(tasks.orderLabel()).isEqualTo("Soonest first");
        browser.screenshot("tasks-sorted-by-due-date");
        assertThat(tasks.reverseOrder().titles()).containsExactly("Next week", "Tomorrow", "Overdue", "No date");
    }

    @Test
    void titlesSortAToZAndPriorityMostUrgentFirst() {
        signUpNewUser("Alphabet");
        ApiClient user = api();
        user.createTask("banana", "\"priority\":\"LOW\"");
        user.createTask("Apple", "\"priority\":\"HIGH\"");
        user.createTask("cherry", "");

        assertThat(TasksPageObject.open(browser, "?sort=title").titles()).containsExactly("Apple", "banana", "cherry");
        assertThat(TasksPageObject.open(browser, "?sort=priority").titles())
                .containsExactly("Apple", "cherry", "banana");
    }

    @Test
    void defaultPriorityAndCategoryAreNotShownOnEveryRow() {
        TasksPageObject tasks = signUpNewUser("Plain Rows");
        ApiClient user = api();
        user.createTask("Ordinary", "");
        user.createTask("Special", "\"priority\":\"HIGH\",\"category\":\"WORK\"");
        TasksPageObject.open(browser, "");

        assertThat(tasks.row("Ordinary").orElseThrow().findElements(By.cssSelector(".badge")))
                .isEmpty();
        assertThat(tasks.row("Special").orElseThrow().getText()).contains("High", "Work");
    }

    @Test
    void aReminderCanBeSnoozedForAnHourOrTillTomorrowOrDismissed() {
        TasksPageObject tasks = signUpNewUser("Reminded");
        ApiClient user = api();
        Instant past = Instant.now().minus(10, ChronoUnit.MINUTES);
        String hour = user.createTask("Take the cake out", "\"remindAt\":\"" + past + "\"")
                .getString("id");
        String tomorrow = user.createTask("Call the bank", "\"remindAt\":\"" + past + "\"")
                .getString("id");
        String dismiss =
                user.createTask("Stretch", "\"remindAt\":\"" + past + "\"").getString("id");
        TasksPageObject.open(browser, "");
        assertThat(tasks.reminders()).contains("Take the cake out", "Call the bank", "Stretch");
        browser.screenshot("tasks-reminders-with-snooze");

        browser.driver().findElement(By.id("snooze-hour-" + hour)).click();
        tasks.awaitToast("in an hour");
        browser.driver().findElement(By.id("snooze-tomorrow-" + tomorrow)).click();
        tasks.awaitToast("tomorrow at 09:00");
        browser.driver().findElement(By.id("dismiss-" + dismiss)).click();
        tasks.awaitToast("dismissed");

        browser.await(d -> tasks.reminders().isEmpty());
        Instant snoozed = Instant.parse(reminderOf(user, hour));
        assertThat(Duration.between(Instant.now(), snoozed)).isBetween(Duration.ofMinutes(55), Duration.ofMinutes(61));
        assertThat(Instant.parse(reminderOf(user, tomorrow)))
                .isAfter(Instant.now().plus(1, ChronoUnit.HOURS));
        assertThat(Http.json(user.get("/tasks/" + dismiss)).isNull("remindAt")).isTrue();
        assertThat(tasks.titles()).contains("Take the cake out", "Call the bank", "Stretch");
    }

    @Test
    void notificationsAreOfferedWithARealButton() {
        TasksPageObject tasks = signUpNewUser("Notified");
        api().createTask("Ring", "\"remindAt\":\"" + Instant.now().minus(1, ChronoUnit.MINUTES) + "\"");
        TasksPageObject.open(browser, "");

        var offer = browser.driver().findElement(By.id("enable-notifications"));
        assertThat(offer.getTagName()).isEqualTo("button");
        assertThat(offer.getAttribute("class")).contains("button").doesNotContain("ghost");
        assertThat(tasks.reminders()).contains("Ring");
    }

    private static String reminderOf(ApiClient user, String id) {
        JsonObject task = Http.json(user.get("/tasks/" + id));
        return task.getString("remindAt");
    }
}
