package dev.todo.api.mcp;

import dev.todo.api.account.AccountService;
import dev.todo.api.database.DatabaseTrouble;
import dev.todo.api.problem.Problem;
import dev.todo.api.security.TokenCheck;
import dev.todo.api.security.TokenVerifier;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Guards the MCP endpoint. A browser page may only call it from an allowed origin (the server's own, or one in
 * {@code CORS_ORIGINS}), and, when {@code MCP_ALLOWED_HOSTS} is set, only under one of those host names: the checks
 * the MCP specification asks for against DNS rebinding. Liberty's {@code <cors>} (liberty/shared/http.xml) answers
 * the preflights of allowed origins and adds the CORS headers; clients that are not browsers send no Origin and
 * pass. Then the caller must send a
 * bearer token that {@link TokenVerifier} verified, in the {@code user} group, whose session is still open (the check of
 * every signed-in request, {@link TokenCheck}); its account id, and whether it may write, go on the request for the
 * tools. A database that
 * cannot answer that check gets 503 with Retry-After, as everywhere in the API.
 */
final class McpAccessFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(McpAccessFilter.class.getName());

    private final transient AccountService accounts;
    private final transient TokenVerifier verifier;
    private final List<String> allowedOrigins;
    private final List<String> allowedHosts;

    McpAccessFilter(
            AccountService accounts, TokenVerifier verifier, List<String> allowedOrigins, List<String> allowedHosts) {
        this.accounts = accounts;
        this.verifier = verifier;
        this.allowedOrigins = List.copyOf(allowedOrigins);
        this.allowedHosts =
                allowedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String host = request.getHeader("Host");
        if (!allowedHosts.isEmpty() && (host == null || !allowedHosts.contains(hostName(host)))) {
            refuse(request, response, 403, "Forbidden", "This host name is not allowed for MCP.");
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !allowedOrigins.contains(origin) && !sameOrigin(origin, request)) {
            refuse(request, response, 403, "Forbidden", "Requests from origin " + origin + " are not allowed.");
            return;
        }
        if (origin != null && "OPTIONS".equals(request.getMethod())) {
            // A CORS preflight carries no token: Liberty's <cors> answers it once the filters let it pass.
            chain.doFilter(request, response);
            return;
        }
        TokenCheck.Result result;
        try {
            result = TokenCheck.check(request.getHeader("Authorization"), verifier, accounts);
        } catch (RuntimeException e) {
            if (!DatabaseTrouble.isUnavailable(e)) {
                throw e;
            }
            LOG.log(Level.WARNING, "MCP request refused, the database is unavailable: {0}", e.getMessage());
            response.setHeader("Retry-After", Integer.toString(DatabaseTrouble.RETRY_AFTER_SECONDS));
            refuse(
                    request,
                    response,
                    503,
                    "Service Unavailable",
                    "The database cannot be reached right now; try again in a few seconds.");
            return;
        }
        if (result.grant() == null) {
            refuse(request, response, 401, "Unauthorized", result.refusal());
            return;
        }
        request.setAttribute(McpEndpoint.OWNER, result.grant().accountId());
        request.setAttribute(McpEndpoint.MAY_WRITE, result.grant().mayWrite());
        chain.doFilter(request, response);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return (uri.getHost() + port).equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String hostName(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[")) {
            int end = lower.indexOf(']');
            return end < 0 ? lower : lower.substring(0, end + 1);
        }
        int colon = lower.lastIndexOf(':');
        return colon < 0 ? lower : lower.substring(0, colon);
    }

    private static void refuse(
            HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter()
                .write(Problem.of(status, title, detail)
                        .toJson(request.getRequestURI())
                        .toString());
    }
}
