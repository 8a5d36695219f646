package dev.todo.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/** {@code /export} and {@code /import}: the user's data out as JSON or CSV, and back in. */
public interface TransferApi {

    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    InputStream exportJson();

    @GET
    @Path("export/tasks.csv")
    @Produces("text/csv")
    InputStream exportCsv();

    /** The file as it was uploaded, sent as {@code contentType} (application/json or text/csv). */
    @POST
    @Path("import")
    @Produces(MediaType.APPLICATION_JSON)
    ImportReport importFile(
            byte[] file,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("dryRun") boolean dryRun,
            @QueryParam("timeZone") String timeZone);
}
