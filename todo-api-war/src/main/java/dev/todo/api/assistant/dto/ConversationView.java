package dev.todo.api.assistant.dto;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A conversation as the API shows it; sent back with PATCH, its read-only fields are ignored. */
@Schema(name = "Conversation", description = "A conversation with its messages in order")
public record ConversationView(
        @Schema(readOnly = true) UUID id,
        String title,
        @Schema(readOnly = true) Instant createdAt,
        @Schema(readOnly = true) Instant updatedAt,
        @Schema(readOnly = true) List<MessageView> messages) {

    public static final Set<String> READ_ONLY = Set.of("id", "createdAt", "updatedAt", "messages");
}
