package dev.todo.reliability;

import static dev.todo.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import dev.todo.support.LibertyServer;
import dev.todo.support.TestDatabase;
import dev.todo.support.TestServers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL goes away under a running api server and comes back: the server notices quickly, answers 503 rather
 * than hanging or failing with 500, stays alive, recovers by itself, and keeps every write it acknowledged.
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
}
