package dev.todo.api.assistant;

import java.time.Instant;

/**
 * A message as the assistant writes and replays it. {@code toolCalls} (assistant messages) is the JSON array of
 * {@code {id, name, arguments}} the model asked for; {@code toolCallId}, {@code toolName} and {@code summary} belong
 * to tool results.
 */
public record StoredMessage(
        MessageRole role,
        String content,
        String toolCalls,
        String toolCallId,
        String toolName,
        String summary,
        Instant createdAt) {

    public static StoredMessage user(String content) {
        return new StoredMessage(MessageRole.USER, content, null, null, null, null, null);
    }

    public static StoredMessage assistant(String content, String toolCalls) {
        return new StoredMessage(MessageRole.ASSISTANT, content, toolCalls, null, null, null, null);
    }

    public static StoredMessage tool(String toolCallId, String toolName, String content, String summary) {
        return new StoredMessage(MessageRole.TOOL, content, null, toolCallId, toolName, summary, null);
    }
}
