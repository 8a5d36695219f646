package dev.todo.api.assistant.dto;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConversationSummary", description = "A conversation without its messages")
public record ConversationSummary(
        @Schema(readOnly = true) UUID id,
        @Schema(example = "Add buy milk for tomorrow") String title,
        @Schema(readOnly = true) Instant createdAt,
        @Schema(readOnly = true) Instant updatedAt) {}
