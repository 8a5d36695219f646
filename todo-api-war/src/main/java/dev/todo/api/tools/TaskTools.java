package dev.todo.api.tools;

import static dev.todo.api.json.JsonbSettings.JSONB;
import static dev.todo.api.json.SharedJsonProvider.JSON;
import static dev.todo.api.tools.ArgumentSchema.dateTime;
import static dev.todo.api.tools.ArgumentSchema.integer;
import static dev.todo.api.tools.ArgumentSchema.object;
import static dev.todo.api.tools.ArgumentSchema.oneOf;
import static dev.todo.api.tools.ArgumentSchema.string;
import static dev.todo.api.tools.ArgumentSchema.strings;
import static dev.todo.api.tools.ArgumentSchema.uuid;

import dev.todo.api.json.JsonInput;
import dev.todo.api.json.RequestValidator;
import dev.todo.api.json.TimeZoneName;
import dev.todo.api.problem.FieldError;
import dev.todo.api.problem.ProblemException;
import dev.todo.api.task.Category;
import dev.todo.api.task.Priority;
import dev.todo.api.task.Recurrence;
import dev.todo.api.task.TaskListOptions;
import dev.todo.api.task.TaskQuery;
import dev.todo.api.task.TaskService;
import dev.todo.api.task.dto.CompletionResult;
import dev.todo.api.task.dto.TaskInput;
import dev.todo.api.task.dto.TaskPage;
import dev.todo.api.task.dto.TaskStats;
import dev.todo.api.task.dto.TaskView;
import dev.todo.api.telemetry.ToolCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The seven task tools that the assistant and the MCP server offer: their schemas and their behaviour, over
 * {@link TaskService}. Arguments are checked once, by the tasks API's own rules and in its words. The acting user is
 * always the {@code owner} the caller got from a verified token; no argument names a user, so no prompt can reach
 * another user's tasks (their ids look like missing ones).
 */
@ApplicationScoped
public class TaskTools {

    public static final List<ToolDefinition> CATALOGUE = List.of(
            new ToolDefinition(
                    "create_task",
                    "Create a task for the user. Only title is required.",
                    object(taskFields(false), List.of("title"))),
            new ToolDefinition(
                    "list_tasks",
                    "List the user's tasks, newest first unless sorted otherwise; "
                            + "filter by status, priority, category, tag, due window or text.",
                    object(listFields(), List.of())),
            new ToolDefinition("get_task", "Read one task by id.", object(idField(), List.of("id"))),
            new ToolDefinition(
                    "update_task",
                    "Change some fields of a task; fields left out stay as they are. "
                            + "dueAt or remindAt null clears it.",
                    object(withId(taskFields(true)), List.of("id"))),
            new ToolDefinition("delete_task", "Delete a task for good.", object(idField(), List.of("id"))),
            new ToolDefinition(
                    "toggle_complete",
                    "Mark an open task completed, or a completed task open again. "
                            + "Completing a repeating task schedules its next occurrence.",
                    object(idField(), List.of("id"))),
            new ToolDefinition(
                    "get_stats",
                    "Count the user's tasks: total, open, completed, overdue, due today, "
                            + "and open ones by priority and category.",
                    object(Map.of("tz", timeZone()), List.of())));

    /** The tools a {@code read} token may use: they change nothing. */
    public static final Set<String> READING_TOOLS = Set.of("list_tasks", "get_task", "get_stats");

    public static final String READ_ONLY_REFUSAL = "this token has the read scope, so it can list and read tasks"
            + " but not create, change, complete or delete them; the user can make a read-write token for that.";

    private static final List<ToolDefinition> READING_CATALOGUE = CATALOGUE.stream()
            .filter(tool -> READING_TOOLS.contains(tool.name()))
            .toList();

    private static final Map<String, ToolDefinition> BY_NAME =
            CATALOGUE.stream().collect(Collectors.toUnmodifiableMap(ToolDefinition::name, tool -> tool));

    /** The list options that list_tasks names as a model reads them best; the options' own names are the query's. */
    private static final Map<String, String> LIST_ARGUMENTS = Map.of("q", "search", "size", "limit");

    @Inject
    TaskService tasks;

    @Inject
    RequestValidator validator;

    @Inject
    ToolCalls toolCalls;

