package dev.todo.web.assistant;

import dev.todo.web.api.ApiException;
import dev.todo.web.api.Problem;

/** What the chat page tells people when the assistant cannot answer; the same words with and without streaming. */
final class AssistantMessages {

    static final String NOT_CONFIGURED = "The assistant is not configured on this server, so it cannot answer yet. "
            + "Everything else works as usual; the operator can turn it on by setting a model provider key.";
    static final String UNREACHABLE =
            "The assistant cannot be reached right now. Nothing is lost; try again in a minute.";
    static final String CUT_OFF = "The answer was cut off. Reload the conversation to see what was saved.";
    static final String EMPTY = "Write a message first.";

    private AssistantMessages() {}

    static String of(ApiException failure) {
        return of(failure.status(), failure.problem().orElse(null));
    }

    /** For a refusal before the model was asked (not configured) or a model failure (502, 503, 504). */
    static String of(int status, Problem problem) {
        String title = problem == null ? null : problem.title();
        if (status == 503 && "Assistant not configured".equals(title)) {
            return NOT_CONFIGURED;
        }
        String detail = problem == null ? null : problem.detail();
        if (detail == null || detail.isBlank()) {
            detail = "Something went wrong on the way. Send your message again in a moment.";
        }
        return "The assistant could not answer. " + detail;
    }
}
