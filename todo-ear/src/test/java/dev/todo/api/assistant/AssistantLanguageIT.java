package dev.todo.api.assistant;

import static dev.todo.support.ModelStub.Reply.call;
import static dev.todo.support.ModelStub.Reply.text;
import static dev.todo.support.ModelStub.Reply.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import dev.todo.support.ModelStub;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The assistant in Urdu, end to end with the scripted model: the language rule reaches the model, and Urdu text
 * survives every hop (REST, the model request, PostgreSQL, the replay, the streamed reply). Whether a real model
 * then answers in Urdu cannot be checked without one; this checks everything around it.
 */
@ResourceLock(ModelStub.LOCK)
class AssistantLanguageIT {

    private static final String URDU_REQUEST = "کل صبح دودھ خریدنا یاد دلانا، یہ ضروری ہے";
    private static final String URDU_TITLE = "دودھ خریدنا";
    private static final String URDU_REPLY = "میں نے «دودھ خریدنا» کا کام زیادہ ترجیح کے ساتھ شامل کر دیا ہے۔";

    private final ModelStub model = ModelStub.instance();
    private ApiClient zainab;

    @BeforeEach
    void freshUserAndScript() {
        model.reset();
        zainab = ApiClient.newUser("Zainab");
    }

    @Test
    void theModelIsToldToAnswerInTheUsersLanguageAndGetsTheUrduTextIntact() {
        model.then(text(URDU_REPLY));

        chat(URDU_REQUEST);

        List<JsonObject> sent = model.lastRequest().messages();
        assertThat(sent.get(0).getString("content"))
                .contains("answer in the language and script of the user's latest message")
                .contains("Urdu");
        assertThat(sent.get(1).getString("role")).isEqualTo("user");
        assertThat(sent.get(1).getString("content")).isEqualTo(URDU_REQUEST);
    }

    @Test
    void anUrduTurnRoundTripsThroughTheDatabaseAndTheReplay() {
        model.then(toolCalls(call(
                        "ur1",
                        "create_task",
                        Json.createObjectBuilder()
                                .add("title", URDU_TITLE)
                                .add("priority", "HIGH")
                                .build()
                                .toString())))
                .then(text(URDU_REPLY));

        JsonObject reply = chat(URDU_REQUEST);

        assertThat(reply.getString("reply")).isEqualTo(URDU_REPLY);
        assertThat(Http.json(zainab.get("/tasks"))
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("title"))
                .isEqualTo(URDU_TITLE);
        JsonObject conversation = Http.json(zainab.get("/conversations/" + reply.getString("conversationId")));
        List<JsonObject> stored = conversation.getJsonArray("messages").getValuesAs(JsonObject.class);
        assertThat(stored)
                .extracting(message -> message.getString("role"))
                .containsExactly("user", "assistant", "tool", "assistant");
        assertThat(stored.get(0).getString("content")).isEqualTo(URDU_REQUEST);
        assertThat(stored.get(3).getString("content")).isEqualTo(URDU_REPLY);
        assertThat(conversation.getString("title")).startsWith("کل صبح دودھ");
        // The second model request replays the tool call's Urdu arguments as they were stored.
        assertThat(model.lastRequest()
                        .messages()
                        .get(2)
                        .getJsonArray("tool_calls")
                        .getJsonObject(0)
                        .getJsonObject("function")
                        .getString("arguments"))
                .contains(URDU_TITLE);
    }

    @Test
    void aStreamedUrduReplyArrivesIntact() {
        model.then(text(URDU_REPLY));

        HttpResponse<String> response = zainab.post(
                "/chat/stream",
                Json.createObjectBuilder().add("message", URDU_REQUEST).build().toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<ServerSentEvents.Event> events = ServerSentEvents.parse(response.body());
        ServerSentEvents.Event done = events.get(events.size() - 1);
        assertThat(done.name()).isEqualTo("done");
        assertThat(done.json().getString("reply")).isEqualTo(URDU_REPLY);
    }

    private JsonObject chat(String message) {
        HttpResponse<String> response = zainab.post(
                "/chat",
                Json.createObjectBuilder().add("message", message).build().toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }
}
