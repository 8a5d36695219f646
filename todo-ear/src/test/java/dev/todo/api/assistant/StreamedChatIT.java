package dev.todo.api.assistant;

import static dev.todo.support.ModelStub.Reply.call;
import static dev.todo.support.ModelStub.Reply.text;
import static dev.todo.support.ModelStub.Reply.toolCalls;
import static dev.todo.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import dev.todo.support.ModelStub;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** POST /api/chat/stream: the same turn as server-sent events, from a model that streams its chunks. */
@ResourceLock(ModelStub.LOCK)
class StreamedChatIT {

    private final ModelStub model = ModelStub.instance();
    private ApiClient user;

    @BeforeEach
    void fresh() {
        model.reset();
        user = ApiClient.newUser("Hamza");
    }

    @Test
    void streamsToolCallsAndTheReplyPieceByPiece() {
        model.then(toolCalls(call(
                        "st1", "create_task", "{\"title\": \"Pay the electricity bill\", \"category\": \"HOME\"}")))
                .then(text("Added 'Pay the electricity bill' to your home tasks."));

        HttpResponse<String> response =
                user.post("/chat/stream", "{\"message\": \"Remind me to pay the electricity bill\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(response.headers().firstValue("X-Accel-Buffering")).hasValue("no");
        List<ServerSentEvents.Event> events = ServerSentEvents.parse(response.body());
        assertThat(events.get(0).name()).isEqualTo("conversation");
        assertThat(events.get(1).name()).isEqualTo("tool");
        assertThat(events.get(1).json().getString("result")).isEqualTo("Created task 'Pay the electricity bill'");
        List<ServerSentEvents.Event> pieces =
                events.stream().filter(event -> event.name().equals("text")).toList();
        assertThat(pieces).hasSizeGreaterThan(3);
        String streamed =
                pieces.stream().map(event -> event.json().getString("delta")).collect(Collectors.joining());
        ServerSentEvents.Event done = events.get(events.size() - 1);
        assertThat(done.name()).isEqualTo("done");
        assertThat(done.json().getString("reply"))
                .isEqualTo(streamed)
                .isEqualTo("Added 'Pay the electricity bill' to your home tasks.");
        assertThat(done.json().getString("conversationId"))
                .isEqualTo(events.get(0).json().getString("conversationId"));
        assertThat(model.requests())
                .allSatisfy(request -> assertThat(request.streamed()).isTrue());
        assertThat(Http.json(user.get("/tasks"))
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("category"))
                .isEqualTo("HOME");
    }

    @Test
    void refusalsBeforeTheStreamArePlainProblems() {
        assertProblem(
                user.post(
                        "/chat/stream",
                        "{\"message\": \"hi\", \"conversationId\": \"0b9f8c52-6d3e-4a51-9a84-2f0c1d7e5a10\"}"),
                404);
        assertProblem(user.post("/chat/stream", "{\"message\": \"\"}"), 400);
        assertThat(model.requests()).isEmpty();
    }
}
