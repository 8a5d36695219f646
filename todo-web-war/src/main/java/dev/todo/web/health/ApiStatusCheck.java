package dev.todo.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The API's state in the readiness details, always UP. While the API is away this server must stay in its Service:
 * only a ready server can show users the "back in a moment" page instead of a refused connection, and a rolling
 * update of the web servers must not wait for the API.
 */
@Readiness
@ApplicationScoped
public class ApiStatusCheck implements HealthCheck {

    @Inject
    ApiStatus status;

    @Override
    public HealthCheckResponse call() {
        ApiStatus.Observation api = status.current();
        return HealthCheckResponse.named("api")
                .up()
                .withData("reachable", api.reachable())
                .withData("problem", api.problem())
                .withData("since", api.since().toString())
                .build();
    }
}
