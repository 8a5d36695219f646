package dev.todo.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The tasks page as a quick-capture tool (issue 18): one line says it all, the list comes first on a phone, and
 * adding, completing and deleting keep the user's place, with Undo and keyboard shortcuts.
 */
class QuickCaptureIT extends BrowserTest {

    static final int DESKTOP_WIDTH = 1366;
    static final int DESKTOP_HEIGHT = 900;
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    private static ApiClient api() {
        return ApiClient.withToken(browser.cookie("todo_session").getValue());
    }

    /** Set before an action; still there after it only if the page was not loaded again. */
    private static void markPage() {
        ((JavascriptExecutor) browser.driver()).executeScript("window.samePage = 'yes'");
    }

    private static boolean stillTheSamePage() {
        return "yes".equals(((JavascriptExecutor) browser.driver()).executeScript("return window.samePage"));
    }

    @Test
    void oneLineBecomesATaskWithItsDateTimePriorityTagAndRepeatShownAsChipsFirst() {
        browser.size(DESKTOP_WIDTH, DESKTOP_HEIGHT);
        TasksPageObject tasks = signUpNewUser("Quick Adder");

        List<String> chips = tasks.typeLine("Pay rent tomorrow 9am !high #home every month", 4);
        assertThat(chips).containsExactly("Due Tomorrow 09:00", "High priority", "#home", "Repeats every month");
        browser.screenshot("quick-add-chips-desktop");
        markPage();
        browser.driver().findElement(By.id("add:title")).sendKeys(Keys.ENTER);
        tasks.awaitToast("Added “Pay rent”");

        assertThat(stillTheSamePage()).as("added in place, without a page load").isTrue();
        assertThat(tasks.focused()).isEqualTo("add:title");
        assertThat(browser.driver().findElement(By.id("add:title")).getAttribute("value"))
                .isEmpty();
        assertThat(tasks.chips()).isEmpty();
        WebElement row = tasks.row("Pay rent").orElseThrow();
        assertThat(row.getText()).contains("High", "Due Tomorrow 09:00", "Every month", "home");
        JsonObject stored =
                Http.json(api().get("/tasks?q=rent")).getJsonArray("items").getJsonObject(0);
        assertThat(stored.getString("priority")).isEqualTo("HIGH");
        assertThat(stored.getString("recurrence")).isEqualTo("MONTHLY");
        assertThat(stored.getJsonArray("tags").getString(0)).isEqualTo("home");
        browser.screenshot("quick-add-added-desktop");
    }

    @Test
    void aBackslashOrQuotesKeepWordsAsTextAndTheHintSaysSo() {
        TasksPageObject tasks = signUpNewUser("Literal");

        assertThat(browser.driver().findElement(By.id("add-hint")).getText()).contains("\\today", "quotes");
        markPage();
        tasks.typeLine("Buy \\today magazine", 0);
        tasks.submitAdd().awaitToast("Added");
        tasks.add("Watch \"next monday\" trailer");

        assertThat(tasks.titles()).containsExactly("Watch \"next monday\" trailer", "Buy today magazine");
        assertThat(stillTheSamePage()).as("the second add is in place too").isTrue();
        assertThat(Http.json(api().get("/tasks"))
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .isNull("dueAt"))
                .isTrue();
    }

