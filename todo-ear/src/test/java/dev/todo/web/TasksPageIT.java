package dev.todo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The main page: adding, finding, changing, completing and deleting tasks. */
class TasksPageIT extends BrowserTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Test
    void aNewUserSeesAnEmptyStateThatSaysWhatToDo() {
        TasksPageObject tasks = signUpNewUser("Newcomer");

        assertThat(tasks.hasEmptyState()).isTrue();
        assertThat(tasks.count("open")).isEqualTo("0");
        browser.screenshot("tasks-empty");
    }

    @Test
    void filtersSearchAndSortLiveInTheUrlAndTheBackButtonWorks() {
        TasksPageObject tasks = signUpNewUser("Filterer");
        tasks.add("Buy milk", "LOW", "HOME", "errands", null, "NONE");
        tasks.add("Write report", "HIGH", "WORK", "office, q4", null, "NONE");
        tasks.add("Call mum", "MEDIUM", "PERSONAL", "family", null, "NONE");
        assertThat(tasks.titles()).containsExactly("Call mum", "Write report", "Buy milk");
        assertThat(tasks.count("open")).isEqualTo("3");
        browser.screenshot("tasks-list");

        tasks.filter("priority", "HIGH");
        assertThat(browser.currentPath()).contains("priority=HIGH");
        assertThat(tasks.titles()).containsExactly("Write report");

        TasksPageObject.open(browser, "?category=HOME");
        assertThat(new TasksPageObject(browser).titles()).containsExactly("Buy milk");

        TasksPageObject.open(browser, "?tag=family");
        assertThat(new TasksPageObject(browser).titles()).containsExactly("Call mum");

        TasksPageObject searched = TasksPageObject.open(browser, "").search("report");
        assertThat(browser.currentPath()).contains("q=report");
        assertThat(searched.titles()).containsExactly("Write report");

        TasksPageObject sorted = TasksPageObject.open(browser, "").filter("sort", "title");
        assertThat(sorted.titles()).containsExactly("Buy milk", "Call mum", "Write report");
        assertThat(sorted.orderLabel()).isEqualTo("A to Z");
        assertThat(browser.currentPath()).doesNotContain("direction");

        TasksPageObject reversed = sorted.reverseOrder();
        assertThat(reversed.titles()).containsExactly("Write report", "Call mum", "Buy milk");
        assertThat(browser.currentPath()).contains("direction=desc");
        String reversedUrl = browser.currentPath();

        browser.driver().navigate().back();
        TasksPageObject back = TasksPageObject.awaitLoaded(browser);
        assertThat(back.titles()).containsExactly("Buy milk", "Call mum", "Write report");

        browser.open(reversedUrl);
        assertThat(TasksPageObject.awaitLoaded(browser).titles())
                .containsExactly("Write report", "Call mum", "Buy milk");
    }

    @Test
    void editingChangesEveryField() {
        TasksPageObject tasks = signUpNewUser("Editor");
        tasks.add("Draft");
        String due = LocalDateTime.now(ZoneOffset.UTC)
                .plusDays(3)
                .withHour(9)
                .withMinute(30)
                .format(LOCAL);
        String remind = LocalDateTime.now(ZoneOffset.UTC)
                .plusDays(2)
                .withHour(8)
                .withMinute(0)
                .format(LOCAL);

        TaskPageObject edit = tasks.edit("Draft");
        browser.screenshot("task-edit");
        edit.title("Plan the trip")
                .description("Trains, not planes")
                .priority("HIGH")
                .category("PERSONAL")
                .tags("travel, Summer")
                .due(due)
                .remind(remind)
                .recurrence("WEEKLY")
                .save();

        TaskPageObject again = new TasksPageObject(browser).edit("Plan the trip");
        assertThat(again.value("description")).isEqualTo("Trains, not planes");
        assertThat(again.value("priority")).isEqualTo("HIGH");
        assertThat(again.value("category")).isEqualTo("PERSONAL");
        assertThat(again.value("tags").split(",\\s*")).containsExactlyInAnyOrder("travel", "summer");
        assertThat(again.value("due")).isEqualTo(due);
        assertThat(again.value("remind")).isEqualTo(remind);
        assertThat(again.value("recurrence")).isEqualTo("WEEKLY");
    }

    @Test
    void completingARecurringTaskInOneClickShowsTheNextOne() {
        TasksPageObject tasks = signUpNewUser("Recurring");
        String due = LocalDateTime.now(ZoneOffset.UTC)
                .plusDays(1)
                .withHour(7)
                .withMinute(0)
                .format(LOCAL);
        tasks.add("Stretch", "MEDIUM", "PERSONAL", "health", due, "DAILY");

        tasks.toggle("Stretch");

        TasksPageObject all = TasksPageObject.open(browser, "?status=all");
        assertThat(all.titles()).filteredOn("Stretch"::equals).hasSize(2);
        TasksPageObject open = TasksPageObject.open(browser, "");
        assertThat(open.titles()).containsExactly("Stretch");
        assertThat(open.isDone("Stretch")).isFalse();
        assertThat(open.count("completed")).isEqualTo("1");
    }

    @Test
    void completedTasksCanBeReopened() {
        TasksPageObject tasks = signUpNewUser("Reopener");
        tasks.add("Fix the bike");

        TasksPageObject done = TasksPageObject.open(browser, "?status=all").toggle("Fix the bike");
        assertThat(done.isDone("Fix the bike")).isTrue();
        assertThat(done.count("completed")).isEqualTo("1");

        done.toggle("Fix the bike");
        assertThat(done.isDone("Fix the bike")).isFalse();
    }

    @Test
    void deletingAsksForConfirmationFirst() {
        TasksPageObject tasks = signUpNewUser("Deleter");
        tasks.add("Keep me").add("Remove me");

        tasks.askToDelete("Remove me");
        browser.screenshot("tasks-delete-confirmation");
        assertThat(tasks.titles()).contains("Remove me");

        TasksPageObject.open(browser, "").delete("Remove me");
        assertThat(new TasksPageObject(browser).titles()).containsExactly("Keep me");
    }

    @Test
    void overdueTasksAreHighlightedAndPassedRemindersShown() {
        TasksPageObject tasks = signUpNewUser("Late");
        String past = LocalDateTime.now(ZoneOffset.UTC)
                .minusDays(1)
                .withHour(10)
                .withMinute(0)
                .format(LOCAL);
        tasks.add("Pay the rent", "HIGH", "HOME", "", past, "NONE");
        tasks.edit("Pay the rent").remind(past).save();

        TasksPageObject reloaded = TasksPageObject.open(browser, "");
        browser.screenshot("tasks-reminders");
        assertThat(reloaded.row("Pay the rent").orElseThrow().getAttribute("class"))
                .contains("is-overdue");
        assertThat(reloaded.count("overdue")).isEqualTo("1");
        assertThat(reloaded.reminders()).contains("Pay the rent");
    }

    @Test
    void whatUsersTypeIsShownAsTextNeverAsMarkup() {
        TasksPageObject tasks = signUpNewUser("Mallory");
        String markup = "<img src=x id=injected><script>window.injected=1</script>";
        tasks.add(markup);

        assertThat(tasks.titles()).containsExactly(markup);
        assertThat(browser.driver().findElements(By.id("injected"))).isEmpty();
        assertThat(browser.driver()
                        .findElement(By.cssSelector("li.task .task-title"))
                        .getText())
                .isEqualTo(markup);
    }

    @Test
    void pagesFitAPhoneAndHaveADarkTheme() {
        TasksPageObject tasks = signUpNewUser("Phone User");
        String soon = LocalDateTime.now(ZoneOffset.UTC).plusHours(5).format(LOCAL);
        tasks.add("Pick up the parcel", "HIGH", "HOME", "errands", soon, "NONE");
        tasks.add("Book dentist", "LOW", "PERSONAL", "", null, "MONTHLY");

        browser.width(375);
        TasksPageObject.open(browser, "");
        Long overflow = (Long) browser.driver()
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).isLessThanOrEqualTo(0L);
        browser.screenshot("tasks-phone");

        browser.width(1280);
        browser.darkMode(true);
        TasksPageObject.open(browser, "");
        browser.screenshot("tasks-dark");
    }
}
