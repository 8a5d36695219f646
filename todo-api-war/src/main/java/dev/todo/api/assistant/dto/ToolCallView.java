package dev.todo.api.assistant.dto;

import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ToolCall", description = "A task tool the assistant used in this turn and what came of it")
public record ToolCallView(
        @Schema(example = "create_task") String name,

        @Schema(description = "The arguments as the model sent them", example = "{\"title\": \"Buy milk\"}")
        JsonValue arguments,

        @Schema(example = "Created task 'Buy milk'") String result,

        @Schema(description = "True when the tool refused or failed")
        boolean error) {}
