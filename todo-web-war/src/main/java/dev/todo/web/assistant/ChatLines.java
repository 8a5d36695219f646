package dev.todo.web.assistant;

import dev.todo.web.api.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns stored messages into what a person reads: their own messages, the assistant's answers, and one line per tool
 * the assistant used, in its own words ("Created task 'Buy milk'"). The assistant's requests for tools carry no text
 * of their own and are left out: the action lines that follow them say what happened.
 */
final class ChatLines {

    /** How the API begins the summary of a tool call that was refused or failed. */
    static final String FAILED_PREFIX = "Failed";

    private ChatLines() {}

    static List<ChatLine> of(List<Message> messages) {
        List<ChatLine> lines = new ArrayList<>();
        for (Message message : messages) {
            String role = message.role() == null ? "" : message.role();
            switch (role) {
                case "user" -> lines.add(new ChatLine("user", text(message.content())));
                case "assistant" -> {
                    if (!text(message.content()).isBlank()) {
                        lines.add(new ChatLine("assistant", message.content()));
                    }
                }
                case "tool" -> lines.add(action(message));
                default -> {
                    // A role this page does not know yet is not the user's business.
                }
            }
        }
        return lines;
    }

    private static ChatLine action(Message message) {
        String summary = text(message.summary());
        if (summary.isBlank()) {
            summary = "Used " + (message.tool() == null ? "a task tool" : message.tool());
        }
        return new ChatLine(summary.startsWith(FAILED_PREFIX) ? "action failed" : "action", summary);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
