package dev.todo.web.health;

import dev.todo.web.api.PingApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the API answers: without it no page can show anything. */
@Readiness
@ApplicationScoped
public class ApiReadinessCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ApiReadinessCheck.class.getName());

    @Inject
    private PingApi pingApi;

    private volatile String lastProblem;

    @Override
    public HealthCheckResponse call() {
        String problem = findProblem();
        reportChange(problem);
        return HealthCheckResponse.named("api")
                .status(problem == null)
                .withData("problem", problem == null ? "none" : problem)
                .build();
    }

    private String findProblem() {
        try {
            return "UP".equals(pingApi.ping().get("status")) ? null : "the API answered, but not UP";
        } catch (RuntimeException e) {
            return "the API does not answer: " + e.getMessage();
        }
    }

    private void reportChange(String problem) {
        String previous = lastProblem;
        lastProblem = problem;
        if (problem != null && !problem.equals(previous)) {
            LOG.warning("Not ready: " + problem);
        } else if (problem == null && previous != null) {
            LOG.info("The API answers again");
        }
    }
}
