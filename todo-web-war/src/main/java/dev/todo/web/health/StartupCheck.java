package dev.todo.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Started once the web application has initialised; readiness includes it, as it checks only this server. */
@org.eclipse.microprofile.health.Startup
@Readiness
@ApplicationScoped
public class StartupCheck implements HealthCheck {

    private volatile boolean started;

    void onStartup(@Observes Startup startup) {
        started = true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("web-started").status(started).build();
    }
}
