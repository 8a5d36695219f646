package dev.todo.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Layout and touch (issue 18, item 6): long words wrap, targets are big enough for a finger, date fields show their
 * whole value, a form on its way says so, and the assistant's page lines up with the header.
 */
class LayoutAndTouchIT extends BrowserTest {

    private static Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
    }

    private static long horizontalOverflow() {
        return (Long) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    }

    @Test
    void aLongWordWithoutSpacesWrapsInsteadOfWideningThePage() {
        TasksPageObject tasks = signUpNewUser("Long Word");
        String word = "W".repeat(255);
        tasks.add(word);

        for (int[] size : new int[][] {{QuickCaptureIT.DESKTOP_WIDTH, QuickCaptureIT.DESKTOP_HEIGHT}, {390, 844}}) {
            browser.size(size[0], size[1]);
            TasksPageObject.open(browser, "");
            assertThat(horizontalOverflow()).as("at %d px", size[0]).isLessThanOrEqualTo(0L);
            browser.screenshot("tasks-long-word-" + size[0]);
            tasks.edit(word);
            assertThat(horizontalOverflow()).as("edit page at %d px", size[0]).isLessThanOrEqualTo(0L);
        }
    }

    @Test
    void everyButtonOnAPhoneIsAtLeast44PixelsEachWay() {
        TasksPageObject tasks = signUpNewUser("Thumbs");
        ApiClient user = ApiClient.withToken(browser.cookie("todo_session").getValue());
        user.createTask("Tap me", "\"priority\":\"HIGH\",\"tags\":[\"phone\"]");
        user.createTask("Remind me", "\"remindAt\":\"2020-01-01T09:00:00Z\"");
        browser.size(390, 844);

        for (String page : List.of("/tasks", "/profile")) {
            browser.open(page);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> small = (List<Map<String, Object>>)
                    script("return Array.from(document.querySelectorAll('button, .button, input[type=submit], select, "
                            + "input[type=text], input[type=search], summary, .site-nav a, .summary-line a'))"
                            + ".filter(function (e) { var r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; })"
                            + ".map(function (e) { var r = e.getBoundingClientRect();"
                            + "  return { what: e.id || e.className || e.tagName, width: r.width, height: r.height }; })"
                            + ".filter(function (t) { return t.height < 43.5 || t.width < 43.5; })");
            assertThat(small).as("targets smaller than 44x44 px on %s", page).isEmpty();
        }
        TasksPageObject.open(browser, "");
        assertThat(tasks.titles()).contains("Tap me");
    }

    @Test
    void dateFieldsShowTheirWholeValue() {
        signUpNewUser("Dates");
        for (int width : new int[] {QuickCaptureIT.DESKTOP_WIDTH, 390}) {
            browser.size(width, 844);
            TasksPageObject.open(browser, "");
            browser.driver().findElement(By.id("add-details")).click();
            TasksPageObject.setValue(browser.driver().findElement(By.id("add:due")), "2030-12-24T18:30");
            Long width1 = (Long)
                    script("return Math.round(document.getElementById('add:due').getBoundingClientRect().width)");
            assertThat(width1).as("due field at %d px", width).isGreaterThanOrEqualTo(230L);
            browser.screenshot("quick-add-details-" + width);
        }
    }

    @Test
    void aFormOnItsWayShowsItIsBusyAndCannotBeSentTwice() {
        SignUpPageObject.open(browser).fill("Busy Bee", uniqueEmail("busy"), PASSWORD);

        Object busy = ((JavascriptExecutor) browser.driver())
                .executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "var button = document.getElementById('signup:submit');"
                                + "button.click();"
                                + "setTimeout(function () { done([button.disabled, button.getAttribute('aria-busy'), button.value]); }, 0);");

        assertThat(busy).isEqualTo(List.of(true, "true", "Creating your account…"));
        TasksPageObject.awaitLoaded(browser);
    }

    @Test
    void theAssistantPageLinesUpWithTheHeader() {
        signUpNewUser("Aligned");
        browser.size(QuickCaptureIT.DESKTOP_WIDTH, QuickCaptureIT.DESKTOP_HEIGHT);
        browser.open("/assistant");
        browser.await(d -> !d.findElements(By.id("composer:message")).isEmpty());

        Long brand = (Long) script("return Math.round(document.querySelector('.brand').getBoundingClientRect().left)");
        Long content =
                (Long) script("return Math.round(document.querySelector('.chat-layout').getBoundingClientRect().left)");
        Long signOut =
                (Long) script("return Math.round(document.getElementById('signout:go').getBoundingClientRect().right)");
        Long contentRight = (Long)
                script("return Math.round(document.querySelector('.chat-layout').getBoundingClientRect().right)");
        assertThat(Math.abs(brand - content)).isLessThanOrEqualTo(2L);
        assertThat(Math.abs(signOut - contentRight)).isLessThanOrEqualTo(2L);
        browser.screenshot("assistant-aligned");
    }

    @Test
    void writeAMessageFirstGoesAwayOnceSomethingIsTyped() {
        signUpNewUser("Typist");
        AssistantPageObject.open(browser);
        browser.driver().findElement(By.id("composer:send")).click();
        browser.await(
                d -> !d.findElement(By.id("composer:message-message")).getText().isBlank());

        browser.driver().findElement(By.id("composer:message")).sendKeys("Hello");

        assertThat(browser.driver()
                        .findElement(By.id("composer:message-message"))
                        .getText())
                .isEmpty();
    }
}
