package dev.todo.api.mcp;

import dev.todo.api.account.AccountService;
import dev.todo.api.tools.TaskTools;
import dev.todo.api.tools.ToolDefinition;
import dev.todo.api.tools.ToolResult;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The MCP server at {@code /api/mcp} (Streamable HTTP, official MCP Java SDK) offering the seven task tools.
 * {@link McpAccessFilter} admits only requests with a verified bearer token of an existing account and puts that
 * account on the request; the transport hands it to the tool handlers, which act for it alone.
 *
 * <p>Handlers run on the request thread ({@code immediateExecution}): JNDI, CDI and JPA work only there.
 */
@WebListener
public class McpEndpoint implements ServletContextListener {

    static final String PATH = "/mcp";
    static final String OWNER = "dev.todo.mcp.owner";

    @Inject
    TaskTools tools;

    @Inject
    AccountService accounts;

    @Inject
    @ConfigProperty(name = "CORS_ORIGINS")
    Optional<String> corsOrigins;

    @Inject
    @ConfigProperty(name = "MCP_ALLOWED_HOSTS")
    Optional<String> allowedHosts;

    private McpSyncServer server;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint(PATH)
                .contextExtractor(request -> McpTransportContext.create(Map.of(OWNER, request.getAttribute(OWNER))))
                .build();
        server = McpServer.sync(transport)
                .serverInfo("todo-on-liberty", "1.0.0")
                .instructions("Tools to manage the signed-in user's to-do tasks.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .immediateExecution(true)
                // TaskTools checks the arguments against the same schemas and explains every fault to the model.
                .validateToolInputs(false)
                .tools(TaskTools.CATALOGUE.stream().map(this::specification).toList())
                .build();

        ServletContext context = event.getServletContext();
        ServletRegistration.Dynamic servlet = context.addServlet("mcp", transport);
        servlet.addMapping(PATH);
        servlet.setAsyncSupported(true);
        servlet.setLoadOnStartup(1);
        FilterRegistration.Dynamic filter = context.addFilter("mcpAccess",
                new McpAccessFilter(accounts, list(corsOrigins), list(allowedHosts)));
        filter.addMappingForServletNames(null, false, "mcp");
        filter.setAsyncSupported(true);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (server != null) {
            server.closeGracefully();
        }
    }

    private McpServerFeatures.SyncToolSpecification specification(ToolDefinition definition) {
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(definition.name())
                .description(definition.description())
                .inputSchema(definition.inputSchema())
                .build();
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> {
                    UUID owner = (UUID) exchange.transportContext().get(OWNER);
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
        return arguments == null ? JsonValue.EMPTY_JSON_OBJECT : Json.createObjectBuilder(arguments).build();
    }

    private static List<String> list(Optional<String> value) {
        return value.map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }
}
