package dev.todo.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** axe-core finds nothing serious or critical on the main pages, light and dark, on a laptop and on a phone. */
class AccessibilityIT extends BrowserTest {

    @Test
    void theMainPagesHaveNoSeriousOrCriticalViolations() {
        List<String> found = new ArrayList<>();
        browser.size(QuickCaptureIT.DESKTOP_WIDTH, QuickCaptureIT.DESKTOP_HEIGHT);
        check("/sign-in", found);
        check("/sign-up", found);
        TasksPageObject tasks = signUpNewUser("Axe Checker");
        ApiClient user = ApiClient.withToken(browser.cookie("todo_session").getValue());
        Instant now = Instant.now();
        user.createTask("Overdue rent", "\"priority\":\"HIGH\",\"dueAt\":\"" + now.minus(1, ChronoUnit.DAYS) + "\"");
        user.createTask("Call mum", "\"remindAt\":\"" + now.minus(1, ChronoUnit.HOURS) + "\",\"tags\":[\"family\"]");
        user.createTask("Done already", "");
        for (boolean dark : new boolean[] {false, true}) {
            browser.darkMode(dark);
            for (int[] size : new int[][] {
                {QuickCaptureIT.DESKTOP_WIDTH, QuickCaptureIT.DESKTOP_HEIGHT},
                {QuickCaptureIT.PHONE_WIDTH, QuickCaptureIT.PHONE_HEIGHT}
            }) {
                browser.size(size[0], size[1]);
                String where = (dark ? "dark" : "light") + " " + size[0] + "px ";
                check("/tasks", found, where);
                tasks.typeLine("Pay rent tomorrow 9am !high #home", 3);
                tasks.row("Done already")
                        .orElseThrow()
                        .findElement(By.cssSelector("button.check"))
                        .click();
                tasks.awaitToast("Done");
                found.addAll(prefixed(where + "/tasks with chips and the toast", Axe.seriousOrCritical(browser)));
                tasks.undo();
                tasks.askToDelete("Call mum");
                found.addAll(prefixed(where + "/tasks asking to delete", Axe.seriousOrCritical(browser)));
                check("/tasks?status=all&sort=dueAt", found, where);
                check("/profile", found, where);
                check("/assistant", found, where);
                TasksPageObject.open(browser, "").edit("Overdue rent");
                found.addAll(prefixed(where + "/task", Axe.seriousOrCritical(browser)));
            }
        }
        browser.darkMode(false);

        assertThat(found).isEmpty();
    }

    @Test
    void axeReportsASeriousViolationWhenThereIsOne() {
        browser.open("/sign-in");
        browser.driver()
                .executeScript("var b = document.createElement('button'); b.id = 'nameless';"
                        + "document.getElementById('main').appendChild(b);");

        assertThat(Axe.seriousOrCritical(browser))
                .anyMatch(v -> v.startsWith("button-name") && v.contains("#nameless"));
    }

    private static void check(String page, List<String> found) {
        check(page, found, "");
    }

    private static void check(String page, List<String> found, String where) {
        browser.open(page);
        browser.await(d -> "complete".equals(browser.driver().executeScript("return document.readyState")));
        found.addAll(prefixed(where + page, Axe.seriousOrCritical(browser)));
    }

    private static List<String> prefixed(String page, List<String> violations) {
        return violations.stream().map(v -> page + ": " + v).toList();
    }
}
