package dev.todo.api.mcp;

import java.util.Set;

/** The JSON-RPC method of an MCP message as the {@code method} label of {@code todo.mcp.requests}. */
final class McpMethods {

    /** What MCP clients send this server; anything else counts as {@code other}, so no client can invent series. */
    private static final Set<String> KNOWN = Set.of(
            "initialize",
            "ping",
            "tools/list",
            "tools/call",
            "resources/list",
            "resources/templates/list",
            "prompts/list",
            "logging/setLevel",
            "completion/complete",
            "notifications/initialized",
            "notifications/cancelled",
            "notifications/progress",
            "notifications/roots/list_changed");

    private McpMethods() {}

    /** {@code response} for a client's answer (it carries no method). */
    static String label(String method) {
        if (method == null) {
            return "response";
        }
        return KNOWN.contains(method) ? method : "other";
    }
}
