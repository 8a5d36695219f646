package dev.todo.api.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with the versioned SQL migrations in {@code db/migration} before anything uses it.
 *
 * <p>Runs once at start-up. If the database cannot be reached then, the readiness check retries (at most every
 * few seconds), so a server that started before its database becomes ready on its own once the database is there.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);

    @Resource(lookup = "jdbc/todo")
    DataSource dataSource;

    private volatile boolean upToDate;
    private Instant lastAttempt = Instant.EPOCH;

    void migrateOnStartup(@Observes Startup startup) {
        ensureUpToDate();
    }

    /** True once the schema is current; otherwise tries again if the last attempt is old enough. */
    public boolean ensureUpToDate() {
        if (upToDate) {
            return true;
        }
        synchronized (this) {
            Instant now = Instant.now();
            if (!upToDate && Duration.between(lastAttempt, now).compareTo(RETRY_INTERVAL) >= 0) {
                lastAttempt = now;
                migrate();
            }
        }
        return upToDate;
    }

    private void migrate() {
        try {
            MigrateResult result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            upToDate = true;
            if (result.migrationsExecuted == 0) {
                LOG.info(() -> "Database schema is up to date at version " + result.initialSchemaVersion);
            } else {
                LOG.info(() -> "Database schema migrated from version " + result.initialSchemaVersion + " to "
                        + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrations)");
            }
        } catch (FlywayException e) {
            LOG.log(Level.SEVERE, "Database schema migration failed; will retry: {0}", rootMessage(e));
        } catch (RuntimeException e) {
            // Never let a database problem stop the application: readiness reports it and migration is retried.
            LOG.log(Level.SEVERE, "Database schema migration failed unexpectedly; will retry", e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == error ? error.getMessage() : error.getMessage() + " (" + cause.getMessage() + ")";
    }
}
