package dev.todo.api.assistant;

import static dev.todo.support.ModelStub.Reply.call;
import static dev.todo.support.ModelStub.Reply.text;
import static dev.todo.support.ModelStub.Reply.toolCalls;
import static dev.todo.support.Problems.assertProblem;
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

/** The assistant end to end: the REST endpoint, the tool loop, real PostgreSQL, and a scripted model. */
@ResourceLock(ModelStub.LOCK)
class ChatIT {

    private final ModelStub model = ModelStub.instance();
    private ApiClient ayesha;

    @BeforeEach
    void freshUserAndScript() {
        model.reset();
        ayesha = ApiClient.newUser("Ayesha");
    }

    @Test
    void aToolCallCreatesTheTaskInTheDatabase() {
        model.then(toolCalls(call("call_1", "create_task", "{\"title\": \"Buy milk\", \"priority\": \"HIGH\"}")))
                .then(text("Added 'Buy milk' with high priority."));

        JsonObject reply = chat(null, "Add buy milk, it's urgent");

        assertThat(reply.getString("reply")).isEqualTo("Added 'Buy milk' with high priority.");
        assertThat(reply.getString("conversationId")).isNotBlank();
        JsonObject call = reply.getJsonArray("toolCalls").getJsonObject(0);
        assertThat(call.getString("name")).isEqualTo("create_task");
        assertThat(call.getJsonObject("arguments").getString("title")).isEqualTo("Buy milk");
        assertThat(call.getString("result")).isEqualTo("Created task 'Buy milk'");
        assertThat(call.getBoolean("error")).isFalse();
        JsonObject task = Http.json(ayesha.get("/tasks")).getJsonArray("items").getJsonObject(0);
        assertThat(task.getString("title")).isEqualTo("Buy milk");
        assertThat(task.getString("priority")).isEqualTo("HIGH");
    }

    @Test
    void theModelIsSentTheKeyModelSystemPromptAndTheSevenTools() {
        model.then(text("Hello!"));

        chat(null, "Hi");

        ModelStub.Recorded request = model.lastRequest();
        assertThat(request.authorization()).isEqualTo("Bearer " + ModelStub.KEY);
        assertThat(request.body().getString("model")).isEqualTo(ModelStub.MODEL);
        assertThat(request.messages().get(0).getString("role")).isEqualTo("system");
        assertThat(request.messages().get(0).getString("content")).contains("language");
        assertThat(request.body().getJsonArray("tools").getValuesAs(JsonObject.class))
                .extracting(tool -> tool.getJsonObject("function").getString("name"))
                .containsExactly(
                        "create_task",
                        "list_tasks",
                        "get_task",
                        "update_task",
                        "delete_task",
                        "toggle_complete",
                        "get_stats");
        JsonObject create =
                request.body().getJsonArray("tools").getJsonObject(0).getJsonObject("function");
        assertThat(create.getJsonObject("parameters").keySet())
                .containsExactly("type", "properties", "required", "additionalProperties");
        assertThat(create.getJsonObject("parameters")
                        .getJsonObject("properties")
                        .keySet())
                .containsExactly(
                        "title", "description", "priority", "category", "tags", "dueAt", "remindAt", "recurrence");
    }

    @Test
    void toolArgumentsAreCheckedByTheTasksApisOwnRulesAndChangeNothing() {
        model.then(toolCalls(
                        call(
                                "v1",
                                "create_task",
                                "{\"title\": \" \", \"priority\": \"URGENT\", \"tags\": [\"ok\", 7]}"),
                        call("v2", "create_task", "{\"description\": \"no title\", \"dueAt\": \"tomorrow\"}"),
                        call("v3", "list_tasks", "{\"limit\": 1000, \"sort\": \"colour\", \"tz\": \"Mars/Base\"}"),
                        call("v4", "get_task", "{\"id\": \"not-a-uuid\"}"),
                        call("v5", "toggle_complete", "{}"),
                        call("v6", "get_stats", "[1, 2]")))
                .then(text("Something was off."));

        JsonObject reply = chat(null, "Try everything wrong");

        assertThat(reply.getJsonArray("toolCalls").getValuesAs(JsonObject.class))
                .allSatisfy(call -> assertThat(call.getBoolean("error")).isTrue())
                .extracting(call -> call.getString("result"))
                .containsExactly(
                        "Failed: invalid arguments: tags[1] must be a string; priority must be one of LOW, MEDIUM, HIGH; "
                                + "title must not be blank",
                        "Failed: invalid arguments: title is required; dueAt must be an ISO-8601 date-time with offset, "
                                + "e.g. 2026-12-01T09:00:00Z",
                        "Failed: invalid arguments: limit must be a whole number from 1 to 100; sort must be one of "
                                + "createdAt, dueAt, priority, title; tz must be an IANA time zone such as Asia/Karachi",
                        "Failed: invalid arguments: id must be a UUID",
                        "Failed: invalid arguments: id is required",
                        "Failed: invalid arguments: arguments must be a JSON object");
        assertThat(Http.json(ayesha.get("/tasks")).getInt("total")).isZero();
    }

