package dev.todo.api.mcp;

import static dev.todo.api.json.SharedJsonProvider.JSON;

import dev.todo.api.database.DatabaseTrouble;
import dev.todo.api.tools.TaskTools;
import dev.todo.api.tools.ToolDefinition;
import dev.todo.api.tools.ToolResult;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * The MCP Java SDK's stateless server over the seven task tools. The SDK answers the protocol (initialize, ping,
 * tools/list, tools/call); {@link McpServlet} owns HTTP and hands each checked message here. Stateless, so any
 * replica answers any request: there is no session to find, and the token of each request says who is acting. The
 * only class that touches the SDK: {@link McpServlet} builds it on the first MCP request.
 *
 * <p>Handlers run on the request thread ({@code immediateExecution}): JNDI, CDI and JPA work only there. Every error
 * that leaves here is in plain words: what the SDK says about a failed request is replaced unless it is one of the
 * protocol's own answers (unknown method, unknown tool).
 */
final class McpToolServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(McpToolServer.class.getName());

    /** What to send back: the HTTP status and the body (null for none). */
    record Answer(int status, String json) {}

    private final McpJsonMapper json = McpJsonDefaults.getMapper();
    private final Transport transport = new Transport();
    private final McpStatelessSyncServer server;
    private final boolean mayWrite;
    private final String toolNames;

    /** With {@code mayWrite} false, only the tools that read: the server a {@code read} token talks to. */
    McpToolServer(TaskTools tools, boolean mayWrite) {
        this.mayWrite = mayWrite;
        List<ToolDefinition> catalogue = TaskTools.catalogue(mayWrite);
        this.toolNames = catalogue.stream().map(ToolDefinition::name).collect(Collectors.joining(", "));
        server = McpServer.sync(transport)
                .serverInfo("todo-on-liberty", "1.0.0")
                .instructions(
                        mayWrite
                                ? "Tools to manage the signed-in user's to-do tasks."
                                : "Tools to read the signed-in user's to-do tasks. This token has the read scope:"
                                        + " it cannot create, change, complete or delete tasks.")
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .immediateExecution(true)
                // TaskTools checks the arguments against the same schemas and explains every fault to the model.
                .validateToolInputs(false)
                .tools(catalogue.stream()
                        .map(definition -> specification(tools, definition))
                        .toList())
                .build();
    }

    /** Answers one message that {@link JsonRpcMessage#parse} accepted, for the given account. */
    Answer answer(JsonRpcMessage message, String body, UUID owner) {
        McpTransportContext context =
                McpTransportContext.create(Map.of(McpEndpoint.OWNER, owner, McpEndpoint.MAY_WRITE, mayWrite));
        McpSchema.JSONRPCMessage parsed;
        try {
            parsed = McpSchema.deserializeJsonRpcMessage(json, body);
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(
                    400,
                    JsonRpcMessage.error(
                            message.id(),
                            JsonRpcMessage.INVALID_REQUEST,
                            "Invalid Request: not a JSON-RPC request, notification or response."));
        }
        if (parsed instanceof McpSchema.JSONRPCRequest request) {
            McpSchema.JSONRPCResponse response = transport
                    .handler
                    .handleRequest(context, request)
                    .contextWrite(reactor -> reactor.put(McpTransportContext.KEY, context))
                    .block();
            return answerTo(message, request, response);
        }
        if (parsed instanceof McpSchema.JSONRPCNotification notification) {
            transport
                    .handler
                    .handleNotification(context, notification)
                    .contextWrite(reactor -> reactor.put(McpTransportContext.KEY, context))
                    .onErrorResume(e -> {
                        LOG.log(Level.FINE, "MCP notification {0} failed: {1}", new Object[] {
                            notification.method(), e.getMessage()
                        });
                        return Mono.empty();
                    })
                    .block();
        }
        // Notifications and the client's responses (it has no request of ours to answer) are accepted.
        return new Answer(202, null);
    }

    private Answer answerTo(
            JsonRpcMessage message, McpSchema.JSONRPCRequest request, McpSchema.JSONRPCResponse response) {
        McpSchema.JSONRPCResponse.JSONRPCError error = response == null ? null : response.error();
        if (error == null) {
            try {
                return new Answer(200, json.writeValueAsString(response));
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "MCP answer to " + request.method() + " could not be written", e);
                return new Answer(
                        500,
                        JsonRpcMessage.error(
                                message.id(), JsonRpcMessage.INTERNAL_ERROR, "Internal error: no answer was made."));
            }
        }
        int code = error.code() == null ? JsonRpcMessage.INTERNAL_ERROR : error.code();
        String plain = switch (code) {
            case JsonRpcMessage.METHOD_NOT_FOUND ->
                "Method not found: " + request.method() + ". This server offers initialize, ping, tools/list and"
                        + " tools/call.";
            case JsonRpcMessage.INVALID_PARAMS -> invalidParams(message, request);
            case JsonRpcMessage.UNAVAILABLE -> error.message();
            default -> {
                LOG.log(Level.WARNING, "MCP request {0} failed: {1}", new Object[] {request.method(), error.message()});
                yield "Internal error: " + request.method() + " could not be handled; check its params.";
            }
        };
        return new Answer(
                code == JsonRpcMessage.UNAVAILABLE ? 503 : 200, JsonRpcMessage.error(message.id(), code, plain));
    }

    private String invalidParams(JsonRpcMessage message, McpSchema.JSONRPCRequest request) {
        if (!"tools/call".equals(request.method())) {
            return "Invalid params for " + request.method() + ".";
        }
        String name = message.params().getString("name", "");
        if (!mayWrite && TaskTools.changesTasks(name)) {
            return "Tool " + name + " is not available: " + TaskTools.READ_ONLY_REFUSAL + " The tools are " + toolNames
                    + ".";
        }
        return "Unknown tool: " + name + ". The tools are " + toolNames + ".";
    }

    @Override
    public void close() {
        server.closeGracefully();
    }

    private static McpStatelessServerFeatures.SyncToolSpecification specification(
            TaskTools tools, ToolDefinition definition) {
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(definition.name())
                .description(definition.description())
                .inputSchema(definition.inputSchema())
                .build();
        return McpStatelessServerFeatures.SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((context, request) -> {
                    boolean mayWrite = Boolean.TRUE.equals(context.get(McpEndpoint.MAY_WRITE));
                    UUID owner = (UUID) context.get(McpEndpoint.OWNER);
                    if (owner == null) {
                        throw new IllegalStateException("an MCP request reached a tool without a verified user");
                    }
                    ToolResult result = call(tools, owner, request, mayWrite);
                    return McpSchema.CallToolResult.builder()
                            .addTextContent(result.content())
                            .isError(result.error())
                            .build();
                })
                .build();
    }

    /** The tool's result; a failure of the database or of our own code is never shown as it was thrown. */
    private static ToolResult call(TaskTools tools, UUID owner, McpSchema.CallToolRequest request, boolean mayWrite) {
        try {
            return tools.call(owner, request.name(), arguments(request.arguments()), ZoneOffset.UTC, mayWrite);
        } catch (RuntimeException e) {
            if (DatabaseTrouble.isUnavailable(e)) {
                LOG.log(Level.WARNING, "MCP tool {0}: the database is unavailable: {1}", new Object[] {
                    request.name(), e.getMessage()
                });
                throw new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(
                        JsonRpcMessage.UNAVAILABLE,
                        "The database cannot be reached right now; try again in " + DatabaseTrouble.RETRY_AFTER_SECONDS
                                + " seconds.",
                        null));
            }
            String correlationId = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "MCP tool " + request.name() + " failed unexpectedly, " + correlationId, e);
            String message = "Something went wrong on our side. Quote " + correlationId + " when reporting it.";
            return new ToolResult(
                    request.name(),
                    true,
                    "Failed: " + message,
                    JSON.createObjectBuilder().add("error", message).build().toString());
        }
    }

    private static JsonValue arguments(Map<String, Object> arguments) {
        return arguments == null
                ? JsonValue.EMPTY_JSON_OBJECT
                : JSON.createObjectBuilder(arguments).build();
    }

    /** The SDK's view of a transport: it hands over its handler, which {@link #answer} then calls. */
    private static final class Transport implements McpStatelessServerTransport {
        private volatile McpStatelessServerHandler handler;

        @Override
        public void setMcpHandler(McpStatelessServerHandler handler) {
            this.handler = handler;
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    }
}
