package dev.todo.api.mcp;

import dev.todo.api.database.DatabaseTrouble;
import dev.todo.api.problem.Problem;
import dev.todo.api.telemetry.AppMetrics;
import dev.todo.api.tools.TaskTools;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * {@code /api/mcp}: Streamable HTTP without sessions. Each POST carries one JSON-RPC message and gets its answer as
 * one JSON response, so any replica can serve any request and nothing is kept between them. This class does the HTTP
 * (methods, media types, size, a session id the server never issued) and answers every fault itself, as problem+json
 * or a JSON-RPC error; the SDK behind {@link McpToolServer}, built on the first request, answers the protocol. The SDK
 * and its JSON libraries are about 1,500 classes; loading them at start-up cost the server a second of its start and
 * memory it keeps even where no MCP client ever calls.
 */
final class McpServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(McpServlet.class.getName());
    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final transient TaskTools tools;
    private final transient AppMetrics metrics;
    private transient volatile McpToolServer server;
    private transient volatile McpToolServer readingServer;

    McpServlet(TaskTools tools, AppMetrics metrics) {
        this.tools = tools;
        this.metrics = metrics;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        switch (request.getMethod()) {
            case "POST" -> post(request, response);
            case "GET" ->
                problem(
                        request,
                        response,
                        405,
                        "Method Not Allowed",
                        "This MCP server opens no event stream: POST each JSON-RPC message and read the answer.");
            case "DELETE" -> {
                if (request.getHeader(SESSION_HEADER) != null) {
                    unknownSession(request, response);
                } else {
                    problem(
                            request,
                            response,
                            405,
                            "Method Not Allowed",
                            "This MCP server keeps no sessions, so there is none to end.");
                }
            }
            default -> problem(request, response, 405, "Method Not Allowed", "Send MCP messages with POST.");
        }
    }

    private void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getHeader(SESSION_HEADER) != null) {
            unknownSession(request, response);
            return;
        }
        if (!isJson(request.getContentType())) {
            problem(request, response, 415, "Unsupported Media Type", "Send the JSON-RPC message as application/json.");
            return;
        }
        if (!acceptsJson(request.getHeader("Accept"))) {
            problem(
                    request,
                    response,
                    406,
                    "Not Acceptable",
                    "The answer is application/json: accept application/json and text/event-stream.");
            return;
        }
        String body = readBody(request);
        if (body == null) {
            problem(
                    request,
                    response,
                    413,
                    "Content Too Large",
                    "A JSON-RPC message may be at most " + MAX_BODY_BYTES / 1024 + " KiB.");
            return;
        }
        JsonRpcMessage message;
        try {
            message = JsonRpcMessage.parse(body);
        } catch (JsonRpcMessage.Invalid invalid) {
            write(response, 400, JsonRpcMessage.error(invalid.id(), invalid.code(), invalid.getMessage()));
            return;
        }
        metrics.mcpRequest(McpMethods.label(message.method()));
        boolean mayWrite = Boolean.TRUE.equals(request.getAttribute(McpEndpoint.MAY_WRITE));
        McpToolServer.Answer answer =
                server(mayWrite).answer(message, body, (UUID) request.getAttribute(McpEndpoint.OWNER));
        if (answer.status() == 503) {
            response.setHeader("Retry-After", Integer.toString(DatabaseTrouble.RETRY_AFTER_SECONDS));
        }
        write(response, answer.status(), answer.json());
    }

    /**
     * Sessions are never issued here, so a session id is one an earlier, stateful version of the server gave out (or
     * another's): 404 is what the protocol prescribes, and a client then initializes again without one.
     */
    private static void unknownSession(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problem(
                request,
                response,
                404,
                "Not Found",
                "Unknown MCP session: this server keeps no sessions. Initialize again without Mcp-Session-Id.");
    }

    private static boolean isJson(String contentType) {
        return contentType != null
                && contentType.toLowerCase(Locale.ROOT).strip().startsWith("application/json");
    }

    private static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        return lower.contains("application/json") || lower.contains("*/*") || lower.contains("application/*");
    }

    /** The body as UTF-8, or null when it is larger than {@link #MAX_BODY_BYTES}. */
    private static String readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return null;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                body.write(buffer, 0, n);
                if (body.size() > MAX_BODY_BYTES) {
                    return null;
                }
            }
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private static void write(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        if (json != null) {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json);
        }
    }

    private static void problem(
            HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        if (status == 405) {
            response.setHeader("Allow", "POST");
        }
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write(Problem.of(status, title, detail)
                        .toJson(request.getRequestURI())
                        .toString());
    }

    @Override
    public void destroy() {
        for (McpToolServer current : new McpToolServer[] {server, readingServer}) {
            if (current != null) {
                current.close();
            }
        }
    }

    /** The server with every tool, or for a {@code read} token the one that offers only the reading tools. */
    private McpToolServer server(boolean mayWrite) {
        McpToolServer current = mayWrite ? server : readingServer;
        if (current == null) {
            synchronized (this) {
                current = mayWrite ? server : readingServer;
                if (current == null) {
                    long begin = System.nanoTime();
                    current = new McpToolServer(tools, mayWrite);
                    if (mayWrite) {
                        server = current;
                    } else {
                        readingServer = current;
                    }
                    long millis = (System.nanoTime() - begin) / 1_000_000;
                    String kind = mayWrite ? "" : " for read tokens";
                    LOG.info(() -> "MCP server" + kind + " ready at /api" + McpEndpoint.PATH + " after " + millis
                            + " ms (first request)");
                }
            }
        }
        return current;
    }
}
