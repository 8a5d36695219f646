package dev.todo.api.mcp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CORS for browser MCP clients (the MCP Inspector's web client, or any page) on an origin listed in
 * {@code CORS_ORIGINS}. Their preflight carries no token, so it is answered before the token check; their real
 * requests must be able to read the session id and the protocol version that Streamable HTTP puts in headers.
 */
final class McpCors {

    private McpCors() {}

    static boolean isPreflight(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
    }

    static void allow(String origin, HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.addHeader("Vary", "Origin");
        response.setHeader("Access-Control-Expose-Headers", "Mcp-Session-Id, Mcp-Protocol-Version, WWW-Authenticate");
    }

    static void answerPreflight(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        response.setHeader("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
        response.setHeader(
                "Access-Control-Allow-Headers",
                "Authorization, Content-Type, Accept, Mcp-Session-Id, Mcp-Protocol-Version, Last-Event-ID");
        response.setHeader("Access-Control-Max-Age", "600");
    }
}
