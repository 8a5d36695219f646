package dev.todo;

import static dev.todo.support.Http.baseUrl;
import static dev.todo.support.Http.get;
import static dev.todo.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.Http;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The single-server local loop: web UI at /, API at /api, health on the embedded PostgreSQL. */
class LocalServerIT {

    @BeforeAll
    static void serverIsReady() {
        Http.awaitResponse(baseUrl() + "/health/ready", Http::isUp, Duration.ofSeconds(60));
    }

    @Test
    void readinessReportsTheDatabaseAndTheApiUp() {
        JsonObject health = json(get(baseUrl() + "/health/ready"));

        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getJsonArray("checks").stream()
                        .map(check -> check.asJsonObject().getString("name")))
                .contains("database", "auth-secret", "api");
    }

    @Test
    void livenessAndStartedAreUp() {
        assertThat(Http.isUp(get(baseUrl() + "/health/live"))).isTrue();
        assertThat(Http.isUp(get(baseUrl() + "/health/started"))).isTrue();
    }

    @Test
    void rootLeadsToTheWebUiSignIn() {
        HttpResponse<String> root = get(baseUrl() + "/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/sign-in"));

        HttpResponse<String> page = get(baseUrl() + "/sign-in");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("text/html"));
        assertThat(page.body()).contains("· Todo</title>");
    }

    @Test
    void apiAnswersUnderApi() {
        HttpResponse<String> ping = get(baseUrl() + "/api/ping");

        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(json(ping).getString("status")).isEqualTo("UP");
    }
}
