package dev.todo.api.assistant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A whole conversation as an export holds it and an import restores it: every message as it is replayed to the
 * model, tool calls and results included, with its time.
 */
public record ConversationRecord(
        UUID id, String title, Instant createdAt, Instant updatedAt, List<StoredMessage> messages) {

    public ConversationRecord {
        messages = List.copyOf(messages);
    }
}