    @Test
    void onAPhoneThreeTasksFitOnTheFirstScreenUnderTheQuickAdd() {
        TasksPageObject tasks = signUpNewUser("Phone Quick");
        ApiClient user = api();
        user.createTask("Call the plumber", "\"priority\":\"HIGH\"");
        user.createTask("Buy stamps", "\"tags\":[\"errands\"]");
        user.createTask("Renew the car insurance before it runs out", "\"category\":\"HOME\"");

        browser.size(PHONE_WIDTH, PHONE_HEIGHT);
        TasksPageObject.open(browser, "");
        browser.screenshot("tasks-phone-first-screen");

        assertThat(tasks.titles()).hasSize(3);
        for (WebElement task : browser.driver().findElements(By.cssSelector("li.task"))) {
            Long bottom = (Long) ((JavascriptExecutor) browser.driver())
                    .executeScript("return Math.ceil(arguments[0].getBoundingClientRect().bottom)", task);
            assertThat(bottom)
                    .as("bottom of %s", task.getAttribute("data-title"))
                    .isLessThanOrEqualTo(PHONE_HEIGHT);
        }
        Long overflow = (Long) browser.driver()
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).isLessThanOrEqualTo(0L);
    }

    @Test
    void filtersFoldIntoOneBarWithAPopover() {
        browser.size(PHONE_WIDTH, PHONE_HEIGHT);
        TasksPageObject tasks = signUpNewUser("Folder");
        tasks.add("Something");

        assertThat(browser.driver().findElement(By.id("priority")).isDisplayed())
                .isFalse();
        browser.driver().findElement(By.id("filters-toggle")).click();
        assertThat(browser.driver().findElement(By.id("priority")).isDisplayed())
                .isTrue();
        browser.screenshot("tasks-filters-open-phone");
        tasks.filter("priority", "HIGH");

        assertThat(browser.driver().findElement(By.id("filters-toggle")).getText())
                .contains("1");
        assertThat(tasks.hasEmptyState()).isTrue();
    }

    @Test
    void completingKeepsThePlaceMovesTheFocusToTheNextRowAndCanBeUndone() {
        browser.size(DESKTOP_WIDTH, DESKTOP_HEIGHT);
        TasksPageObject tasks = signUpNewUser("Completer");
        ApiClient user = api();
        user.createTask("First", "");
        user.createTask("Second", "");
        user.createTask("Third", "");
        TasksPageObject.open(browser, "");
        assertThat(tasks.titles()).containsExactly("Third", "Second", "First");
        String firstId = rowId(tasks, "First");
        markPage();

        tasks.row("Second")
                .orElseThrow()
                .findElement(By.cssSelector("button.check"))
                .click();
        WebElement toast = tasks.awaitToast("Done: “Second”");

        assertThat(stillTheSamePage()).isTrue();
        assertThat(tasks.titles()).containsExactly("Third", "First");
        browser.await(d -> tasks.focused().equals("toggle-" + firstId));
        assertThat(toast.findElement(By.id("undo")).getText()).isEqualTo("Undo");
        browser.screenshot("tasks-undo-toast-desktop");

        tasks.undo();
        browser.await(d -> tasks.titles().size() == 3);
        assertThat(tasks.titles()).contains("Second");
        assertThat(tasks.count("open")).isEqualTo("3");
        assertThat(stillTheSamePage()).isTrue();
    }

    @Test
    void theToastGoesAwayByItselfAfterAFewSeconds() {
        TasksPageObject tasks = signUpNewUser("Patient");
        tasks.add("Fleeting");

        tasks.toggle("Fleeting");
        tasks.awaitToast("Done");
        long shown = System.nanoTime();
        browser.await(d -> d.findElements(By.id("toast")).isEmpty());

        assertThat(Duration.ofNanos(System.nanoTime() - shown)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(9));
    }

    @Test
    void deletingAsksInPlaceFocusesTheAnswerAndCanBeUndone() {
        TasksPageObject tasks = signUpNewUser("Undeleter");
        api().createTask("Keep me", "");
        api().createTask("Remove me", "\"description\":\"with notes\",\"tags\":[\"a\",\"b\"],\"priority\":\"LOW\"");
        TasksPageObject.open(browser, "");
        markPage();

        tasks.askToDelete("Remove me");
        String id = rowId(tasks, "Remove me");
        browser.await(d -> tasks.focused().equals("confirm-delete-" + id));
        browser.screenshot("tasks-delete-asks-in-place");
        browser.driver().findElement(By.id("confirm-delete-" + id)).click();
        tasks.awaitToast("Deleted “Remove me”");
        assertThat(tasks.titles()).containsExactly("Keep me");

        tasks.undo();
        browser.await(d -> tasks.titles().contains("Remove me"));
        JsonObject back =
                Http.json(api().get("/tasks?q=Remove")).getJsonArray("items").getJsonObject(0);
        assertThat(back.getString("description")).isEqualTo("with notes");
        assertThat(back.getString("priority")).isEqualTo("LOW");
        assertThat(back.getJsonArray("tags")).hasSize(2);
        assertThat(stillTheSamePage()).isTrue();
    }

    @Test
    void keyboardShortcutsWorkButNeverWhileTyping() {
        browser.size(DESKTOP_WIDTH, DESKTOP_HEIGHT);
        TasksPageObject tasks = signUpNewUser("Keyboard");
        ApiClient user = api();
        user.createTask("Alpha", "");
        user.createTask("Bravo", "");
        user.createTask("Charlie", "");
        TasksPageObject.open(browser, "");
        String alpha = rowId(tasks, "Alpha");
        String bravo = rowId(tasks, "Bravo");
        String charlie = rowId(tasks, "Charlie");
        Actions keys = new Actions(browser.driver());
        browser.driver().findElement(By.tagName("h1")).click();

        keys.sendKeys("q").perform();
        assertThat(tasks.focused()).isEqualTo("add:title");
        keys.sendKeys("jkx#?").perform();
        assertThat(browser.driver().findElement(By.id("add:title")).getAttribute("value"))
                .isEqualTo("jkx#?");
        keys.sendKeys(Keys.ESCAPE).perform();

        keys.sendKeys("/").perform();
        assertThat(tasks.focused()).isEqualTo("q");
        keys.sendKeys(Keys.ESCAPE).perform();

        keys.sendKeys("j").perform();
        assertThat(tasks.focused()).isEqualTo("task-" + charlie);
        keys.sendKeys("j").perform();
        assertThat(tasks.focused()).isEqualTo("task-" + bravo);
        keys.sendKeys("x").perform();
        tasks.awaitToast("Done: “Bravo”");
        browser.await(d -> tasks.focused().equals("toggle-" + alpha));

        keys.sendKeys("k").perform();
        assertThat(tasks.focused()).isEqualTo("task-" + charlie);
        keys.sendKeys("#").perform();
        browser.await(d -> tasks.focused().equals("confirm-delete-" + charlie));
        assertThat(tasks.titles()).contains("Charlie");

        browser.driver().findElement(By.id("cancel-delete-" + charlie)).click();
        browser.await(d -> tasks.focused().equals("delete-" + charlie));
        keys.sendKeys("?").perform();
        assertThat(browser.driver().findElement(By.id("shortcuts")).isDisplayed())
                .isTrue();
        browser.screenshot("tasks-shortcuts-dialog");
        keys.sendKeys(Keys.ESCAPE).perform();

        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].focus()", browser.driver().findElement(By.id("task-" + alpha)));
        keys.sendKeys("e").perform();
        TaskPageObject edit = TaskPageObject.awaitLoaded(browser);
        assertThat(edit.value("title")).isEqualTo("Alpha");
    }

    @Test
    void everythingStillWorksWithoutJavaScript() {
        TasksPageObject tasks = signUpNewUser("No Script");
        browser.driver().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            TasksPageObject.open(browser, "");
            browser.driver().findElement(By.id("add:title")).sendKeys("Water the plants tomorrow !high");
            browser.driver().findElement(By.id("add:submit")).click();
            tasks.awaitNotice("Added “Water the plants”");
            assertThat(tasks.row("Water the plants").orElseThrow().getText()).contains("High", "Tomorrow");

            tasks.row("Water the plants")
                    .orElseThrow()
                    .findElement(By.cssSelector("button.check"))
                    .click();
            tasks.awaitNotice("Done: “Water the plants”");
            assertThat(tasks.titles()).isEmpty();

            TasksPageObject.open(browser, "?status=completed");
            tasks.row("Water the plants")
                    .orElseThrow()
                    .findElement(By.cssSelector("button.check"))
                    .click();
            tasks.awaitNotice("Reopened");

            TasksPageObject.open(browser, "");
            tasks.row("Water the plants")
                    .orElseThrow()
                    .findElement(By.cssSelector("button[id^='delete-']"))
                    .click();
            browser.await(d -> !d.findElements(By.cssSelector("button[id^='confirm-delete-']"))
                    .isEmpty());
            browser.screenshot("tasks-no-script-confirm");
            browser.driver()
                    .findElement(By.cssSelector("button[id^='confirm-delete-']"))
                    .click();
            tasks.awaitNotice("Deleted “Water the plants”");
            assertThat(tasks.titles()).isEmpty();
        } finally {
            browser.driver().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
    }

    private static String rowId(TasksPageObject tasks, String title) {
        return tasks.row(title).orElseThrow().getAttribute("id").substring("task-".length());
    }
}