    public static Optional<ToolDefinition> definition(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every tool, or only the reading ones for a token that may not write. */
    public static List<ToolDefinition> catalogue(boolean mayWrite) {
        return mayWrite ? CATALOGUE : READING_CATALOGUE;
    }

    /** Whether the tool of this name creates, changes, completes or deletes tasks. */
    public static boolean changesTasks(String name) {
        return BY_NAME.containsKey(name) && !READING_TOOLS.contains(name);
    }

    /**
     * Runs a tool whose arguments came as JSON text, for a token that may or may not write: a tool that changes
     * tasks is refused, as a failed result, unless it may.
     */
    public ToolResult call(UUID owner, String name, String arguments, ZoneId zone, boolean mayWrite) {
        if (!mayWrite && changesTasks(name)) {
            return ToolResult.failed(name, READ_ONLY_REFUSAL);
        }
        return call(owner, name, arguments, zone);
    }

    /** The same for arguments already parsed, as MCP clients send them. */
    public ToolResult call(UUID owner, String name, JsonValue arguments, ZoneId zone, boolean mayWrite) {
        if (!mayWrite && changesTasks(name)) {
            return ToolResult.failed(name, READ_ONLY_REFUSAL);
        }
        return call(owner, name, arguments, zone);
    }

    /**
     * Runs a tool whose arguments came as JSON text, as models send them; {@code zone} is the user's time zone, for
     * the tools with a {@code tz} argument that were not given one.
     */
    public ToolResult call(UUID owner, String name, String arguments, ZoneId zone) {
        return toolCalls.call(label(name), () -> parseAndRun(owner, name, arguments, zone));
    }

    private ToolResult parseAndRun(UUID owner, String name, String arguments, ZoneId zone) {
        JsonValue parsed;
        try (JsonReader reader =
                JSON.createReader(new StringReader(arguments == null || arguments.isBlank() ? "{}" : arguments))) {
            parsed = reader.readValue();
        } catch (RuntimeException e) {
            return ToolResult.failed(name, "the arguments are not valid JSON");
        }
        return run(owner, name, parsed, zone);
    }

    /** Runs a tool for the owner; every failure, including an unknown tool, comes back as a failed result. */
    public ToolResult call(UUID owner, String name, JsonValue arguments) {
        return call(owner, name, arguments, ZoneOffset.UTC);
    }

    /**
     * Runs a tool for the owner, with due dates counted in {@code zone} unless the arguments name a {@code tz};
     * every failure, including an unknown tool, comes back as a failed result.
     */
    public ToolResult call(UUID owner, String name, JsonValue arguments, ZoneId zone) {
        return toolCalls.call(label(name), () -> run(owner, name, arguments, zone));
    }

    /** The tool's name as metrics and spans show it: only the catalogue's names, so no caller can invent series. */
    private static String label(String name) {
        return BY_NAME.containsKey(name) ? name : "unknown";
    }

    private ToolResult run(UUID owner, String name, JsonValue arguments, ZoneId zone) {
        ToolDefinition tool = BY_NAME.get(name);
        if (tool == null) {
            return ToolResult.failed(
                    String.valueOf(name),
                    "there is no tool named '" + name + "'; the tools are "
                            + CATALOGUE.stream().map(ToolDefinition::name).collect(Collectors.joining(", ")));
        }
        try {
            JsonInput input = JsonInput.of(arguments, tool.argumentNames()).required(tool.requiredArguments());
            return switch (name) {
                case "create_task" ->
                    done(name, "Created", tasks.create(owner, validator.valid(input, TaskInput.read(input))));
                case "list_tasks" ->
                    listed(tasks.list(
                            owner,
                            validator.valid(input, listOptions(input, zone)).toQuery()));
                case "get_task" -> done(name, "Read", tasks.get(owner, id(input)));
                case "update_task" -> done(name, "Updated", update(owner, input));
                case "delete_task" -> deleted(tasks.delete(owner, id(input)));
                case "toggle_complete" -> toggled(tasks.toggle(owner, id(input)));
                case "get_stats" -> counted(tasks.stats(owner, stats(input, zone)));
                default -> throw new IllegalStateException("tool without behaviour: " + name);
            };
        } catch (ProblemException e) {
            List<FieldError> errors = e.problem().errors();
            String detail = e.problem().detail() == null
                    ? e.problem().title()
                    : e.problem().detail();
            return ToolResult.failed(name, errors.isEmpty() ? detail : "invalid arguments: " + describe(errors));
        }
    }

    private TaskView update(UUID owner, JsonInput input) {
        UUID id = input.uuid("id");
        TaskInput changes = TaskInput.read(input);
        return tasks.update(owner, id, validator.validFields(input, changes, changes.present()));
    }

    /** The list options from the arguments, which name two of them differently (see {@link #LIST_ARGUMENTS}). */
    private static TaskListOptions listOptions(JsonInput input, ZoneId zone) {
        Map<String, String> values = new HashMap<>();
        for (String option : List.of("status", "priority", "category", "tag", "due", "q", "sort", "direction")) {
            values.put(option, input.string(LIST_ARGUMENTS.getOrDefault(option, option)));
        }
        Long limit = input.wholeNumber("limit");
        values.put("size", limit == null ? null : limit.toString());
        values.put("tz", timeZone(input, zone));
        return TaskListOptions.of(values);
    }

    private static ZoneId stats(JsonInput input, ZoneId zone) {
        String tz = timeZone(input, zone);
        input.failIfInvalid();
        return TimeZoneName.Rule.zone("tz", tz);
    }

    private static String timeZone(JsonInput input, ZoneId zone) {
        String tz = input.string("tz");
        return tz == null ? zone.getId() : tz;
    }

    private static UUID id(JsonInput input) {
        UUID id = input.uuid("id");
        input.failIfInvalid();
        return id;
    }

    private static ToolResult done(String tool, String what, TaskView task) {
        return ToolResult.ok(tool, what + " task " + quoted(task), json(task));
    }

    private static ToolResult listed(TaskPage page) {
        long total = page.total();
        String summary = "Found " + total + (total == 1 ? " task" : " tasks")
                + (page.items().size() < total ? ", showing " + page.items().size() : "");
        return ToolResult.ok("list_tasks", summary, json(page));
    }

    private static ToolResult deleted(TaskView task) {
        return ToolResult.ok(
                "delete_task",
                "Deleted task " + quoted(task),
                JSON.createObjectBuilder()
                        .add("deleted", task.id().toString())
                        .add("title", task.title())
                        .build()
                        .toString());
    }

    private static ToolResult toggled(CompletionResult result) {
        TaskView task = result.task();
        if (!task.completed()) {
            return ToolResult.ok("toggle_complete", "Reopened task " + quoted(task), json(task));
        }
        String next = result.nextOccurrence() == null
                ? ""
                : "; the next one is due " + result.nextOccurrence().dueAt();
        return ToolResult.ok("toggle_complete", "Completed task " + quoted(task) + next, json(result));
    }

    private static ToolResult counted(TaskStats stats) {
        return ToolResult.ok(
                "get_stats",
                "Counted " + stats.total() + " tasks: " + stats.open() + " open, " + stats.completed() + " completed, "
                        + stats.overdue() + " overdue",
                json(stats));
    }

    private static Map<String, Map<String, Object>> taskFields(boolean update) {
        Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
        fields.put("title", string("Short title, e.g. 'Buy milk'", 1, TaskInput.MAX_TITLE));
        fields.put("description", string("Longer notes", 0, TaskInput.MAX_DESCRIPTION));
        fields.put("priority", oneOf("How urgent; MEDIUM when not said", names(Priority.values())));
        fields.put("category", oneOf("OTHER when not said", names(Category.values())));
        fields.put(
                "tags", strings("Short labels; replaces all tags of the task", TaskInput.MAX_TAGS, TaskInput.MAX_TAG));
        fields.put("dueAt", dateTime("When it is due, ISO-8601 with offset, e.g. 2026-12-01T09:00:00Z", update));
        fields.put("remindAt", dateTime("When to remind, ISO-8601 with offset", update));
        fields.put("recurrence", oneOf("How it repeats; NONE when not said", names(Recurrence.values())));
        return fields;
    }

    private static Map<String, Map<String, Object>> idField() {
        return Map.of("id", uuid("The task's id"));
    }

    private static Map<String, Map<String, Object>> withId(Map<String, Map<String, Object>> fields) {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>(idField());
        all.putAll(fields);
        return all;
    }

    private static Map<String, Map<String, Object>> listFields() {
        Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
        fields.put("status", oneOf("OPEN, COMPLETED or ALL (default)", names(TaskQuery.Status.values())));
        fields.put("priority", oneOf("Only this priority", names(Priority.values())));
        fields.put("category", oneOf("Only this category", names(Category.values())));
        fields.put("tag", string("Only tasks with this tag", 1, TaskInput.MAX_TAG));
        fields.put(
                "due",
                oneOf(
                        "OVERDUE, due TODAY or this WEEK (days in tz), or NONE for no due date",
                        names(TaskQuery.DueWindow.values())));
        fields.put("search", string("Text in the title or description, any case", 1, TaskListOptions.MAX_SEARCH));
        fields.put("sort", oneOf("Order; createdAt by default", List.of("createdAt", "dueAt", "priority", "title")));
        fields.put("direction", oneOf("DESC by default", List.of("ASC", "DESC")));
        fields.put("limit", integer("How many tasks at most; 20 by default", 1, TaskListOptions.MAX_PAGE_SIZE));
        fields.put("tz", timeZone());
        return fields;
    }

    private static Map<String, Object> timeZone() {
        return string(
                "The user's IANA time zone, e.g. Asia/Karachi: where 'today' and 'this week' are. "
                        + "The user's own zone when known, else UTC",
                1,
                TimeZoneName.MAX_LENGTH);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream()
                .map(error -> (error.field().isEmpty()
                                ? "arguments"
                                : LIST_ARGUMENTS.getOrDefault(error.field(), error.field()))
                        + " " + error.message())
                .collect(Collectors.joining("; "));
    }

    private static String quoted(TaskView task) {
        return "'" + task.title() + "'";
    }

    private static String json(Object value) {
        return JSONB.toJson(value);
    }
}
