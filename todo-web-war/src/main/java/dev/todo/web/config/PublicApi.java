package dev.todo.web.config;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where people's own tools (MCP clients, scripts, calendar apps) reach the API: {@code PUBLIC_API_URL}, e.g.
 * {@code https://todo.example.com/api}. The browser never talks to the API itself (this server does, at
 * {@code TODO_API_URL}, which may be a name only the cluster knows), so this is the address the profile page shows.
 * Unset, it is this web server's own address with {@code /api}: right for the local loop, where one server has
 * both, and for a deployment whose ingress sends {@code /api} to the API.
 */
@Named("publicApi")
@RequestScoped
public class PublicApi {

    @Inject
    @ConfigProperty(name = "PUBLIC_API_URL")
    Optional<String> configured;

    @Inject
    HttpServletRequest request;

    /** The API's base URL, without a trailing slash. */
    public String getUrl() {
        String url =
                configured.filter(value -> !value.isBlank()).map(String::strip).orElseGet(this::sameOrigin);
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String getMcpUrl() {
        return getUrl() + "/mcp";
    }

    /** Whether the URL was configured, rather than guessed from this server's address. */
    public boolean isConfigured() {
        return configured.filter(value -> !value.isBlank()).isPresent();
    }

    private String sameOrigin() {
        String scheme = header("X-Forwarded-Proto").orElse(request.getScheme());
        String host = header("X-Forwarded-Host")
                .or(() -> header("Host"))
                .orElse(request.getServerName() + ":" + request.getServerPort());
        return scheme + "://" + host + "/api";
    }

    private Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeader(name))
                .map(value -> value.split(",")[0].strip())
                .filter(value -> !value.isEmpty());
    }
}
