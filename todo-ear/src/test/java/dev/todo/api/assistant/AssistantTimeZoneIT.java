package dev.todo.api.assistant;

import static dev.todo.support.ModelStub.Reply.call;
import static dev.todo.support.ModelStub.Reply.text;
import static dev.todo.support.ModelStub.Reply.toolCalls;
import static dev.todo.support.Problems.assertProblem;
import static dev.todo.support.Problems.fieldsAtFault;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import dev.todo.support.ModelStub;
import dev.todo.support.TimeZones;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The user's time zone, when the chat request gives it: the model is told, and the tools count days there. */
@ResourceLock(ModelStub.LOCK)
class AssistantTimeZoneIT {

    private final ModelStub model = ModelStub.instance();
    private ApiClient tariq;

    @BeforeEach
    void aTaskDueTodayInKiritimatiButNotInUtc() {
        model.reset();
        tariq = ApiClient.newUser("Tariq");
        tariq.createTask(
                "Call the bank", "\"dueAt\": \"" + TimeZones.todayThereButNotInUtc(TimeZones.KIRITIMATI) + "\"");
        model.then(toolCalls(call("tz1", "list_tasks", "{\"due\": \"TODAY\"}"))).then(text("One task is due today."));
    }

    @Test
    void toolsCountTodayInTheUsersTimeZone() {
        JsonObject reply = chat(request().add("timeZone", TimeZones.KIRITIMATI.getId()));

        assertThat(reply.getJsonArray("toolCalls").getJsonObject(0).getString("result"))
                .isEqualTo("Found 1 task");
    }

    @Test
    void theModelIsToldTheUsersTimeZone() {
        chat(request().add("timeZone", TimeZones.KIRITIMATI.getId()));

        assertThat(model.lastRequest().messages().get(0).getString("content"))
                .contains("+14:00, in the user's time zone Pacific/Kiritimati");
    }

    @Test
    void withoutATimeZoneTodayIsUtcs() {
        JsonObject reply = chat(request());

        assertThat(reply.getJsonArray("toolCalls").getJsonObject(0).getString("result"))
                .isEqualTo("Found 0 tasks");
        assertThat(model.lastRequest().messages().get(0).getString("content")).contains("in the user's time zone UTC");
    }

    @Test
    void anUnknownTimeZoneIsRefused() {
        HttpResponse<String> response = tariq.post(
                "/chat", request().add("timeZone", "Mars/Olympus_Mons").build().toString());

        assertThat(fieldsAtFault(assertProblem(response, 400))).containsExactly("timeZone");
        assertThat(model.requests()).isEmpty();
    }

    private static JsonObjectBuilder request() {
        return Json.createObjectBuilder().add("message", "What is due today?");
    }

    private JsonObject chat(JsonObjectBuilder request) {
        HttpResponse<String> response = tariq.post("/chat", request.build().toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }
}
