package dev.todo.api.task;

import static dev.todo.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** User B can neither see nor change anything of user A's, and cannot tell A's task from a missing one. */
class CrossUserIT {

    private static ApiClient alice;
    private static ApiClient bob;
    private static JsonObject alicesTask;

    @BeforeAll
    static void twoUsers() {
        alice = ApiClient.newUser("Alice");
        bob = ApiClient.newUser("Bob");
        alicesTask = alice.createTask("Alice's secret plan", "\"tags\":[\"private\"],\"recurrence\":\"DAILY\"");
        bob.createTask("Bob's own task", "");
    }

    static Stream<Arguments> callsAboutAlicesTask() {
        return Stream.of(
                Arguments.of("GET", (Function<String, HttpResponse<String>>) path -> bob.get(path)),
                Arguments.of("PUT", (Function<String, HttpResponse<String>>)
                        path -> bob.put(path, "{\"title\":\"mine\",\"version\":1}")),
                Arguments.of("PATCH", (Function<String, HttpResponse<String>>)
                        path -> bob.patch(path, "{\"title\":\"mine\"}")),
                Arguments.of("DELETE", (Function<String, HttpResponse<String>>) path -> bob.delete(path)),
                Arguments.of("POST completion", (Function<String, HttpResponse<String>>)
                        path -> bob.post(path + "/completion", null)),
                Arguments.of("DELETE completion", (Function<String, HttpResponse<String>>)
                        path -> bob.delete(path + "/completion")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callsAboutAlicesTask")
    void bobGets404AndAlicesTaskIsUnchanged(String call, Function<String, HttpResponse<String>> request) {
        String path = "/tasks/" + alicesTask.getString("id");

        JsonObject problem = assertProblem(request.apply(path), 404);

        JsonObject missing = assertProblem(bob.get("/tasks/00000000-0000-4000-8000-000000000000"), 404);
        assertThat(problem.getString("title")).isEqualTo(missing.getString("title"));
        assertThat(Http.json(alice.get(path))).isEqualTo(alicesTask);
    }

    @Test
    void listsSearchesAndStatsNeverShowTheOtherUsersTasks() {
        assertThat(Http.json(bob.get("/tasks")).getJsonArray("items").stream()
                        .map(item -> item.asJsonObject().getString("title")))
                .containsExactly("Bob's own task");
        assertThat(Http.json(bob.get("/tasks?q=secret")).getInt("total")).isZero();
        assertThat(Http.json(bob.get("/tasks?tag=private")).getInt("total")).isZero();
        assertThat(Http.json(bob.get("/tasks/stats")).getInt("total")).isEqualTo(1);
        assertThat(Http.json(alice.get("/tasks")).getJsonArray("items").stream()
                        .map(item -> item.asJsonObject().getString("title")))
                .containsExactly("Alice's secret plan");
    }
}
