package dev.todo.web.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;

/** {@code /tasks}: the signed-in user's tasks. Null query parameters are left out of the request. */
@Path("tasks")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface TasksApi {

    @GET
    TaskList list(
            @QueryParam("status") String status,
            @QueryParam("priority") String priority,
            @QueryParam("category") String category,
            @QueryParam("tag") String tag,
            @QueryParam("due") String due,
            @QueryParam("q") String query,
            @QueryParam("sort") String sort,
            @QueryParam("direction") String direction,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size,
            @QueryParam("tz") String zone);

    /**
     * {@code reminder=due}: the open tasks whose reminder time has come. Asynchronous, so that a page can ask for it
     * while it waits for something else; the caller passes the token (see {@link ApiCalls}).
     */
    @GET
    CompletionStage<TaskList> reminders(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("reminder") String reminder,
            @QueryParam("sort") String sort,
            @QueryParam("direction") String direction,
            @QueryParam("size") Integer size,
            @QueryParam("tz") String zone);

    @GET
    @Path("stats")
    TaskStats stats(@QueryParam("tz") String zone);

    /** {@link #stats(String)} without waiting for the answer; the caller passes the token (see {@link ApiCalls}). */
    @GET
    @Path("stats")
    CompletionStage<TaskStats> statsAsync(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("tz") String zone);

    @GET
    @Path("{id}")
    Task get(@PathParam("id") String id);

    @POST
    Task create(TaskFields fields);

    @PUT
    @Path("{id}")
    Task replace(@PathParam("id") String id, TaskFields fields);

    /** Snoozes or dismisses the task's reminder, whatever its version: nothing else of the task changes. */
    @PATCH
    @Path("{id}")
    Task changeReminder(@PathParam("id") String id, ReminderChange change);

    @DELETE
    @Path("{id}")
    void delete(@PathParam("id") String id);

    @POST
    @Path("{id}/completion")
    Completion complete(@PathParam("id") String id);

    @DELETE
    @Path("{id}/completion")
    Task reopen(@PathParam("id") String id);
}
