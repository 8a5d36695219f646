package dev.todo.api.task;

import dev.todo.api.json.JsonInput;
import dev.todo.api.json.RequestValidator;
import dev.todo.api.json.TimeZoneName;
import dev.todo.api.problem.Problem;
import dev.todo.api.security.CurrentUser;
import dev.todo.api.security.SignedIn;
import dev.todo.api.task.dto.CompletionResult;
import dev.todo.api.task.dto.TaskInput;
import dev.todo.api.task.dto.TaskPage;
import dev.todo.api.task.dto.TaskStats;
import dev.todo.api.task.dto.TaskView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
    public TaskPage list(@BeanParam TaskListOptions options) {
        return service.list(user.id(), validator.valid(options).toQuery());
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
    public TaskStats stats(
            @Parameter(description = "IANA time zone for due today, e.g. Asia/Karachi (default UTC)") @QueryParam("tz")
                    String tz) {
        return service.stats(user.id(), TimeZoneName.Rule.zone("tz", tz));
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
    public TaskView get(@PathParam("id") UUID id) {
        return service.get(user.id(), id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace a task",
            description = "Every field is set; version must be the current one. The task as GET returned it may be "
                    + "sent back changed: its read-only fields are ignored, but an id must be this task's.")
    @RequestBody(content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Stale version; the body holds the current task as `current`",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TaskView replace(@PathParam("id") UUID id, String body) {
        JsonInput input = JsonInput.of(body, TaskInput.FIELDS, TaskView.READ_ONLY, id);
        return service.replace(user.id(), id, validator.valid(input, TaskInput.read(input)));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Change some fields of a task",
            description =
                    "Only the fields sent change; null clears a date; read-only fields are ignored. With version, "
                            + "a stale value gets 409.")
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
    public TaskView update(@PathParam("id") UUID id, String body) {
        JsonInput input = JsonInput.of(body, TaskInput.FIELDS, TaskView.READ_ONLY, id);
        TaskInput changes = TaskInput.read(input);
        return service.update(user.id(), id, validator.validFields(input, changes, changes.present()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a task")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "404",
            description = "No such task for this user",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response delete(@PathParam("id") UUID id) {
        service.delete(user.id(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/completion")
    @Operation(summary = "Complete a task", description = "A repeating task gets its next occurrence, once.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = CompletionResult.class)))
    public CompletionResult complete(@PathParam("id") UUID id) {
        return service.complete(user.id(), id);
    }

    @DELETE
    @Path("{id}/completion")
    @Operation(summary = "Reopen a completed task")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    public TaskView reopen(@PathParam("id") UUID id) {
        return service.reopen(user.id(), id);
    }
}
