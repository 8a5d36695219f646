package dev.todo.api.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.api.task.TaskListOptions;
import dev.todo.api.task.dto.TaskInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskToolsCatalogueTest {

    @Test
    void offersExactlyTheSevenTaskTools() {
        assertThat(TaskTools.CATALOGUE)
                .extracting(ToolDefinition::name)
                .containsExactly(
                        "create_task",
                        "list_tasks",
                        "get_task",
                        "update_task",
                        "delete_task",
                        "toggle_complete",
                        "get_stats");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySchemaIsAClosedObjectWhoseRequiredFieldsExist() {
        for (ToolDefinition tool : TaskTools.CATALOGUE) {
            Map<String, Object> schema = tool.inputSchema();
            Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
            assertThat(schema)
                    .as(tool.name())
                    .containsEntry("type", "object")
                    .containsEntry("additionalProperties", false);
            assertThat(properties.keySet()).as(tool.name()).containsAll((List<String>) schema.get("required"));
            assertThat(tool.description()).as(tool.name()).isNotBlank();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void noToolArgumentCanNameAUser() {
        for (ToolDefinition tool : TaskTools.CATALOGUE) {
            Map<String, Object> properties =
                    (Map<String, Object>) tool.inputSchema().get("properties");
            assertThat(properties.keySet())
                    .as(tool.name())
                    .noneMatch(name -> name.toLowerCase().contains("user")
                            || name.toLowerCase().contains("owner"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void toolsThatActOnOneTaskRequireItsIdAsAUuid() {
        for (String name : List.of("get_task", "update_task", "delete_task", "toggle_complete")) {
            Map<String, Object> schema =
                    TaskTools.definition(name).orElseThrow().inputSchema();
            assertThat((List<String>) schema.get("required")).as(name).containsExactly("id");
            assertThat(((Map<String, Map<String, Object>>) schema.get("properties")).get("id"))
                    .containsEntry("format", "uuid");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void enumsOfferTheApisValues() {
        Map<String, Map<String, Object>> create = (Map<String, Map<String, Object>>)
                TaskTools.definition("create_task").orElseThrow().inputSchema().get("properties");
        assertThat((List<String>) create.get("priority").get("enum")).containsExactly("LOW", "MEDIUM", "HIGH");
        assertThat((List<String>) create.get("recurrence").get("enum"))
                .containsExactly("NONE", "DAILY", "WEEKLY", "MONTHLY");
        assertThat(create.get("dueAt")).containsEntry("format", "date-time").containsEntry("type", "string");
    }

    @Test
    void propertiesComeInTheOrderTheyAreDeclared() {
        assertThat(properties("create_task").keySet())
                .containsExactly(
                        "title", "description", "priority", "category", "tags", "dueAt", "remindAt", "recurrence");
        assertThat(properties("update_task").keySet()).startsWith("id", "title", "description");
        assertThat(properties("list_tasks").keySet())
                .containsExactly(
                        "status", "priority", "category", "tag", "due", "search", "sort", "direction", "limit", "tz");
    }

    @Test
    void limitsAreTheApisOwn() {
        assertThat(property("create_task", "title")).containsEntry("maxLength", TaskInput.MAX_TITLE);
        assertThat(property("create_task", "description")).containsEntry("maxLength", TaskInput.MAX_DESCRIPTION);
        assertThat(property("create_task", "tags"))
                .containsEntry("maxItems", TaskInput.MAX_TAGS)
                .extractingByKey("items")
                .isEqualTo(Map.of("type", "string", "minLength", 1, "maxLength", TaskInput.MAX_TAG));
        assertThat(property("list_tasks", "limit")).containsEntry("maximum", TaskListOptions.MAX_PAGE_SIZE);
        assertThat(property("list_tasks", "search")).containsEntry("maxLength", TaskListOptions.MAX_SEARCH);
    }

    @Test
    @SuppressWarnings("unchecked")
    void listValuesAreTheListOptionsOwn() {
        assertThat((List<String>) property("list_tasks", "sort").get("enum"))
                .containsExactly("createdAt", "dueAt", "priority", "title");
        assertThat((List<String>) property("list_tasks", "status").get("enum"))
                .containsExactly("OPEN", "COMPLETED", "ALL");
    }

    @Test
    void updateMayClearDatesButCreateMayNot() {
        assertThat(property("update_task", "dueAt").get("type")).isEqualTo(List.of("string", "null"));
        assertThat(property("create_task", "dueAt").get("type")).isEqualTo("string");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theToolsThatCountDaysTakeAnOptionalTimeZone() {
        for (String name : List.of("list_tasks", "get_stats")) {
            assertThat(property(name, "tz")).as(name).containsEntry("type", "string");
            assertThat((List<String>) TaskTools.definition(name)
                            .orElseThrow()
                            .inputSchema()
                            .get("required"))
                    .as(name)
                    .doesNotContain("tz");
        }
    }

    private static Map<String, Object> property(String tool, String name) {
        return properties(tool).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> properties(String tool) {
        return (Map<String, Map<String, Object>>)
                TaskTools.definition(tool).orElseThrow().inputSchema().get("properties");
    }
}
