package dev.todo.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code GET /api/ping}: whether the API application answers. */
@Path("ping")
public interface PingApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, String> ping();
}