    @Test
    void theNextTurnReplaysTheWholeConversationFromTheDatabase() {
        model.then(toolCalls(call("call_a", "create_task", "{\"title\": \"Call mum\"}")))
                .then(text("Added 'Call mum'."));
        String conversation = chat(null, "Remind me to call mum").getString("conversationId");
        String taskId = Http.json(ayesha.get("/tasks"))
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("id");
        model.reset();
        model.then(text("It is still open."));

        chat(conversation, "Is it done?");

        List<JsonObject> sent = model.lastRequest().messages();
        assertThat(sent)
                .extracting(message -> message.getString("role"))
                .containsExactly("system", "user", "assistant", "tool", "assistant", "user");
        assertThat(sent.get(1).getString("content")).isEqualTo("Remind me to call mum");
        JsonObject toolCall = sent.get(2).getJsonArray("tool_calls").getJsonObject(0);
        assertThat(toolCall.getString("id")).isEqualTo("call_a");
        assertThat(toolCall.getJsonObject("function").getString("arguments")).isEqualTo("{\"title\": \"Call mum\"}");
        assertThat(sent.get(3).getString("tool_call_id")).isEqualTo("call_a");
        assertThat(sent.get(3).getString("content")).contains(taskId);
        assertThat(sent.get(4).getString("content")).isEqualTo("Added 'Call mum'.");
        assertThat(sent.get(5).getString("content")).isEqualTo("Is it done?");
    }

    @Test
    void aMultiRoundToolLoopChangesOnlyTheFieldsGiven() {
        JsonObject task = ayesha.createTask("Water the plants", "\"category\": \"HOME\", \"tags\": [\"garden\"]");
        String id = task.getString("id");
        model.then(toolCalls(call("c1", "list_tasks", "{\"search\": \"plants\"}")))
                .then(toolCalls(call("c2", "update_task", "{\"id\": \"" + id + "\", \"priority\": \"HIGH\"}")))
                .then(text("Watering the plants is now high priority."));

        JsonObject reply = chat(null, "Make 'water the plants' high priority");

        assertThat(reply.getJsonArray("toolCalls").getValuesAs(JsonObject.class))
                .extracting(call -> call.getString("result"))
                .containsExactly("Found 1 task", "Updated task 'Water the plants'");
        assertThat(model.requests()).hasSize(3);
        assertThat(model.requests().get(1).messages().get(3).getString("content"))
                .contains(id);
        JsonObject updated = Http.json(ayesha.get("/tasks/" + id));
        assertThat(updated.getString("priority")).isEqualTo("HIGH");
        assertThat(updated.getString("title")).isEqualTo("Water the plants");
        assertThat(updated.getString("category")).isEqualTo("HOME");
        assertThat(updated.getJsonArray("tags").getString(0)).isEqualTo("garden");
    }

    @Test
    void anotherUsersTaskIdIsNotFoundAndStaysUntouched() {
        ApiClient bilal = ApiClient.newUser("Bilal");
        JsonObject hisTask = bilal.createTask("Bilal's private task", "");
        String id = hisTask.getString("id");
        model.then(toolCalls(
                        call("x1", "get_task", "{\"id\": \"" + id + "\"}"),
                        call("x2", "update_task", "{\"id\": \"" + id + "\", \"title\": \"mine now\"}"),
                        call("x3", "toggle_complete", "{\"id\": \"" + id + "\"}"),
                        call("x4", "delete_task", "{\"id\": \"" + id + "\"}")))
                .then(text("I could not find that task."));

        JsonObject reply = chat(null, "Delete task " + id);

        assertThat(reply.getJsonArray("toolCalls").getValuesAs(JsonObject.class))
                .allSatisfy(call -> {
                    assertThat(call.getBoolean("error")).isTrue();
                    assertThat(call.getString("result")).isEqualTo("Failed: Task " + id + " does not exist.");
                });
        assertThat(model.lastRequest().messages().get(3).getString("content")).contains("does not exist");
        assertThat(Http.json(bilal.get("/tasks/" + id))).isEqualTo(hisTask);
    }

