package dev.todo.api.assistant.dto;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConversationSummary", description = "A conversation without its messages")
public record ConversationSummary(
        UUID id,
        @Schema(example = "Add buy milk for tomorrow") String title,
        Instant createdAt,
        Instant updatedAt) {}
