package dev.todo.api.tools;

import java.util.Map;

/**
 * One tool as both the model and MCP clients see it: a name, what it does, and the JSON Schema of its arguments.
 * The schema is plain maps and lists so that openai-java, the MCP SDK and {@link ArgumentSchema} all read the same
 * value.
 */
public record ToolDefinition(String name, String description, Map<String, Object> inputSchema) {

    public ToolDefinition {
        inputSchema = Map.copyOf(inputSchema);
    }
}
