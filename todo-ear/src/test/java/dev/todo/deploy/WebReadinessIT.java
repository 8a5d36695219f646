package dev.todo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import dev.todo.support.LibertyServer;
import dev.todo.support.Ports;
import dev.todo.support.TestDatabase;
import dev.todo.support.TestServers;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Kubernetes sees of the web server while what is behind it fails: the database stops, then the api server. The
 * web server stays ready (so its Service keeps sending users to it) and shows them the "back in a moment" page; its
 * health details, public through its load balancer, say that the API is away without naming anything internal.
 */
class WebReadinessIT {

    /** Longer than the readiness probe's period and failure threshold together (5 s x 3). */
    private static final Duration STAYS_READY_FOR = Duration.ofSeconds(16);

    private static final String AUTH_SECRET = "web-readiness-test-secret-with-at-least-32-bytes";

    @RegisterExtension
    static final TestServers servers = new TestServers("web-readiness");

    private static TestDatabase database;
    private static LibertyServer api;
    private static LibertyServer web;

    @BeforeAll
    static void startDatabaseApiAndWeb() {
        database = servers.database();
        api = servers.api(Map.of("DATABASE_URL", database.url(), "AUTH_SECRET", AUTH_SECRET));
        web = servers.web(Map.of("TODO_API_URL", api.baseUrl() + "/api", "AUTH_SECRET", AUTH_SECRET));
        api.awaitReady();
        web.awaitReady();
    }

    @Test
    void webStaysReadyAndSaysBackInAMomentWhileTheDatabaseAndThenTheApiAreDown() throws Exception {
        ApiClient user = ApiClient.newUser("Outage Watcher", api.baseUrl() + "/api");
        user.createTask("Visible before the outage", "");
        assertThat(tasksPage(user).body()).contains("Visible before the outage");
        assertThat(apiState().getBoolean("reachable")).isTrue();

        database.stop();
        Http.awaitResponse(api.baseUrl() + "/health/ready", Http::isDown, Duration.ofSeconds(20));
        assertStaysReady();
        assertShowsBackInAMoment(user);

        api.stop();
        Http.awaitResponse(
                web.baseUrl() + "/health/ready",
                response -> !apiStateIn(response).getBoolean("reachable"),
                Duration.ofSeconds(20));
        assertStaysReady();
        assertShowsBackInAMoment(user);
        JsonObject state = apiState();
        assertThat(state.getString("problem")).isEqualTo("it refused the connection");
        assertThat(Instant.parse(state.getString("since"))).isBefore(Instant.now());
        assertThat(web.log())
                .as("the API's state is in the web server's log")
                .contains("The API at " + api.baseUrl() + "/api/ is unreachable: it refused the connection");
    }

    @Test
    void healthDetailsNameNoExceptionLibraryCodeOrAddressWhileTheApiIsDown() {
        LibertyServer absent = servers.web(
                "web-without-api",
                Map.of("TODO_API_URL", "http://127.0.0.1:" + Ports.free() + "/api", "AUTH_SECRET", AUTH_SECRET));
        absent.awaitReady();
        Http.awaitResponse(
                absent.baseUrl() + "/health/ready",
                response -> !apiStateIn(response).getBoolean("reachable"),
                Duration.ofSeconds(20));

        for (String path : List.of("/health", "/health/ready", "/health/live", "/health/started")) {
            String body = Http.get(absent.baseUrl() + path).body();
            assertThat(body)
                    .as(path)
                    .doesNotContainPattern("[A-Za-z]+(Exception|Error)\\b")
                    .doesNotContainPattern("\\b(java|javax|jakarta|org|com|io)\\.[a-z]+\\.")
                    .doesNotContainPattern("\\b[A-Z]{4,}\\d{4,}[A-Z]?\\b")
                    .doesNotContainPattern("\\b\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b")
                    .doesNotContainIgnoringCase("localhost")
                    .doesNotContain("/api");
        }
        assertThat(Http.get(absent.baseUrl() + "/health/ready").body()).contains("it refused the connection");
    }

    /** Every readiness answer over longer than the probe needs to take a pod out of its Service is UP. */
    private static void assertStaysReady() {
        Instant until = Instant.now().plus(STAYS_READY_FOR);
        while (Instant.now().isBefore(until)) {
            HttpResponse<String> readiness = Http.get(web.baseUrl() + "/health/ready");
            assertThat(Http.isUp(readiness)).as(readiness.body()).isTrue();
            sleep(1_000);
        }
    }

    private static void assertShowsBackInAMoment(ApiClient user) {
        HttpResponse<String> tasks = tasksPage(user);
        assertThat(tasks.statusCode()).isEqualTo(302);
        String location = tasks.headers().firstValue("Location").orElseThrow();
        assertThat(URI.create(location).getPath()).isEqualTo("/unavailable");

        HttpResponse<String> page = Http.get(web.baseUrl() + "/unavailable");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("out of reach for a moment").doesNotContain("Exception");
    }

    private static HttpResponse<String> tasksPage(ApiClient user) {
        return Http.send(HttpRequest.newBuilder(URI.create(web.baseUrl() + "/tasks"))
                .header("Cookie", "todo_session=" + user.token())
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    }

    private static JsonObject apiState() {
        return apiStateIn(Http.get(web.baseUrl() + "/health/ready"));
    }

    private static JsonObject apiStateIn(HttpResponse<String> readiness) {
        return Http.json(readiness).getJsonArray("checks").stream()
                .map(check -> check.asJsonObject())
                .filter(check -> "api".equals(check.getString("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no api check in " + readiness.body()))
                .getJsonObject("data");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
