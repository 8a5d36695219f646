package dev.todo.api.assistant;

import static dev.todo.support.ModelStub.Reply.text;
import static dev.todo.support.Problems.assertProblem;
import static dev.todo.support.Problems.fieldsAtFault;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import dev.todo.support.ModelStub;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** /api/conversations: list, read, rename and delete, each user seeing only their own. */
@ResourceLock(ModelStub.LOCK)
class ConversationsIT {

    private final ModelStub model = ModelStub.instance();
    private ApiClient zara;
    private String first;
    private String second;

    @BeforeEach
    void twoConversations() {
        model.reset();
        zara = ApiClient.newUser("Zara");
        model.then(text("Sure.")).then(text("Of course."));
        first = Http.json(zara.post("/chat", "{\"message\": \"Plan my week\"}")).getString("conversationId");
        second = Http.json(zara.post("/chat", "{\"message\": \"Groceries\"}")).getString("conversationId");
    }

    @Test
    void listsTheUsersConversationsMostRecentFirst() {
        assertThat(Http.json(zara.get("/conversations/" + first)).getString("title"))
                .isEqualTo("Plan my week");
        List<JsonObject> conversations = Json.createReader(
                        new StringReader(zara.get("/conversations").body()))
                .readArray()
                .getValuesAs(JsonObject.class);
        assertThat(conversations)
                .extracting(conversation -> conversation.getString("title"))
                .containsExactly("Groceries", "Plan my week");
    }

    @Test
    void renamesAConversation() {
        var response = zara.patch("/conversations/" + first, "{\"title\": \"  This week  \"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(zara.get("/conversations/" + first)).getString("title"))
                .isEqualTo("This week");
        assertProblem(zara.patch("/conversations/" + first, "{\"title\": \"\"}"), 400);
    }

    @Test
    void theConversationAsGetShowedItCanBeSentBackWithANewTitle() {
        JsonObject conversation = Http.json(zara.get("/conversations/" + first));
        JsonObject changed =
                Json.createObjectBuilder(conversation).add("title", "Week plan").build();

        var response = zara.patch("/conversations/" + first, changed.toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject after = Http.json(zara.get("/conversations/" + first));
        assertThat(after.getString("title")).isEqualTo("Week plan");
        assertThat(after.getJsonArray("messages")).isEqualTo(conversation.getJsonArray("messages"));
        assertThat(fieldsAtFault(assertProblem(
                        zara.patch("/conversations/" + first, "{\"id\":\"" + second + "\",\"title\":\"x\"}"), 400)))
                .containsExactly("id");
    }

    @Test
    void aMalformedIdIsNotFound() {
        assertProblem(zara.get("/conversations/not-an-id"), 404);
        assertProblem(zara.patch("/conversations/not-an-id", "{\"title\": \"x\"}"), 404);
        assertProblem(zara.delete("/conversations/not-an-id"), 404);
    }

    @Test
    void deletesAConversationWithItsMessages() {
        assertThat(zara.delete("/conversations/" + first).statusCode()).isEqualTo(204);

        assertProblem(zara.get("/conversations/" + first), 404);
        assertThat(zara.get("/conversations").body()).doesNotContain(first).contains(second);
    }

    @Test
    void anotherUserCanNeitherSeeNorChangeNorContinueTheConversation() {
        ApiClient omar = ApiClient.newUser("Omar");

        assertProblem(omar.get("/conversations/" + first), 404);
        assertProblem(omar.patch("/conversations/" + first, "{\"title\": \"mine\"}"), 404);
        assertProblem(omar.delete("/conversations/" + first), 404);
        assertProblem(omar.post("/chat", "{\"message\": \"hi\", \"conversationId\": \"" + first + "\"}"), 404);
        assertThat(omar.get("/conversations").body()).isEqualTo("[]");
        assertThat(Http.json(zara.get("/conversations/" + first)).getString("title"))
                .isEqualTo("Plan my week");
    }
}
