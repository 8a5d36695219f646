package dev.todo.reliability;

import static dev.todo.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import dev.todo.support.LibertyServer;
import dev.todo.support.TestDatabase;
import dev.todo.support.TestServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL goes away under a running api server and comes back: the server notices quickly, answers 503 rather
 * than hanging or failing with 500, stays alive, recovers by itself, and keeps every write it acknowledged. The same
 * when PostgreSQL ends the server's connections (as in a restart), is starting up, or has no connection slot left.
 */
class DatabaseOutageIT {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageIT.class.getName());
    private static final Duration DETECTION_LIMIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final TestServers servers = new TestServers("database-outage");

    private static TestDatabase database;
    private static LibertyServer api;

    @BeforeAll
    static void start() {
        database = servers.database();
        api = servers.api(Map.of(
                        "DATABASE_URL", database.url(), "AUTH_SECRET", "outage-test-secret-that-is-long-enough-32"))
                .awaitReady();
    }

    @Test
    void outageIsReportedQuicklyAnswered503AndRecoveredFromWithoutLosingWrites() throws Exception {
        ApiClient user = ApiClient.newUser("Outage Survivor", api.baseUrl() + "/api");
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            acknowledged.add(
                    user.createTask("Written before the outage " + i, "").getString("id"));
        }

        database.stop();
        Duration detection = Http.awaitResponse(api.baseUrl() + "/health/ready", Http::isDown, DETECTION_LIMIT);
        assertThat(Http.isUp(Http.get(api.baseUrl() + "/health/live"))).isTrue();
        Instant asked = Instant.now();
        HttpResponse<String> duringOutage = user.get("/tasks");
        Duration answeredIn = Duration.between(asked, Instant.now());
        assertProblem(duringOutage, 503);
        assertThat(duringOutage.headers().firstValue("Retry-After")).isPresent();
        assertThat(answeredIn).isLessThan(Duration.ofSeconds(10));

        database.start();
        Instant back = Instant.now();
        Http.awaitResponse(api.baseUrl() + "/health/ready", Http::isUp, Duration.ofSeconds(60));
        Http.awaitResponse(
                api.baseUrl() + "/api/ping",
                response -> user.get("/tasks?size=100").statusCode() == 200,
                Duration.ofSeconds(60));
        Duration recovery = Duration.between(back, Instant.now());

        List<String> present = Http.json(user.get("/tasks?size=100")).getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getString("id"))
                .toList();
        assertThat(present).containsExactlyInAnyOrderElementsOf(acknowledged);
        LOG.info(() -> "Database outage: readiness DOWN " + detection.toMillis() + " ms after the database stopped, "
                + "503 answered in " + answeredIn.toMillis() + " ms, requests served again " + recovery.toMillis()
                + " ms after it returned, " + acknowledged.size() + " of " + acknowledged.size() + " writes kept");
    }

    @Test
    void connectionsPostgresqlEndsAndConnectionsItRefusesAre503AndReadinessSaysWhy() throws Exception {
        ApiClient user = ApiClient.newUser("Crowded Out", api.baseUrl() + "/api");
        assertThat(user.get("/tasks").statusCode()).isEqualTo(200);
        List<Connection> crowd = new ArrayList<>();
        try {
            Connection admin = database.dataSource().getConnection();
            crowd.add(admin);
            // The api's pooled connections end as in a PostgreSQL restart (57P01 on their next use)...
            try (Statement terminate = admin.createStatement()) {
                terminate.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'");
            }
            // ...and every free slot is taken, so a new one is refused with 53300.
            takeEveryFreeSlot(crowd);

            HttpResponse<String> ended = user.get("/tasks");
            HttpResponse<String> refused = user.get("/tasks");

            assertProblem(ended, 503);
            assertThat(ended.headers().firstValue("Retry-After")).isPresent();
            assertProblem(refused, 503);
            Http.awaitResponse(
                    api.baseUrl() + "/health/ready",
                    response -> Http.isDown(response) && response.body().contains("no free connection slots"),
                    DETECTION_LIMIT);
        } finally {
            for (Connection connection : crowd) {
                connection.close();
            }
        }
        Http.awaitResponse(
                api.baseUrl() + "/api/ping",
                response -> user.get("/tasks").statusCode() == 200,
                Duration.ofSeconds(30));
    }

    /** Opens connections until PostgreSQL refuses one for want of slots. */
    private static void takeEveryFreeSlot(List<Connection> crowd) throws SQLException {
        while (crowd.size() < 1000) {
            try {
                crowd.add(database.dataSource().getConnection());
            } catch (SQLException e) {
                if ("53300".equals(e.getSQLState())) {
                    return;
                }
                throw e;
            }
        }
        throw new AssertionError("PostgreSQL took 1000 connections without refusing one");
    }

    @Test
    void postgresqlThatIsStartingUpIs503AndReadinessSaysSo() throws Exception {
        ApiClient user = ApiClient.newUser("Early Bird", api.baseUrl() + "/api");
        database.stop();
        // The same data and port, back as a standby without hot standby: every connection is refused with 57P03,
        // as while PostgreSQL starts up. It never gets ready, so the start gives up after its wait; a copy of the data
        // keeps the real database untouched.
        Path standby = servers.output().resolve("pgdata-standby");
        copy(servers.output().resolve("pgdata"), standby);
        Files.writeString(standby.resolve("standby.signal"), "");
        CompletableFuture<Void> starting = CompletableFuture.runAsync(() -> {
            try {
                EmbeddedPostgres.builder()
                        .setDataDirectory(standby)
                        .setCleanDataDirectory(false)
                        .setPort(database.port())
                        .setServerConfig("hot_standby", "off")
                        .start();
            } catch (IOException e) {
                // Expected: it never accepts a connection.
            }
        });
        try {
            Http.awaitResponse(
                    api.baseUrl() + "/health/ready",
                    response -> Http.isDown(response) && response.body().contains("starting up"),
                    DETECTION_LIMIT);
            HttpResponse<String> early = user.get("/tasks");

            assertProblem(early, 503);
            assertThat(early.headers().firstValue("Retry-After")).isPresent();
        } finally {
            starting.get(60, TimeUnit.SECONDS);
            stopPostmaster(standby);
            database.start();
        }
        Http.awaitResponse(
                api.baseUrl() + "/api/ping",
                response -> user.get("/tasks").statusCode() == 200,
                Duration.ofSeconds(60));
    }

    /** Stops the PostgreSQL running in {@code directory} by the process id it wrote there, and waits for it. */
    private static void stopPostmaster(Path directory) throws Exception {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
        if (postmaster.isPresent()) {
            postmaster.get().destroy();
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                    // PostgreSQL refuses a data directory others can read.
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
                } else if (!path.getFileName().toString().equals("postmaster.pid")) {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
