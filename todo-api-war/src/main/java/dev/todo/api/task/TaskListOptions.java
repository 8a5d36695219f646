package dev.todo.api.task;

import static jakarta.validation.constraints.Pattern.Flag.CASE_INSENSITIVE;

import dev.todo.api.json.TimeZoneName;
import dev.todo.api.task.dto.TaskInput;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What a task list asks for, as {@code GET /api/tasks} reads it from the query and the {@code list_tasks} tool from
 * its arguments: one set of rules for both, checked by Bean Validation. Values are case-insensitive except sort (a
 * task field's name); blank means the default. {@link #toQuery()} turns checked options into the service's query.
 */
public class TaskListOptions {

    /** The most tasks on one page; {@value #MAX_PAGE} pages of it stay within an int offset. */
    public static final int MAX_PAGE_SIZE = 100;

    public static final int MAX_SEARCH = 200;
    static final int MAX_PAGE = 9_999_999;

    @QueryParam("status")
    @DefaultValue("all")
    @Pattern(regexp = "|open|completed|all", flags = CASE_INSENSITIVE, message = "must be one of open, completed, all")
    private String status;

    @QueryParam("priority")
    @Pattern(regexp = "|low|medium|high", flags = CASE_INSENSITIVE, message = "must be one of low, medium, high")
    private String priority;

    @QueryParam("category")
    @Pattern(
            regexp = "|work|personal|home|other",
            flags = CASE_INSENSITIVE,
            message = "must be one of work, personal, home, other")
    private String category;

    @QueryParam("tag")
    @Parameter(description = "only tasks with this tag")
    @Size(max = TaskInput.MAX_TAG, message = "must be at most " + TaskInput.MAX_TAG + " characters")
    private String tag;

    @QueryParam("due")
    @Parameter(description = "overdue, today, week or none (no due date)")
    @Pattern(
            regexp = "|overdue|today|week|none",
            flags = CASE_INSENSITIVE,
            message = "must be one of overdue, today, week, none")
    private String due;

    @QueryParam("reminder")
    @Parameter(description = "due: only open tasks whose reminder time has come")
    @Pattern(regexp = "|due", flags = CASE_INSENSITIVE, message = "must be due")
    private String reminder;

    @QueryParam("q")
    @Parameter(description = "text in title or description, any case")
    @Size(max = MAX_SEARCH, message = "must be at most " + MAX_SEARCH + " characters")
    private String q;

    @QueryParam("sort")
    @DefaultValue("createdAt")
    @Pattern(regexp = "|createdAt|dueAt|priority|title", message = "must be one of createdAt, dueAt, priority, title")
    private String sort;

    @QueryParam("direction")
    @DefaultValue("desc")
    @Pattern(regexp = "|asc|desc", flags = CASE_INSENSITIVE, message = "must be asc or desc")
    private String direction;

    @QueryParam("page")
    @DefaultValue("0")
    @Parameter(description = "page number from 0")
    @Pattern(regexp = "\\d{0,7}", message = "must be a whole number from 0 to " + MAX_PAGE)
    private String page;

    @QueryParam("size")
    @DefaultValue("20")
    @Parameter(description = "page size, 1 to " + MAX_PAGE_SIZE)
    @Pattern(regexp = "|[1-9][0-9]?|100", message = "must be a whole number from 1 to " + MAX_PAGE_SIZE)
    private String size;

    @QueryParam("tz")
    @DefaultValue("UTC")
    @Parameter(description = "IANA time zone for today and this week, e.g. Asia/Karachi")
    @TimeZoneName
    private String tz;

    /** Options by their query parameter names, for callers other than Jakarta REST (which sets the fields). */
    public static TaskListOptions of(Map<String, String> values) {
        TaskListOptions options = new TaskListOptions();
        options.status = values.get("status");
        options.priority = values.get("priority");
        options.category = values.get("category");
        options.tag = values.get("tag");
        options.due = values.get("due");
        options.reminder = values.get("reminder");
        options.q = values.get("q");
        options.sort = values.get("sort");
        options.direction = values.get("direction");
        options.page = values.get("page");
        options.size = values.get("size");
        options.tz = values.get("tz");
        return options;
    }

    /** The service's query for options that passed validation. */
    public TaskQuery toQuery() {
        return new TaskQuery(
                choice(status, TaskQuery.Status.class, TaskQuery.Status.ALL),
                choice(priority, Priority.class, null),
                choice(category, Category.class, null),
                text(tag),
                choice(due, TaskQuery.DueWindow.class, null),
                choice(reminder, TaskQuery.Reminder.class, null),
                text(q),
                switch (sort == null ? "" : sort) {
                    case "dueAt" -> TaskQuery.Sort.DUE_AT;
                    case "priority" -> TaskQuery.Sort.PRIORITY;
                    case "title" -> TaskQuery.Sort.TITLE;
                    default -> TaskQuery.Sort.CREATED_AT;
                },
                "asc".equalsIgnoreCase(direction),
                text(page) == null ? 0 : Integer.parseInt(page),
                text(size) == null ? 20 : Integer.parseInt(size),
                TimeZoneName.Rule.zone(tz));
    }

    private static <E extends Enum<E>> E choice(String value, Class<E> type, E fallback) {
        return text(value) == null ? fallback : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
