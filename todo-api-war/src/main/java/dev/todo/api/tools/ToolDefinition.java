package dev.todo.api.tools;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One tool as both the model and MCP clients see it: a name, what it does, and the JSON Schema of its arguments
 * (from {@link ArgumentSchema}, ordered and unmodifiable). The schema is plain maps and lists so that openai-java and
 * the MCP SDK read the same value.
 */
@SuppressWarnings("unchecked")
public record ToolDefinition(String name, String description, Map<String, Object> inputSchema) {

    public Set<String> argumentNames() {
        return ((Map<String, Object>) inputSchema.get("properties")).keySet();
    }

    public List<String> requiredArguments() {
        return (List<String>) inputSchema.get("required");
    }
}
