package dev.todo.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A real PostgreSQL 17 (Zonky's binaries) for the servers a test starts, in a fresh data directory of the test's own,
 * on a free port. It can be stopped and started again on the same port and data, as a database server comes back
 * after an outage.
 */
public final class TestDatabase implements AutoCloseable {

    private final Path dataDirectory;
    private final Map<String, String> serverConfig;
    private EmbeddedPostgres postgres;
    private int port;

    private TestDatabase(Path dataDirectory, Map<String, String> serverConfig) {
        this.dataDirectory = dataDirectory;
        this.serverConfig = Map.copyOf(serverConfig);
    }

    /** Starts an empty database; {@code serverConfig} holds PostgreSQL settings such as {@code max_connections}. */
    public static TestDatabase start(Path dataDirectory, Map<String, String> serverConfig) {
        deleteRecursively(dataDirectory);
        TestDatabase database = new TestDatabase(dataDirectory, serverConfig);
        database.start();
        return database;
    }

    /** Starts the database again after {@link #stop()}, on the same port and with the same data. */
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        EmbeddedPostgres.Builder builder =
                EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        serverConfig.forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        try {
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + dataDirectory, e);
        }
        port = postgres.getPort();
    }

    /** Stops the server and keeps its data, as a database that goes away for a while. */
    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop PostgreSQL", e);
            }
            postgres = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    /** {@code DATABASE_URL} in libpq form, as Neon gives it, for the {@code postgres} superuser. */
    public String url() {
        return "postgresql://postgres@localhost:" + port + "/postgres";
    }

    /**
     * The same with a password in it (the embedded server accepts any), for tests that check it never reaches a
     * log, and query parameters such as {@code sslmode=disable}.
     */
    public String url(String password, String query) {
        return "postgresql://postgres:" + password + "@localhost:" + port + "/postgres"
                + (query.isEmpty() ? "" : "?" + query);
    }

    /** A connection source for the test itself, to look at what the servers stored. */
    public synchronized DataSource dataSource() {
        if (postgres == null) {
            throw new IllegalStateException("the database is stopped");
        }
        return postgres.getPostgresDatabase();
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
