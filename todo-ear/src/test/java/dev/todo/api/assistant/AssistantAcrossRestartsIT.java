package dev.todo.api.assistant;

import static dev.todo.support.ModelStub.Reply.call;
import static dev.todo.support.ModelStub.Reply.text;
import static dev.todo.support.ModelStub.Reply.toolCalls;
import static dev.todo.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.Http;
import dev.todo.support.LibertyServer;
import dev.todo.support.ModelStub;
import dev.todo.support.TestDatabase;
import dev.todo.support.TestServers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The production api server, started as its own process on its own PostgreSQL: without a provider key the assistant
 * says so and everything else works; with one, a conversation started before a restart continues after it, from
 * what the database holds.
 */
@ResourceLock(ModelStub.LOCK)
class AssistantAcrossRestartsIT {

    private static final String AUTH_SECRET = "assistant-restart-test-secret-of-32-bytes-or-more";

    @RegisterExtension
    static final TestServers servers = new TestServers("assistant-restarts");

    private static Map<String, String> environment;

    @BeforeAll
    static void database() {
        TestDatabase database = servers.database();
        environment = Map.of("DATABASE_URL", database.url(), "AUTH_SECRET", AUTH_SECRET);
    }

    @Test
    void withoutAKeyTheAssistantIsNotConfiguredAndWithOneAConversationSurvivesRestarts() {
        String token;
        try (LibertyServer api = start(environment)) {
            token = signUp(api);
            JsonObject problem = assertProblem(post(api, token, "/chat", "{\"message\": \"Add milk\"}"), 503);
            assertThat(problem.getString("title")).isEqualTo("Assistant not configured");
            assertThat(send(api, token, "GET", "/tasks", null).statusCode()).isEqualTo(200);
            assertThat(send(api, token, "GET", "/conversations", null).body()).isEqualTo("[]");
        }

        Map<String, String> withKey = new HashMap<>(environment);
        withKey.putAll(Map.of(
                "OPENAI_API_KEY", ModelStub.KEY, "OPENAI_BASE_URL", ModelStub.baseUrl(), "AI_MODEL", ModelStub.MODEL));
        ModelStub model = ModelStub.instance();
        model.reset();
        String conversation;
        try (LibertyServer api = start(withKey)) {
            model.then(toolCalls(call("r1", "create_task", "{\"title\": \"Buy milk\"}")))
                    .then(text("Added 'Buy milk'."));
            HttpResponse<String> first = post(api, token, "/chat", "{\"message\": \"Add milk\"}");
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            conversation = Http.json(first).getString("conversationId");
        }

        model.reset();
        try (LibertyServer api = start(withKey)) {
            model.then(text("Yes, 'Buy milk' is on your list."));
            HttpResponse<String> second = post(
                    api,
                    token,
                    "/chat",
                    Json.createObjectBuilder()
                            .add("conversationId", conversation)
                            .add("message", "Is it on my list?")
                            .build()
                            .toString());

            assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
            List<JsonObject> sent = model.lastRequest().messages();
            assertThat(sent)
                    .extracting(message -> message.getString("role"))
                    .containsExactly("system", "user", "assistant", "tool", "assistant", "user");
            assertThat(sent.get(3).getString("content")).contains("Buy milk");
        }
    }

    /** Each start is a new api process (on a port of its own) on the same database, as after a restart. */
    private static LibertyServer start(Map<String, String> settings) {
        return servers.api(settings).awaitReady();
    }

    private static String signUp(LibertyServer api) {
        HttpResponse<String> response = send(
                api,
                null,
                "POST",
                "/auth/signup",
                "{\"name\": \"Restart\", \"email\": \"restart@example.com\", \"password\": \"password-restart\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response).getString("token");
    }

    private static HttpResponse<String> post(LibertyServer api, String token, String path, String body) {
        return send(api, token, "POST", path, body);
    }

    private static HttpResponse<String> send(LibertyServer api, String token, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api" + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return Http.send(request.build());
    }
}
