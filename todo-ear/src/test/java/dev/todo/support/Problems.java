package dev.todo.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;

/** Assertions on RFC 9457 problem responses. */
public final class Problems {

    private Problems() {}

    /** Asserts the status and problem+json form, and returns the problem. */
    public static JsonObject assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonObject problem = Http.json(response);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
        return problem;
    }

    /** The fields named in the problem's errors list. */
    public static List<String> fieldsAtFault(JsonObject problem) {
        return problem.getJsonArray("errors").stream()
                .map(error -> error.asJsonObject().getString("field"))
                .toList();
    }
}
