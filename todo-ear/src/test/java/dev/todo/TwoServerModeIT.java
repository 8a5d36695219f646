package dev.todo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.Http;
import dev.todo.support.LibertyServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production shape: the api and web servers as two processes, configured only through environment variables,
 * the api on a PostgreSQL named by DATABASE_URL in libpq form.
 */
class TwoServerModeIT {

    private static final String DATABASE_PASSWORD = "pw-that-must-never-be-logged-7c1e";
    private static final String AUTH_SECRET = "two-server-test-secret-with-at-least-32-bytes";
    private static final Duration START = Duration.ofSeconds(90);

    private static final Path OUTPUT = Path.of("target", "two-server-mode").toAbsolutePath();
    private static final int API_PORT = Integer.getInteger("it.api.port", 9191);
    private static final int WEB_PORT = Integer.getInteger("it.web.port", 9192);
    private static final int BROKEN_API_PORT = Integer.getInteger("it.broken.api.port", 9193);

    private static EmbeddedPostgres postgres;
    private static LibertyServer api;
    private static LibertyServer web;

    @BeforeAll
    static void startBothServers() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(OUTPUT.resolve("pgdata"))
                .setCleanDataDirectory(true)
                .start();
        String databaseUrl = "postgresql://postgres:" + DATABASE_PASSWORD + "@localhost:" + postgres.getPort()
                + "/postgres?sslmode=disable&application_name=two-server-it";
        api = new LibertyServer(
                        "api",
                        API_PORT,
                        Map.of("DATABASE_URL", databaseUrl, "AUTH_SECRET", AUTH_SECRET),
                        OUTPUT.resolve("api"))
                .start();
        web = new LibertyServer(
                        "web",
                        WEB_PORT,
                        Map.of("TODO_API_URL", api.baseUrl() + "/api", "AUTH_SECRET", AUTH_SECRET),
                        OUTPUT.resolve("web"))
                .start();
        Http.awaitResponse(api.baseUrl() + "/health/ready", Http::isUp, START);
        Http.awaitResponse(web.baseUrl() + "/health/ready", Http::isUp, START);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (web != null) {
            web.close();
        }
        if (api != null) {
            api.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void apiIsReadyOnTheDatabaseNamedByDatabaseUrl() {
        JsonObject health = Http.json(Http.get(api.baseUrl() + "/health/ready"));

        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(Http.get(api.baseUrl() + "/health/started").statusCode()).isEqualTo(200);
        assertThat(Http.get(api.baseUrl() + "/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void webServesPagesAndReachesTheApi() {
        assertThat(Http.get(web.baseUrl() + "/sign-in").statusCode()).isEqualTo(200);
        assertThat(Http.get(web.baseUrl() + "/health/started").statusCode()).isEqualTo(200);
    }

    @Test
    void webStaysReadyWhileTheApiIsDownAndSeesItReturn() {
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
        Http.awaitResponse(api.baseUrl() + "/health/ready", Http::isUp, START);
        Http.awaitResponse(
                web.baseUrl() + "/health/ready",
                response ->
                        Http.isUp(response) && response.body().replace(" ", "").contains(reachable),
                START);
    }

    @Test
    void databaseCredentialsNeverReachTheLog() throws Exception {
        assertThat(api.log())
                .contains("Using PostgreSQL at postgres@localhost:")
                .doesNotContain(DATABASE_PASSWORD);
    }

    @Test
    void wrongDatabaseUrlAndMissingSecretMakeTheApiNotReadyQuicklyAndSayWhy() throws Exception {
        String unreachable = "postgresql://todo:" + DATABASE_PASSWORD + "@127.0.0.1:1/todo?sslmode=require";
        try (LibertyServer broken = new LibertyServer(
                        "api", BROKEN_API_PORT, Map.of("DATABASE_URL", unreachable), OUTPUT.resolve("broken-api"))
                .start()) {
            Duration toAnswer = Http.awaitResponse(broken.baseUrl() + "/health/ready", Http::isDown, START);

            JsonObject readiness = Http.json(Http.get(broken.baseUrl() + "/health/ready"));
            assertThat(readiness.getJsonArray("checks").toString())
                    .contains("PostgreSQL is unreachable", "AUTH_SECRET");
            assertThat(Http.isUp(Http.get(broken.baseUrl() + "/health/live"))).isTrue();
            assertThat(broken.log())
                    .contains(
                            "Not ready: PostgreSQL is unreachable",
                            "Not ready: AUTH_SECRET (or BETTER_AUTH_SECRET) is not set")
                    .doesNotContain(DATABASE_PASSWORD);
            assertThat(toAnswer).isLessThan(START);
        }
    }
}
