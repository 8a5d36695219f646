package dev.todo.embeddedpg;

import dev.todo.datasource.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A real PostgreSQL 17 started inside the server's JVM on first use and stopped with it (Zonky registers a
 * shutdown hook). The data directory outlives the process, so data survives restarts of the local loop.
 */
public final class EmbeddedPostgresDatabase implements EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresDatabase.class.getName());

    /** As DATABASE_URL connections get them (see DatabaseUrl): typed columns accept untyped nulls from JPA. */
    private static final Map<String, String> CONNECTION_PROPERTIES = Map.of("stringtype", "unspecified");

    /** ServiceLoader makes a new provider per lookup, so the running databases are kept per JVM. */
    private static final Map<Path, EmbeddedPostgres> RUNNING = new HashMap<>();

    @Override
    public DataSource start(String dataDirectory, int port) throws SQLException {
        Path directory = Path.of(dataDirectory).toAbsolutePath().normalize();
        synchronized (RUNNING) {
            EmbeddedPostgres postgres = RUNNING.get(directory);
            if (postgres == null) {
                postgres = launch(directory, port);
                RUNNING.put(directory, postgres);
            }
            return postgres.getPostgresDatabase(CONNECTION_PROPERTIES);
        }
    }

    private static EmbeddedPostgres launch(Path directory, int port) throws SQLException {
        long started = System.nanoTime();
        try {
            Files.createDirectories(directory);
            StalePostmaster.stopIfRunning(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("max_connections", "200");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            LOG.info(() -> "Embedded PostgreSQL started on port " + postgres.getPort() + " with data in " + directory
                    + " (" + millis + " ms)");
            return postgres;
        } catch (IOException | RuntimeException e) {
            throw new SQLException(
                    "Embedded PostgreSQL did not start with data in " + directory + ": " + e.getMessage(), "08001", e);
        }
    }

    /** Stops every database this JVM started; used by tests to simulate a restart. */
    static void stopAll() throws IOException {
        synchronized (RUNNING) {
            for (EmbeddedPostgres postgres : RUNNING.values()) {
                postgres.close();
            }
            RUNNING.clear();
        }
    }
}
