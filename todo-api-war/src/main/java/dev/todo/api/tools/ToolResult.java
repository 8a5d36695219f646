package dev.todo.api.tools;

import static dev.todo.api.json.SharedJsonProvider.JSON;

/**
 * What a tool call did. {@code summary} is one line for people ("Created task 'Buy milk'"); {@code content} is the
 * JSON handed back to the model or MCP client. A failed call is a result too, never an exception: the model reads
 * the error and can correct itself.
 */
public record ToolResult(String tool, boolean error, String summary, String content) {

    static ToolResult ok(String tool, String summary, String content) {
        return new ToolResult(tool, false, summary, content);
    }

    static ToolResult failed(String tool, String message) {
        String json = JSON.createObjectBuilder().add("error", message).build().toString();
        return new ToolResult(tool, true, "Failed: " + message, json);
    }
}
