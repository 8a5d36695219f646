package dev.todo.api.task;

import dev.todo.api.json.JsonInput;
import dev.todo.api.json.RequestValidator;
import dev.todo.api.problem.FieldError;
import dev.todo.api.problem.Problem;
import dev.todo.api.problem.ProblemException;
import dev.todo.api.security.CurrentUser;
import dev.todo.api.security.SignedIn;
import dev.todo.api.task.dto.CompletionResult;
import dev.todo.api.task.dto.TaskInput;
import dev.todo.api.task.dto.TaskPage;
import dev.todo.api.task.dto.TaskStats;
import dev.todo.api.task.dto.TaskView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/tasks}: the signed-in user's tasks. HTTP only; the behaviour is in {@link TaskService}. */
@Path("tasks")
@RequestScoped
@SignedIn
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class TaskResource {

    private static final String TASK_EXAMPLE = """
            {"title": "Buy milk", "priority": "HIGH", "category": "HOME", "tags": ["errands"],
             "dueAt": "2026-12-01T09:00:00Z", "recurrence": "WEEKLY"}""";

    static final int MAX_PAGE_SIZE = 100;

    @Inject
    TaskService service;

    @Inject
    CurrentUser user;

    @Inject
    RequestValidator validator;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List tasks", description = "Filter, search, sort and page the user's tasks.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = TaskPage.class)))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TaskPage list(
            @Parameter(description = "open, completed or all (default)") @QueryParam("status") String status,
            @Parameter(description = "LOW, MEDIUM or HIGH") @QueryParam("priority") String priority,
            @Parameter(description = "WORK, PERSONAL, HOME or OTHER") @QueryParam("category") String category,
            @Parameter(description = "only tasks with this tag") @QueryParam("tag") String tag,
            @Parameter(description = "overdue, today, week or none (no due date)") @QueryParam("due") String due,
            @Parameter(description = "due: only open tasks whose reminder time has come") @QueryParam("reminder")
                    String reminder,
            @Parameter(description = "text in title or description, any case") @QueryParam("q") String text,
            @Parameter(description = "createdAt (default), dueAt, priority or title") @QueryParam("sort") String sort,
            @Parameter(description = "asc or desc (default)") @QueryParam("direction") String direction,
            @Parameter(description = "page number from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1 to 100 (default 20)") @QueryParam("size") String size,
            @Parameter(description = "IANA time zone for today and this week, e.g. Asia/Karachi (default UTC)")
                    @QueryParam("tz")
                    String zone) {
        List<FieldError> errors = new ArrayList<>();
        TaskQuery query = new TaskQuery(
                choice("status", status, TaskQuery.Status.class, TaskQuery.Status.ALL, errors),
                choice("priority", priority, Priority.class, null, errors),
                choice("category", category, Category.class, null, errors),
                blankToNull(tag),
                choice("due", due, TaskQuery.DueWindow.class, null, errors),
                choice("reminder", reminder, TaskQuery.Reminder.class, null, errors),
                blankToNull(text),
                sortOf(sort, errors),
                "asc".equalsIgnoreCase(direction) || checkDirection(direction, errors),
                number("page", page, 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE, errors),
                number("size", size, 20, 1, MAX_PAGE_SIZE, errors),
                zone(zone, errors));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return service.list(user.id(), query);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a task")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = TaskInput.class),
                            examples = @ExampleObject(name = "weekly errand", value = TASK_EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new task",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Fields at fault are listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(String body) {
        JsonInput input = JsonInput.of(body, TaskInput.FIELDS);
        TaskView created = service.create(user.id(), validator.valid(input, TaskInput.read(input)));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Path("stats")
    @Operation(summary = "Counts of the user's tasks")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = TaskStats.class)))
    public TaskStats stats(@Parameter(description = "IANA time zone for due today") @QueryParam("tz") String zone) {
        List<FieldError> errors = new ArrayList<>();
        ZoneId zoneId = zone(zone, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return service.stats(user.id(), zoneId);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get one task")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such task for this user",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TaskView get(@PathParam("id") String id) {
        return service.get(user.id(), taskId(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a task", description = "Every field is set; version must be the current one.")
    @RequestBody(content = @Content(schema = @Schema(implementation = TaskInput.class)))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Stale version; the body holds the current task as `current`",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TaskView replace(@PathParam("id") String id, String body) {
        UUID taskId = taskId(id);
        JsonInput input = JsonInput.of(body, TaskInput.FIELDS);
        return service.replace(user.id(), taskId, validator.valid(input, TaskInput.read(input)));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Change some fields of a task",
            description = "Only the fields sent change; null clears " + "a date. With version, a stale value gets 409.")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = TaskInput.class),
                            examples =
                                    @ExampleObject(
                                            name = "raise priority",
                                            value = "{\"priority\": \"HIGH\", \"version\": 3}")))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Stale version",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TaskView update(@PathParam("id") String id, String body) {
        UUID taskId = taskId(id);
        JsonInput input = JsonInput.of(body, TaskInput.FIELDS);
        TaskInput changes = TaskInput.read(input);
        return service.update(user.id(), taskId, validator.validFields(input, changes, changes.present()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a task")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "404",
            description = "No such task for this user",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response delete(@PathParam("id") String id) {
        service.delete(user.id(), taskId(id));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/completion")
    @Operation(summary = "Complete a task", description = "A repeating task gets its next occurrence, once.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = CompletionResult.class)))
    public CompletionResult complete(@PathParam("id") String id) {
        return service.complete(user.id(), taskId(id));
    }

    @DELETE
    @Path("{id}/completion")
    @Operation(summary = "Reopen a completed task")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    public TaskView reopen(@PathParam("id") String id) {
        return service.reopen(user.id(), taskId(id));
    }

    /** A malformed id cannot name any task: the same 404 as a missing one. */
    private static UUID taskId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Task " + id);
        }
    }

    private static <E extends Enum<E>> E choice(
            String name, String value, Class<E> type, E fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        errors.add(new FieldError(
                name,
                "must be one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                                .toList()));
        return fallback;
    }

    private static TaskQuery.Sort sortOf(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return TaskQuery.Sort.CREATED_AT;
        }
        return switch (value.strip()) {
            case "createdAt" -> TaskQuery.Sort.CREATED_AT;
            case "dueAt" -> TaskQuery.Sort.DUE_AT;
            case "priority" -> TaskQuery.Sort.PRIORITY;
            case "title" -> TaskQuery.Sort.TITLE;
            default -> {
                errors.add(new FieldError("sort", "must be one of createdAt, dueAt, priority, title"));
                yield TaskQuery.Sort.CREATED_AT;
            }
        };
    }

    private static boolean checkDirection(String direction, List<FieldError> errors) {
        if (direction != null && !direction.isBlank() && !"desc".equalsIgnoreCase(direction)) {
            errors.add(new FieldError("direction", "must be asc or desc"));
        }
        return false;
    }

    private static int number(String name, String value, int fallback, int min, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    private static ZoneId zone(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            errors.add(new FieldError("tz", "must be an IANA time zone such as Europe/Berlin"));
            return ZoneOffset.UTC;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
