package dev.todo.api.assistant;

import static dev.todo.support.ModelStub.Reply.text;
import static dev.todo.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import dev.todo.support.ModelStub;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the user gets when the model provider fails, and that the conversation survives it. */
@ResourceLock(ModelStub.LOCK)
class ChatFailuresIT {

    private final ModelStub model = ModelStub.instance();
    private ApiClient user;
    private String conversation;

    @BeforeEach
    void aConversationWithOneTurn() {
        model.reset();
        user = ApiClient.newUser("Sana");
        model.then(text("Hi Sana!"));
        conversation = Http.json(user.post("/chat", "{\"message\": \"Hello\"}")).getString("conversationId");
        model.reset();
    }

    static Stream<Arguments> providerFailures() {
        return Stream.of(
                Arguments.of(ModelStub.Reply.status(401, "Incorrect API key provided"), 502, "API key"),
                Arguments.of(ModelStub.Reply.status(429, "Rate limit reached"), 503, "limiting requests"),
                Arguments.of(ModelStub.Reply.status(500, "The server had an error"), 502, "had an error"),
                Arguments.of(ModelStub.Reply.status(503, "Overloaded"), 502, "had an error"),
                // local-it.env sets AI_TIMEOUT_SECONDS=3.
                Arguments.of(ModelStub.Reply.silence(Duration.ofSeconds(6)), 504, "did not answer within 3 seconds"));
    }

    @ParameterizedTest(name = "{1} for {0}")
    @MethodSource("providerFailures")
    void aProviderFailureIsAClearProblemAndTheConversationStaysIntact(
            ModelStub.Reply failure, int status, String detail) {
        model.then(failure);

        HttpResponse<String> response = user.post("/chat", message("Add a task"));

        JsonObject problem = assertProblem(response, status);
        assertThat(problem.getString("detail")).contains(detail);
        assertThat(problem.getString("conversationId")).isEqualTo(conversation);
        assertThat(response.body()).doesNotContain(ModelStub.KEY);
        if (status == 503) {
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        }

        model.reset();
        model.then(text("Sorry about that. Done now."));
        HttpResponse<String> retry = user.post("/chat", message("Add a task, please"));
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(model.lastRequest().messages())
                .extracting(message -> message.getString("content"))
                .containsSubsequence("Hello", "Hi Sana!", "Add a task", "Add a task, please");
        assertThat(Http.json(user.get("/conversations/" + conversation)).getJsonArray("messages"))
                .hasSize(5);
    }

    @Test
    void aStreamedTurnReportsAProviderFailureAsAnErrorEvent() {
        model.then(ModelStub.Reply.status(500, "boom"));

        HttpResponse<String> response = user.post("/chat/stream", message("Add a task"));

        assertThat(response.statusCode()).isEqualTo(200);
        var events = ServerSentEvents.parse(response.body());
        assertThat(events).extracting(ServerSentEvents.Event::name).containsExactly("conversation", "error");
        assertThat(events.get(1).json().getInt("status")).isEqualTo(502);
    }

    @Test
    void aStreamThatEndsBeforeItsLastChunkIsAProviderFailure() {
        model.then(ModelStub.Reply.cutOff("Adding it now"));

        HttpResponse<String> response = user.post("/chat/stream", message("Add a task"));

        var events = ServerSentEvents.parse(response.body());
        assertThat(events.get(events.size() - 1).name()).isEqualTo("error");
        JsonObject problem = events.get(events.size() - 1).json();
        assertThat(problem.getInt("status")).isEqualTo(502);
        assertThat(problem.getString("conversationId")).isEqualTo(conversation);
    }

    private String message(String text) {
        return Json.createObjectBuilder()
                .add("conversationId", conversation)
                .add("message", text)
                .build()
                .toString();
    }
}
