package dev.todo.web.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.web.api.Message;
import dev.todo.web.api.ToolCall;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatLinesTest {

    @Test
    void toolRequestsAreLeftOutAndEachToolAnswerBecomesAnActionLineInOrder() {
        List<Message> stored = List.of(
                message("user", "Add buy milk", null),
                new Message("assistant", "", List.of(new ToolCall("create_task", null, false)), null, null, null),
                new Message("tool", "{\"id\":\"1\"}", null, "create_task", "Created task 'Buy milk'", null),
                new Message("tool", "{}", null, "delete_task", "Failed: Task 9 does not exist.", null),
                message("assistant", "Added 'Buy milk'.", null));

        assertThat(ChatLines.of(stored))
                .containsExactly(
                        new ChatLine("user", "Add buy milk"),
                        new ChatLine("action", "Created task 'Buy milk'"),
                        new ChatLine("action failed", "Failed: Task 9 does not exist."),
                        new ChatLine("assistant", "Added 'Buy milk'."));
    }

    @Test
    void aToolAnswerWithoutSummaryNamesTheTool() {
        assertThat(ChatLines.of(List.of(new Message("tool", "{}", null, "get_stats", null, null))))
                .containsExactly(new ChatLine("action", "Used get_stats"));
    }

    private static Message message(String role, String content, String summary) {
        return new Message(role, content, null, null, summary, null);
    }
}
