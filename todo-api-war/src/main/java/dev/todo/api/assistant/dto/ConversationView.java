package dev.todo.api.assistant.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Conversation", description = "A conversation with its messages in order")
public record ConversationView(
        UUID id, String title, Instant createdAt, Instant updatedAt, List<MessageView> messages) {}
