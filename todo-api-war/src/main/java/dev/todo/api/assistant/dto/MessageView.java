package dev.todo.api.assistant.dto;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "Message",
        description = "One message of a conversation: the user's, the assistant's, or a tool's result")
public record MessageView(
        @Schema(enumeration = {"user", "assistant", "tool"}) String role,
        String content,

        @Schema(description = "Assistant messages: the tools it asked for (result is null here)")
        List<ToolCallView> toolCalls,

        @Schema(description = "Tool messages: which tool answered")
        String tool,

        @Schema(description = "Tool messages: what the tool did, for people")
        String summary,

        Instant createdAt) {}
