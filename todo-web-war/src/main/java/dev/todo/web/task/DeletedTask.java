package dev.todo.web.task;

import dev.todo.web.api.Task;
import dev.todo.web.api.TaskFields;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What "Undo" after a delete needs to bring a task back: its fields, carried in the Undo button itself, because the
 * web server keeps nothing between requests. A changed token can only create a task for the same user, which the
 * quick-add form does anyway; the API checks the fields as for any new task.
 */
final class DeletedTask {

    private static final Jsonb JSON = JsonbBuilder.create();

    private DeletedTask() {}

    static String token(Task task) {
        TaskFields fields = new TaskFields(
                task.title(),
                task.description(),
                task.priority(),
                task.category(),
                task.tags(),
                task.dueAt(),
                task.remindAt(),
                task.recurrence(),
                null);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(JSON.toJson(fields).getBytes(StandardCharsets.UTF_8));
    }

    /** The fields of the token; a token that is not one gives an empty title, which the API refuses. */
    static TaskFields fields(String token) {
        try {
            return JSON.fromJson(
                    new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8), TaskFields.class);
        } catch (IllegalArgumentException | JsonbException e) {
            return new TaskFields("", null, null, null, null, null, null, null, null);
        }
    }
}
