package dev.todo.api.assistant.dto;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChatReply", description = "The assistant's answer to one message, and the tools it used on the way")
public record ChatReply(
        UUID conversationId,

        @Schema(example = "Done: I added 'Buy milk' for tomorrow.")
        String reply,

        List<ToolCallView> toolCalls) {}
