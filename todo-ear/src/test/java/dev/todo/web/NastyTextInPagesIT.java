package dev.todo.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.NastyText;
import jakarta.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Text that has broken applications before, stored through the API, comes back in the pages exactly as typed and
 * only ever as text: no element, script or dialog appears. Allowed for: the HTML parser turns a carriage return into
 * a line feed, a one-line input drops line breaks, and the pages leave out the other C0 control characters (bell,
 * escape), which HTML does not allow in a document; the API still returns them exactly.
 */
class NastyTextInPagesIT extends BrowserTest {

    @Test
    void everySampleIsShownAsTheTextThatWasStored() {
        signUpNewUser("Nasty Text");
        ApiClient user = ApiClient.withToken(browser.cookie("todo_session").getValue());
        Map<String, String> ids = new LinkedHashMap<>();
        NastyText.SAMPLES.forEach((name, text) -> ids.put(
                text,
                user.createTask(text, "\"description\":" + Json.createValue(text))
                        .getString("id")));

        TasksPageObject.open(browser, "?size=50");
        @SuppressWarnings("unchecked")
        List<String> titles = (List<String>)
                browser.driver()
                        .executeScript(
                                "return Array.from(document.querySelectorAll('li.task .task-title')).map(e => e.textContent.trim())");
        assertThat(titles)
                .containsExactlyInAnyOrderElementsOf(NastyText.SAMPLES.values().stream()
                        .map(text -> asParsed(text).strip())
                        .toList());
        assertThat(browser.driver().findElements(By.id("injected"))).isEmpty();
        browser.screenshot("tasks-nasty-text");

        ids.forEach((text, id) -> {
            browser.open("/task?id=" + id);
            TaskPageObject.awaitLoaded(browser);
            assertThat(browser.driver().executeScript("return document.getElementById('edit:title').value"))
                    .as("title field of %s", id)
                    .isEqualTo(asParsed(text).replace("\n", "").strip());
            assertThat(browser.driver().executeScript("return document.getElementById('edit:description').value"))
                    .as("description field of %s", id)
                    .isEqualTo(asParsed(text));
            assertThat(browser.driver().findElements(By.id("injected"))).isEmpty();
        });
    }

    private static String asParsed(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
    }
}
