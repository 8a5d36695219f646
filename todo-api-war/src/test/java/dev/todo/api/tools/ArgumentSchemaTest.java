package dev.todo.api.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.api.problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentSchemaTest {

    @Test
    void acceptsArgumentsThatFitTheSchema() {
        assertThat(violations("create_task", """
                {"title": "Buy milk", "priority": "HIGH", "tags": ["errands"], "dueAt": "2026-12-01T09:00:00Z"}""")).isEmpty();
        assertThat(violations("get_stats", "{}")).isEmpty();
        assertThat(violations("update_task", """
                {"id": "0b9f8c52-6d3e-4a51-9a84-2f0c1d7e5a10", "dueAt": null}""")).isEmpty();
    }

    @Test
    void reportsAMissingRequiredField() {
        assertThat(violations("create_task", "{\"priority\": \"LOW\"}"))
                .containsExactly(new FieldError("title", "is required"));
    }

    @Test
    void refusesUnknownFieldsSoNoArgumentCanNameAUser() {
        assertThat(violations("list_tasks", "{\"userId\": \"someone-else\"}"))
                .containsExactly(new FieldError("userId", "unknown field"));
    }

    @Test
    void checksTypesEnumsAndFormats() {
        assertThat(violations("create_task", """
                {"title": 42, "priority": "URGENT", "dueAt": "tomorrow", "tags": ["ok", 7]}"""))
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("title", "priority", "dueAt", "tags[1]");
        assertThat(violations("get_task", "{\"id\": \"not-a-uuid\"}"))
                .containsExactly(new FieldError("id", "must be a task id (a UUID)"));
    }

    @Test
    void checksLengthsAndRanges() {
        assertThat(violations("create_task", "{\"title\": \"   \"}"))
                .containsExactly(new FieldError("title", "must not be blank"));
        assertThat(violations("create_task", "{\"title\": \"" + "x".repeat(256) + "\"}"))
                .containsExactly(new FieldError("title", "must be at most 255 characters"));
        assertThat(violations("list_tasks", "{\"limit\": 1000}"))
                .containsExactly(new FieldError("limit", "must be from 1 to 100"));
        assertThat(violations("list_tasks", "{\"limit\": 2.5}"))
                .containsExactly(new FieldError("limit", "must be integer"));
    }

    @Test
    void nullIsOnlyAllowedWhereTheSchemaSaysSo() {
        assertThat(violations("create_task", "{\"title\": \"a\", \"dueAt\": null}"))
                .containsExactly(new FieldError("dueAt", "must not be null"));
    }

    @Test
    void argumentsMustBeAnObject() {
        assertThat(violations("get_stats", "[]")).containsExactly(new FieldError("", "must be object"));
    }

    private static List<FieldError> violations(String tool, String json) {
        JsonValue arguments = Json.createReader(new StringReader(json)).readValue();
        return ArgumentSchema.violations(
                TaskTools.definition(tool).orElseThrow().inputSchema(), arguments);
    }
}
