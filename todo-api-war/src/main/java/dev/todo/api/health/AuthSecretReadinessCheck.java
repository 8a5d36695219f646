package dev.todo.api.health;

import dev.todo.api.config.AuthSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready without a usable token key: the server could neither sign in anyone nor verify a token. */
@Readiness
@ApplicationScoped
public class AuthSecretReadinessCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(AuthSecretReadinessCheck.class.getName());

    @Inject
    private AuthSecret authSecret;

    private final AtomicBoolean logged = new AtomicBoolean();

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = authSecret.problem();
        if (problem.isPresent() && logged.compareAndSet(false, true)) {
            LOG.severe("Not ready: " + problem.get() + ". Set AUTH_SECRET to a random value of at least "
                    + AuthSecret.MINIMUM_BYTES + " bytes, shared by the api and web servers.");
        }
        return HealthCheckResponse.named("auth-secret")
                .status(problem.isEmpty())
                .withData("problem", problem.orElse("none"))
                .build();
    }
}
