package dev.todo.api.transfer;

import dev.todo.api.problem.Problem;
import dev.todo.api.security.CurrentUser;
import dev.todo.api.security.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/export}: everything of the account as JSON, or its tasks as CSV; a read token may export. */
@Path("export")
@RequestScoped
@SignedIn
@Tag(name = "Export and import")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class ExportResource {

    static final String CSV = "text/csv";

    @Inject
    TransferService transfer;

    @Inject
    CurrentUser user;

    Clock clock = Clock.systemUTC();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Export everything as JSON",
            description = "The account, every task (tags, recurrence, reminders, times) and every conversation with"
                    + " its messages; POST /api/import takes it back.")
    @APIResponse(responseCode = "200", description = "The export, as a download")
    public Response json() {
        return download(
                transfer.exportJson(user.id()).toString(), MediaType.APPLICATION_JSON + "; charset=utf-8", "json");
    }

    @GET
    @Path("tasks.csv")
    @Produces(CSV)
    @Operation(
            summary = "Export the tasks as CSV",
            description = "One row per task: id, title, description, priority, category, tags (joined by ;), dueAt,"
                    + " remindAt, recurrence, completed, completedAt, createdAt, updatedAt. Cells that a spreadsheet"
                    + " would take for a formula start with an apostrophe.")
    @APIResponse(responseCode = "200", description = "The CSV, as a download", content = @Content(mediaType = CSV))
    public Response csv() {
        return download(transfer.exportCsv(user.id()), CSV + "; charset=utf-8", "csv");
    }

    private Response download(String body, String type, String extension) {
        String name = "todo-export-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + "." + extension;
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
