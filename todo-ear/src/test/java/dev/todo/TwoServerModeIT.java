package dev.todo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.Http;
import dev.todo.support.LibertyServer;
import dev.todo.support.TestDatabase;
import dev.todo.support.TestServers;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The production shape, as the README starts it: the api and web servers as two processes ({@code server run api},
 * {@code server run web}), configured only through environment variables, the api on a PostgreSQL named by
 * DATABASE_URL in libpq form.
 */
class TwoServerModeIT {

    private static final String AUTH_SECRET = "two-server-test-secret-with-at-least-32-bytes";
    private static final Duration START = Duration.ofSeconds(90);

    @RegisterExtension
    static final TestServers servers = new TestServers("two-server-mode");

    private static TestServers.SharedPair shared;

    @BeforeAll
    static void sharedPair() {
        shared = servers.shared();
    }

    @Test
    void apiIsReadyOnTheDatabaseNamedByDatabaseUrl() {
        LibertyServer api = shared.api();
        JsonObject health = Http.json(Http.get(api.baseUrl() + "/health/ready"));

        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(Http.get(api.baseUrl() + "/health/started").statusCode()).isEqualTo(200);
        assertThat(Http.get(api.baseUrl() + "/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void webServesPagesAndReachesTheApi() {
        LibertyServer web = shared.web();
        assertThat(Http.get(web.baseUrl() + "/sign-in").statusCode()).isEqualTo(200);
        assertThat(Http.get(web.baseUrl() + "/health/started").statusCode()).isEqualTo(200);
    }

    @Test
    void webStaysReadyWhileTheApiIsDownAndSeesItReturn() {
        TestDatabase database = servers.database();
        LibertyServer api = servers.api(Map.of("DATABASE_URL", database.url(), "AUTH_SECRET", AUTH_SECRET))
                .awaitReady();
        LibertyServer web = servers.web(Map.of("TODO_API_URL", api.baseUrl() + "/api", "AUTH_SECRET", AUTH_SECRET))
                .awaitReady();
        String reachable = "\"reachable\":true";
        String unreachable = "\"reachable\":false";

        api.stop();
        try {
            Http.awaitResponse(
                    web.baseUrl() + "/health/ready",
                    response -> Http.isUp(response)
                            && response.body().replace(" ", "").contains(unreachable),
                    Duration.ofSeconds(20));
            assertThat(Http.isUp(Http.get(web.baseUrl() + "/health/live"))).isTrue();
        } finally {
            api.start();
        }
        api.awaitReady();
        Http.awaitResponse(
                web.baseUrl() + "/health/ready",
                response ->
                        Http.isUp(response) && response.body().replace(" ", "").contains(reachable),
                START);
    }

    @Test
    void databaseCredentialsNeverReachTheLog() throws Exception {
        assertThat(shared.api().log())
                .contains("Using PostgreSQL at postgres@localhost:")
                .doesNotContain(TestServers.SharedPair.DATABASE_PASSWORD);
    }

    @Test
    void wrongDatabaseUrlAndMissingSecretMakeTheApiNotReadyQuicklyAndSayWhy() throws Exception {
        String password = "pw-that-must-never-be-logged-7c1e";
        String unreachable = "postgresql://todo:" + password + "@127.0.0.1:1/todo?sslmode=require";
        LibertyServer broken = servers.api("broken-api", Map.of("DATABASE_URL", unreachable));
        Duration toAnswer = Http.awaitResponse(broken.baseUrl() + "/health/ready", Http::isDown, START);

        JsonObject readiness = Http.json(Http.get(broken.baseUrl() + "/health/ready"));
        assertThat(readiness.getJsonArray("checks").toString()).contains("PostgreSQL is unreachable", "AUTH_SECRET");
        assertThat(Http.isUp(Http.get(broken.baseUrl() + "/health/live"))).isTrue();
        assertThat(broken.log())
                .contains(
                        "Not ready: PostgreSQL is unreachable",
                        "Not ready: AUTH_SECRET (or BETTER_AUTH_SECRET) is not set")
                .doesNotContain(password);
        assertThat(toAnswer).isLessThan(START);
    }
}
