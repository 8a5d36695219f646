package dev.todo.api.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code GET /api/ping}: answers as soon as the API application runs. The web server's readiness check calls it; it
 * cannot call the API's /health/ready, which in the single-server local loop would include its own readiness.
 */
@Path("ping")
public class PingResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> ping() {
        return Map.of("status", "UP");
    }
}
