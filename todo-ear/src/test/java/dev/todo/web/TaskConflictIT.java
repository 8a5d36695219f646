package dev.todo.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import org.junit.jupiter.api.Test;

/** A task changed elsewhere (another tab, the assistant) while it was being edited in the browser. */
class TaskConflictIT extends BrowserTest {

    /** The web server's cookie holding the API token: the test acts "elsewhere" as the same user. */
    private static final String SESSION_COOKIE = "todo_session";

    @Test
    void savingAStaleEditSaysTheTaskChangedAndKeepsTheEditUntilSavedAgain() {
        TasksPageObject tasks = signUpNewUser("Two Tabs");
        tasks.add("Draft the report");
        String id =
                tasks.row("Draft the report").orElseThrow().getAttribute("id").substring("task-".length());
        TaskPageObject editor = tasks.edit("Draft the report").title("Draft the annual report");

        ApiClient elsewhere = ApiClient.withToken(browser.cookie(SESSION_COOKIE).getValue());
        assertThat(elsewhere
                        .patch("/tasks/" + id, "{\"title\": \"Changed in another tab\"}")
                        .statusCode())
                .isEqualTo(200);
        String message = editor.saveExpectingConflict();

        assertThat(message).contains("changed elsewhere");
        assertThat(editor.value("title")).isEqualTo("Draft the annual report");
        assertThat(Http.json(elsewhere.get("/tasks/" + id)).getString("title")).isEqualTo("Changed in another tab");
        assertThat(editor.save().titles()).containsExactly("Draft the annual report");
    }
}
