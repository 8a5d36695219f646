package dev.todo.web.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.web.api.Problem;
import org.junit.jupiter.api.Test;

class AssistantMessagesTest {

    @Test
    void notConfiguredSaysSoInsteadOfTheOperatorsInstructions() {
        Problem problem = problem(503, "Assistant not configured", "set OPENAI_API_KEY");

        assertThat(AssistantMessages.of(503, problem)).isEqualTo(AssistantMessages.NOT_CONFIGURED);
    }

    @Test
    void aModelFailureSaysTheAssistantCouldNotAnswerAndWhy() {
        Problem problem = problem(
                502, "Assistant unavailable", "The model provider had an error. Send your message again in a moment.");

        assertThat(AssistantMessages.of(502, problem))
                .isEqualTo(
                        "The assistant could not answer. The model provider had an error. Send your message again in a moment.");
    }

    @Test
    void rateLimitingIsAModelFailureNotMissingConfiguration() {
        assertThat(AssistantMessages.of(503, problem(503, "Assistant busy", "Wait a moment.")))
                .startsWith("The assistant could not answer.");
    }

    private static Problem problem(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null, null, null);
    }
}
