package dev.todo.api.health;

import dev.todo.api.database.DatabaseTrouble;
import dev.todo.api.database.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when PostgreSQL answers within a short timeout and the schema is current. Connection attempts are bounded
 * by the pool's wait and the driver's connect timeout, so the probe never hangs on an unreachable database. Not
 * ready says what is wrong in plain words: unreachable, starting up, shutting down, out of connection slots.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseReadinessCheck.class.getName());
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/todo")
    private DataSource dataSource;

    @Inject
    private SchemaMigrations migrations;

    private volatile String lastProblem;

    @Override
    public HealthCheckResponse call() {
        String problem = findProblem();
        reportChange(problem);
        return HealthCheckResponse.named("database")
                .status(problem == null)
                .withData("problem", problem == null ? "none" : problem)
                .build();
    }

    private String findProblem() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return "PostgreSQL did not answer within " + VALIDATION_TIMEOUT_SECONDS + " s";
            }
        } catch (SQLException e) {
            return DatabaseTrouble.describe(e).orElse("PostgreSQL is unreachable") + ": " + e.getMessage();
        }
        return migrations.ensureUpToDate() ? null : "the database schema is not migrated yet";
    }

    /** One log line when readiness changes, not one per probe. */
    private void reportChange(String problem) {
        String previous = lastProblem;
        lastProblem = problem;
        if (problem != null && !problem.equals(previous)) {
            LOG.warning("Not ready: " + problem);
        } else if (problem == null && previous != null) {
            LOG.info("Database is reachable again");
        }
    }
}
