package dev.todo.web.health;

import dev.todo.web.config.AuthSecret;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready without the shared secret: pages this replica renders could not be posted to any other. */
@Readiness
@ApplicationScoped
public class AuthSecretReadinessCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(AuthSecretReadinessCheck.class.getName());

    private final AtomicBoolean logged = new AtomicBoolean();

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = AuthSecret.from(
                        ConfigProvider.getConfig(getClass().getClassLoader()))
                .problem();
        if (problem.isPresent() && logged.compareAndSet(false, true)) {
            LOG.severe("Not ready: " + problem.get() + ". Set AUTH_SECRET to the same random value of at least "
                    + AuthSecret.MINIMUM_BYTES + " bytes as the api server's.");
        }
        return HealthCheckResponse.named("web-auth-secret")
                .status(problem.isEmpty())
                .withData("problem", problem.orElse("none"))
                .build();
    }
}
