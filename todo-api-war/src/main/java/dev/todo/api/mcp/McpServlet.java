package dev.todo.api.mcp;

import dev.todo.api.tools.TaskTools;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * {@code /api/mcp}: hands each request to the SDK's transport, which it builds on the first request. The SDK and
 * its JSON libraries are about 1,500 classes; loading them at start-up cost the server a second of its start and
 * memory it keeps even where no MCP client ever calls.
 */
final class McpServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(McpServlet.class.getName());

    private final transient TaskTools tools;
    private transient volatile McpToolServer server;

    McpServlet(TaskTools tools) {
        this.tools = tools;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        server().transport().service(request, response);
    }

    @Override
    public void destroy() {
        McpToolServer current = server;
        if (current != null) {
            current.transport().destroy();
            current.close();
        }
    }

    private McpToolServer server() throws ServletException {
        McpToolServer current = server;
        if (current == null) {
            synchronized (this) {
                current = server;
                if (current == null) {
                    long begin = System.nanoTime();
                    current = new McpToolServer(tools);
                    current.transport().init(getServletConfig());
                    server = current;
                    long millis = (System.nanoTime() - begin) / 1_000_000;
                    LOG.info(() ->
                            "MCP server ready at /api" + McpEndpoint.PATH + " after " + millis + " ms (first request)");
                }
            }
        }
        return current;
    }
}
