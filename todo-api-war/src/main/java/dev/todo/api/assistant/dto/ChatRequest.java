package dev.todo.api.assistant.dto;

import dev.todo.api.json.JsonInput;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChatRequest", description = "A message to the assistant; without conversationId it starts a new conversation")
public record ChatRequest(
        @Schema(description = "The conversation to continue", format = "uuid") String conversationId,
        @NotBlank(message = "must not be blank") @Size(max = 4000, message = "must be at most 4000 characters")
        @Schema(example = "Add buy milk for tomorrow at 9") String message) {

    public static final Set<String> FIELDS = Set.of("conversationId", "message");

    public static ChatRequest read(JsonInput input) {
        return new ChatRequest(input.string("conversationId"), input.string("message"));
    }
}
