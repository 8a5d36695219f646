package dev.todo.api.mcp;

import dev.todo.api.tools.TaskTools;
import dev.todo.api.tools.ToolDefinition;
import dev.todo.api.tools.ToolResult;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServlet;
import java.util.Map;
import java.util.UUID;

/**
 * The MCP Java SDK's server over the seven task tools, with its Streamable HTTP transport (a servlet). The only class
 * that touches the SDK: {@link McpServlet} builds it on the first MCP request.
 *
 * <p>Handlers run on the request thread ({@code immediateExecution}): JNDI, CDI and JPA work only there.
 */
final class McpToolServer implements AutoCloseable {

    private final HttpServletStreamableServerTransportProvider transport;
    private final McpSyncServer server;

    McpToolServer(TaskTools tools) {
        transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint(McpEndpoint.PATH)
                .contextExtractor(request ->
                        McpTransportContext.create(Map.of(McpEndpoint.OWNER, request.getAttribute(McpEndpoint.OWNER))))
                .build();
        server = McpServer.sync(transport)
                .serverInfo("todo-on-liberty", "1.0.0")
                .instructions("Tools to manage the signed-in user's to-do tasks.")
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .immediateExecution(true)
                // TaskTools checks the arguments against the same schemas and explains every fault to the model.
                .validateToolInputs(false)
                .tools(TaskTools.CATALOGUE.stream()
                        .map(definition -> specification(tools, definition))
                        .toList())
                .build();
    }

    HttpServlet transport() {
        return transport;
    }

    @Override
    public void close() {
        server.closeGracefully();
    }

    private static McpServerFeatures.SyncToolSpecification specification(TaskTools tools, ToolDefinition definition) {
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(definition.name())
                .description(definition.description())
                .inputSchema(definition.inputSchema())
                .build();
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> {
                    UUID owner = (UUID) exchange.transportContext().get(McpEndpoint.OWNER);
                    if (owner == null) {
                        throw new IllegalStateException("an MCP request reached a tool without a verified user");
                    }
                    ToolResult result = tools.call(owner, request.name(), arguments(request.arguments()));
                    return McpSchema.CallToolResult.builder()
                            .addTextContent(result.content())
                            .isError(result.error())
                            .build();
                })
                .build();
    }

    private static JsonValue arguments(Map<String, Object> arguments) {
        return arguments == null
                ? JsonValue.EMPTY_JSON_OBJECT
                : Json.createObjectBuilder(arguments).build();
    }
}
