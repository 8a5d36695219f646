package dev.todo.reliability;

import static dev.todo.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import dev.todo.support.LibertyServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under a running api server and comes back: the server notices quickly, answers 503 rather
 * than hanging or failing with 500, stays alive, recovers by itself, and keeps every write it acknowledged.
 */
class DatabaseOutageIT {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageIT.class.getName());
    private static final Path OUTPUT = Path.of("target", "database-outage").toAbsolutePath();
    private static final int API_PORT = Integer.getInteger("it.outage.api.port", 9194);
    private static final Duration DETECTION_LIMIT = Duration.ofSeconds(10);

    private static EmbeddedPostgres postgres;
    private static int databasePort;
    private static LibertyServer api;

    @BeforeAll
    static void start() throws Exception {
        deleteRecursively(OUTPUT.resolve("pgdata"));
        postgres = startDatabase(0);
        databasePort = postgres.getPort();
        api = new LibertyServer(
                        "api",
                        API_PORT,
                        Map.of(
                                "DATABASE_URL",
                                "postgresql://postgres@localhost:" + databasePort + "/postgres",
                                "AUTH_SECRET",
                                "outage-test-secret-that-is-long-enough-32"),
                        OUTPUT.resolve("api"))
                .start();
        Http.awaitResponse(api.baseUrl() + "/health/ready", Http::isUp, Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() throws Exception {
        if (api != null) {
            api.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Keeps its data directory when closed, as a real database server keeps its disk across an outage. */
    private static EmbeddedPostgres startDatabase(int port) throws Exception {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(OUTPUT.resolve("pgdata"))
                .setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void outageIsReportedQuicklyAnswered503AndRecoveredFromWithoutLosingWrites() throws Exception {
        ApiClient user = ApiClient.newUser("Outage Survivor", api.baseUrl() + "/api");
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            acknowledged.add(
                    user.createTask("Written before the outage " + i, "").getString("id"));
        }

        postgres.close();
        Duration detection = Http.awaitResponse(api.baseUrl() + "/health/ready", Http::isDown, DETECTION_LIMIT);
        assertThat(Http.isUp(Http.get(api.baseUrl() + "/health/live"))).isTrue();
        Instant asked = Instant.now();
        HttpResponse<String> duringOutage = user.get("/tasks");
        Duration answeredIn = Duration.between(asked, Instant.now());
        assertProblem(duringOutage, 503);
        assertThat(duringOutage.headers().firstValue("Retry-After")).isPresent();
        assertThat(answeredIn).isLessThan(Duration.ofSeconds(10));

        postgres = startDatabase(databasePort);
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
}
