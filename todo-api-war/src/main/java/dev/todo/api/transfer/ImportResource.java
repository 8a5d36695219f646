package dev.todo.api.transfer;

import dev.todo.api.problem.Problem;
import dev.todo.api.problem.ProblemException;
import dev.todo.api.security.CurrentUser;
import dev.todo.api.security.SignedIn;
import dev.todo.api.transfer.dto.ImportReport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/import}: a file of {@code GET /api/export} (JSON) or a CSV of tasks (this app's or Todoist's),
 * up to {@value TransferService#MAX_IMPORT_BYTES} bytes: the one body of the API allowed to be larger than 64 KiB.
 */
@Path("import")
@RequestScoped
@SignedIn
@Tag(name = "Export and import")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class ImportResource {

    @Inject
    TransferService transfer;

    @Inject
    CurrentUser user;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, ExportResource.CSV})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Import a file",
            description = "JSON as GET /api/export writes it, or CSV (this app's or Todoist's export). All or nothing:"
                    + " with any row refused nothing is stored and the answer is 422 with the report. Importing the"
                    + " same file again adds nothing. dryRun=true reports what an import would do and stores"
                    + " nothing.")
    @APIResponse(
            responseCode = "200",
            description = "Imported, or what an import would do",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "403", description = "A read token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "413",
            description = "Larger than 4 MiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "422",
            description = "Rows that cannot be imported (report in the problem); nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ImportReport importFile(
            InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "Only report what an import would do") @QueryParam("dryRun") @DefaultValue("false")
                    boolean dryRun,
            @Parameter(description = "IANA zone of Todoist dates that name none; UTC by default")
                    @QueryParam("timeZone")
                    String timeZone) {
        byte[] bytes = read(body);
        TransferService.Format format =
                contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_JSON)
                        ? TransferService.Format.JSON
                        : TransferService.Format.CSV;
        return transfer.importFile(user.id(), bytes, format, dryRun, zone(timeZone));
    }

    private static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "must be an IANA time zone such as Asia/Karachi");
        }
    }

    /** The body, refused with 413 as soon as it passes the limit, whether or not it said its length. */
    private static byte[] read(InputStream body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try (body) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                bytes.write(buffer, 0, n);
                if (bytes.size() > TransferService.MAX_IMPORT_BYTES) {
                    throw tooLarge();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ProblemException tooLarge() {
        return new ProblemException(Problem.of(
                413,
                "Content Too Large",
                "An import file may be at most " + TransferService.MAX_IMPORT_BYTES / (1024 * 1024) + " MiB; split it"
                        + " into smaller files (each is imported on its own, all or nothing)."));
    }
}
