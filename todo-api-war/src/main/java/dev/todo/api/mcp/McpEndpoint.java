package dev.todo.api.mcp;

import dev.todo.api.account.AccountService;
import dev.todo.api.security.TokenVerifier;
import dev.todo.api.telemetry.AppMetrics;
import dev.todo.api.tools.TaskTools;
import jakarta.inject.Inject;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The MCP server at {@code /api/mcp} (Streamable HTTP without sessions, official MCP Java SDK) offering the seven task
 * tools. {@link McpAccessFilter} admits only requests with a verified bearer token whose session is open and puts
 * its account on the request; {@link McpServlet} hands it to the tool handlers, which act for it alone, and builds
 * the SDK's server on the first request. A {@code read} token gets a server that offers only the reading tools.
 */
@WebListener
public class McpEndpoint implements ServletContextListener {

    static final String PATH = "/mcp";
    static final String OWNER = "dev.todo.mcp.owner";
    static final String MAY_WRITE = "dev.todo.mcp.may-write";

    @Inject
    TaskTools tools;

    @Inject
    AccountService accounts;

    @Inject
    TokenVerifier verifier;

    @Inject
    AppMetrics metrics;

    @Inject
    @ConfigProperty(name = "CORS_ORIGINS")
    Optional<String> corsOrigins;

    @Inject
    @ConfigProperty(name = "MCP_ALLOWED_HOSTS")
    Optional<String> allowedHosts;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        ServletRegistration.Dynamic servlet = context.addServlet("mcp", new McpServlet(tools, metrics));
        servlet.addMapping(PATH);
        servlet.setAsyncSupported(true);
        FilterRegistration.Dynamic filter = context.addFilter(
                "mcpAccess", new McpAccessFilter(accounts, verifier, list(corsOrigins), list(allowedHosts)));
        filter.addMappingForServletNames(null, false, "mcp");
        filter.setAsyncSupported(true);
    }

    private static List<String> list(Optional<String> value) {
        return value.map(v -> Arrays.stream(v.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
    }
}