    @Test
    void malformedArgumentsAndAnUnknownToolGiveAClearReplyAndChangeNothing() {
        model.then(toolCalls(
                        call("m1", "create_task", "{\"title\": \"Half"),
                        call("m2", "create_task", "{\"title\": \"Spy\", \"userId\": \"someone-else\"}"),
                        call("m3", "drop_all_tasks", "{}")))
                .then(text("Sorry, I could not do that."));

        JsonObject reply = chat(null, "Do something odd");

        assertThat(reply.getString("reply")).isEqualTo("Sorry, I could not do that.");
        assertThat(reply.getJsonArray("toolCalls").getValuesAs(JsonObject.class))
                .extracting(call -> call.getString("result"))
                .containsExactly(
                        "Failed: the arguments are not valid JSON",
                        "Failed: invalid arguments: userId unknown field",
                        "Failed: there is no tool named 'drop_all_tasks'; the tools are create_task, list_tasks, "
                                + "get_task, update_task, delete_task, toggle_complete, get_stats");
        assertThat(Http.json(ayesha.get("/tasks")).getInt("total")).isZero();
    }

    @Test
    void theToolLoopStopsAfterTheConfiguredRounds() {
        for (int i = 0; i < 5; i++) {
            model.then(toolCalls(call("s" + i, "get_stats", "{}")));
        }

        JsonObject reply = chat(null, "Keep counting");

        // local-it.env sets AI_MAX_TOOL_ROUNDS=3: three rounds run, the fourth request's tool calls do not.
        assertThat(model.requests()).hasSize(4);
        assertThat(reply.getJsonArray("toolCalls")).hasSize(3);
        assertThat(reply.getString("reply")).startsWith("I stopped after 3 rounds");
    }

    @Test
    void aNewConversationIsTitledAfterItsFirstMessageAndKeepsItsMessagesInOrder() {
        model.then(toolCalls(call("t1", "create_task", "{\"title\": \"دودھ خریدنا\"}")))
                .then(text("میں نے 'دودھ خریدنا' شامل کر دیا۔"));

        String id = chat(null, "دودھ خریدنا شامل کریں").getString("conversationId");

        JsonObject conversation = Http.json(ayesha.get("/conversations/" + id));
        assertThat(conversation.getString("title")).isEqualTo("دودھ خریدنا شامل کریں");
        assertThat(conversation.getJsonArray("messages").getValuesAs(JsonObject.class))
                .extracting(message -> message.getString("role"))
                .containsExactly("user", "assistant", "tool", "assistant");
        JsonObject tool = conversation.getJsonArray("messages").getJsonObject(2);
        assertThat(tool.getString("tool")).isEqualTo("create_task");
        assertThat(tool.getString("summary")).isEqualTo("Created task 'دودھ خریدنا'");
        assertThat(conversation.getJsonArray("messages").getJsonObject(3).getString("content"))
                .isEqualTo("میں نے 'دودھ خریدنا' شامل کر دیا۔");
    }

    @Test
    void aMessageIsRequiredAndAnUnknownConversationIsNotFound() {
        assertProblem(ayesha.post("/chat", "{\"message\": \"  \"}"), 400);
        assertProblem(
                ayesha.post(
                        "/chat", "{\"message\": \"hi\", \"conversationId\": \"0b9f8c52-6d3e-4a51-9a84-2f0c1d7e5a10\"}"),
                404);
        assertProblem(ApiClient.anonymous("POST", "/chat", "{\"message\": \"hi\"}"), 401);
        assertThat(model.requests()).isEmpty();
    }

    private JsonObject chat(String conversationId, String message) {
        var body = Json.createObjectBuilder().add("message", message);
        if (conversationId != null) {
            body.add("conversationId", conversationId);
        }
        HttpResponse<String> response = ayesha.post("/chat", body.build().toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }
}
