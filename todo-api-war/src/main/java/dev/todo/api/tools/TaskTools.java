package dev.todo.api.tools;

import static dev.todo.api.tools.ArgumentSchema.dateTime;
import static dev.todo.api.tools.ArgumentSchema.integer;
import static dev.todo.api.tools.ArgumentSchema.object;
import static dev.todo.api.tools.ArgumentSchema.oneOf;
import static dev.todo.api.tools.ArgumentSchema.string;
import static dev.todo.api.tools.ArgumentSchema.strings;
import static dev.todo.api.tools.ArgumentSchema.uuid;

import dev.todo.api.json.JsonInput;
import dev.todo.api.json.RequestValidator;
import dev.todo.api.problem.FieldError;
import dev.todo.api.problem.ProblemException;
import dev.todo.api.task.Category;
import dev.todo.api.task.Priority;
import dev.todo.api.task.Recurrence;
import dev.todo.api.task.TaskQuery;
import dev.todo.api.task.TaskService;
import dev.todo.api.task.dto.CompletionResult;
import dev.todo.api.task.dto.TaskInput;
import dev.todo.api.task.dto.TaskPage;
import dev.todo.api.task.dto.TaskStats;
import dev.todo.api.task.dto.TaskView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The seven task tools that the assistant and the MCP server offer: their schemas and their behaviour, over
 * {@link TaskService}. The acting user is always the {@code owner} the caller got from a verified token; no
 * argument names a user, so no prompt can reach another user's tasks (their ids look like missing ones).
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
            new ToolDefinition(
                    "get_task", "Read one task by id.", object(Map.of("id", uuid("The task's id")), List.of("id"))),
            new ToolDefinition(
                    "update_task",
                    "Change some fields of a task; fields left out stay as they are. "
                            + "dueAt or remindAt null clears it.",
                    object(withId(taskFields(true)), List.of("id"))),
            new ToolDefinition(
                    "delete_task",
                    "Delete a task for good.",
                    object(Map.of("id", uuid("The task's id")), List.of("id"))),
            new ToolDefinition(
                    "toggle_complete",
                    "Mark an open task completed, or a completed task open again. "
                            + "Completing a repeating task schedules its next occurrence.",
                    object(Map.of("id", uuid("The task's id")), List.of("id"))),
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

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Inject
    TaskService tasks;

    @Inject
    RequestValidator validator;

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

    /** Runs a tool whose arguments came as JSON text, as models send them. */
    public ToolResult call(UUID owner, String name, String arguments) {
        return call(owner, name, arguments, ZoneOffset.UTC);
    }

    /**
     * Runs a tool whose arguments came as JSON text; {@code zone} is the user's time zone, for the tools with a
     * {@code tz} argument that were not given one.
     */
    public ToolResult call(UUID owner, String name, String arguments, ZoneId zone) {
        JsonValue parsed;
        try (JsonReader reader =
                Json.createReader(new StringReader(arguments == null || arguments.isBlank() ? "{}" : arguments))) {
            parsed = reader.readValue();
        } catch (RuntimeException e) {
            return ToolResult.failed(name, "the arguments are not valid JSON");
        }
        return call(owner, name, parsed, zone);
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
        ToolDefinition tool = BY_NAME.get(name);
        if (tool == null) {
            return ToolResult.failed(
                    String.valueOf(name),
                    "there is no tool named '" + name + "'; the tools are "
                            + CATALOGUE.stream().map(ToolDefinition::name).collect(Collectors.joining(", ")));
        }
        List<FieldError> errors = ArgumentSchema.violations(tool.inputSchema(), arguments);
        if (!errors.isEmpty()) {
            return ToolResult.failed(name, "invalid arguments: " + describe(errors));
        }
        JsonObject args = arguments.asJsonObject();
        ZoneId tz;
        try {
            tz = args.containsKey("tz") ? ZoneId.of(args.getString("tz").strip()) : zone;
        } catch (DateTimeException e) {
            return ToolResult.failed(name, "invalid arguments: tz must be an IANA time zone such as Asia/Karachi");
        }
        try {
            return switch (name) {
                case "create_task" -> created(tasks.create(owner, input(args, false)));
                case "list_tasks" -> listed(tasks.list(owner, query(args, tz)));
                case "get_task" -> read(tasks.get(owner, id(args)));
                case "update_task" -> updated(tasks.update(owner, id(args), input(args, true)));
                case "delete_task" -> deleted(owner, id(args));
                case "toggle_complete" -> toggled(owner, id(args));
                case "get_stats" -> counted(tasks.stats(owner, tz));
                default -> throw new IllegalStateException("tool without behaviour: " + name);
            };
        } catch (ProblemException e) {
            String message = e.problem().errors().isEmpty()
                    ? e.problem().detail()
                    : describe(e.problem().errors());
            return ToolResult.failed(name, message == null ? e.problem().title() : message);
        }
    }

    private static ToolResult created(TaskView task) {
        return ToolResult.ok("create_task", "Created task " + quoted(task), json(task));
    }

    private static ToolResult listed(TaskPage page) {
        long total = page.total();
        String summary = "Found " + total + (total == 1 ? " task" : " tasks")
                + (page.items().size() < total ? ", showing " + page.items().size() : "");
        return ToolResult.ok("list_tasks", summary, json(page));
    }

    private static ToolResult read(TaskView task) {
        return ToolResult.ok("get_task", "Read task " + quoted(task), json(task));
    }

    private static ToolResult updated(TaskView task) {
        return ToolResult.ok("update_task", "Updated task " + quoted(task), json(task));
    }

    private ToolResult deleted(UUID owner, UUID id) {
        TaskView task = tasks.get(owner, id);
        tasks.delete(owner, id);
        return ToolResult.ok(
                "delete_task",
                "Deleted task " + quoted(task),
                Json.createObjectBuilder()
                        .add("deleted", id.toString())
                        .add("title", task.title())
                        .build()
                        .toString());
    }

    private ToolResult toggled(UUID owner, UUID id) {
        TaskView task = tasks.get(owner, id);
        if (task.completed()) {
            TaskView reopened = tasks.reopen(owner, id);
            return ToolResult.ok("toggle_complete", "Reopened task " + quoted(reopened), json(reopened));
        }
        CompletionResult result = tasks.complete(owner, id);
        String next = result.nextOccurrence() == null
                ? ""
                : "; the next one is due " + result.nextOccurrence().dueAt();
        return ToolResult.ok("toggle_complete", "Completed task " + quoted(result.task()) + next, json(result));
    }

    private static ToolResult counted(TaskStats stats) {
        return ToolResult.ok(
                "get_stats",
                "Counted " + stats.total() + " tasks: " + stats.open() + " open, " + stats.completed() + " completed, "
                        + stats.overdue() + " overdue",
                json(stats));
    }

    /** The task fields of the arguments as the tasks API would read them, and checked by the same rules. */
    private TaskInput input(JsonObject args, boolean partial) {
        JsonObjectBuilder fields = Json.createObjectBuilder(args);
        fields.remove("id");
        JsonInput input = JsonInput.of(fields.build().toString(), TaskInput.FIELDS);
        TaskInput task = TaskInput.read(input);
        return partial ? validator.validFields(input, task, task.present()) : validator.valid(input, task);
    }

    private static TaskQuery query(JsonObject args, ZoneId zone) {
        return new TaskQuery(
                TaskQuery.Status.valueOf(args.getString("status", "ALL")),
                args.containsKey("priority") ? Priority.valueOf(args.getString("priority")) : null,
                args.containsKey("category") ? Category.valueOf(args.getString("category")) : null,
                blankToNull(args.getString("tag", null)),
                args.containsKey("due") ? TaskQuery.DueWindow.valueOf(args.getString("due")) : null,
                null,
                blankToNull(args.getString("search", null)),
                TaskQuery.Sort.valueOf(args.getString("sort", "CREATED_AT")),
                "ASC".equals(args.getString("direction", "DESC")),
                0,
                args.getInt("limit", 20),
                zone);
    }

    private static UUID id(JsonObject args) {
        return UUID.fromString(args.getString("id"));
    }

    private static Map<String, Map<String, Object>> taskFields(boolean update) {
        Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
        fields.put("title", string("Short title, e.g. 'Buy milk'", 1, 255));
        fields.put("description", string("Longer notes", 0, 4000));
        fields.put("priority", oneOf("How urgent; MEDIUM when not said", names(Priority.values())));
        fields.put("category", oneOf("OTHER when not said", names(Category.values())));
        fields.put("tags", strings("Short labels; replaces all tags of the task", 20, 40));
        fields.put("dueAt", dateTime("When it is due, ISO-8601 with offset, e.g. 2026-12-01T09:00:00Z", update));
        fields.put("remindAt", dateTime("When to remind, ISO-8601 with offset", update));
        fields.put("recurrence", oneOf("How it repeats; NONE when not said", names(Recurrence.values())));
        return fields;
    }

    private static Map<String, Map<String, Object>> withId(Map<String, Map<String, Object>> fields) {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        all.put("id", uuid("The task's id"));
        all.putAll(fields);
        return all;
    }

    private static Map<String, Map<String, Object>> listFields() {
        Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
        fields.put("status", oneOf("OPEN, COMPLETED or ALL (default)", names(TaskQuery.Status.values())));
        fields.put("priority", oneOf("Only this priority", names(Priority.values())));
        fields.put("category", oneOf("Only this category", names(Category.values())));
        fields.put("tag", string("Only tasks with this tag", 1, 40));
        fields.put(
                "due",
                oneOf(
                        "OVERDUE, due TODAY or this WEEK (days in tz), or NONE for no due date",
                        names(TaskQuery.DueWindow.values())));
        fields.put("search", string("Text in the title or description, any case", 1, 200));
        fields.put("sort", oneOf("Order; CREATED_AT by default", names(TaskQuery.Sort.values())));
        fields.put("direction", oneOf("DESC by default", List.of("ASC", "DESC")));
        fields.put("limit", integer("How many tasks at most; 20 by default", 1, 100));
        fields.put("tz", timeZone());
        return fields;
    }

    private static Map<String, Object> timeZone() {
        return string(
                "The user's IANA time zone, e.g. Asia/Karachi: where 'today' and 'this week' are. "
                        + "The user's own zone when known, else UTC",
                1,
                64);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream()
                .map(error -> (error.field().isEmpty() ? "arguments" : error.field()) + " " + error.message())
                .collect(Collectors.joining("; "));
    }

    private static String quoted(TaskView task) {
        return "'" + task.title() + "'";
    }

    private static String json(Object value) {
        return JSONB.toJson(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
