package dev.todo.web.api;

import java.time.Instant;
import java.util.List;

/** {@code GET /conversations/{id}}: a conversation with its messages in order. */
public record Conversation(String id, String title, Instant createdAt, Instant updatedAt, List<Message> messages) {

    public List<Message> messages() {
        return messages == null ? List.of() : messages;
    }
}
