package dev.todo.api.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.Http;
import dev.todo.support.LibertyServer;
import dev.todo.support.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two production api servers, each its own JVM, on one PostgreSQL: the MCP tool list one serves is byte for byte the
 * one the other serves. A schema whose properties came out in hash order would differ between the JVMs.
 */
class ToolListAcrossServersIT {

    private static final String AUTH_SECRET = "tool-list-test-secret-of-32-bytes-or-more";
    private static final Path OUTPUT = Path.of("target", "tool-list").toAbsolutePath();
    private static final Duration START = Duration.ofSeconds(180);

    private static EmbeddedPostgres postgres;
    private static LibertyServer first;
    private static LibertyServer second;

    @BeforeAll
    static void startTwoServers() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(OUTPUT.resolve("pgdata"))
                .setCleanDataDirectory(true)
                .start();
        Map<String, String> environment = Map.of(
                "DATABASE_URL",
                "postgresql://postgres@localhost:" + postgres.getPort() + "/postgres?sslmode=disable",
                "AUTH_SECRET",
                AUTH_SECRET);
        first = start("first", environment);
        second = start("second", environment);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (LibertyServer server : new LibertyServer[] {first, second}) {
            if (server != null) {
                server.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void bothServersListTheToolsByteForByteAlike() {
        String token = Http.json(send(
                        first,
                        null,
                        null,
                        "/auth/signup",
                        "{\"name\": \"Lists\", \"email\": \"lists@example.com\", \"password\": \"password-lists\"}"))
                .getString("token");

        String fromFirst = toolList(first, token);
        String fromSecond = toolList(second, token);

        assertThat(fromFirst).contains("\"create_task\"", "\"get_stats\"");
        assertThat(fromSecond).isEqualTo(fromFirst);
        assertThat(fromFirst.indexOf("\"title\":{")).isLessThan(fromFirst.indexOf("\"description\":{"));
        assertThat(fromFirst.indexOf("\"description\":{")).isLessThan(fromFirst.indexOf("\"recurrence\":{"));
    }

    /** The JSON-RPC answer to tools/list, after the handshake MCP asks for; without the event's own id. */
    private static String toolList(LibertyServer server, String token) {
        HttpResponse<String> initialized = send(server, token, null, "/mcp", """
                {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
                 "capabilities": {}, "clientInfo": {"name": "tool-list-test", "version": "1"}}}""");
        assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);
        Optional<String> session = initialized.headers().firstValue("Mcp-Session-Id");
        send(
                server,
                token,
                session.orElse(null),
                "/mcp",
                "{\"jsonrpc\": \"2.0\", \"method\": \"notifications/initialized\"}");
        HttpResponse<String> tools = send(
                server,
                token,
                session.orElse(null),
                "/mcp",
                "{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"tools/list\"}");
        assertThat(tools.statusCode()).as(tools.body()).isEqualTo(200);
        return tools.body().lines().filter(line -> !line.startsWith("id:")).collect(Collectors.joining("\n"));
    }

    private static LibertyServer start(String name, Map<String, String> environment) {
        LibertyServer server = new LibertyServer("api", Ports.free(), environment, OUTPUT.resolve(name)).start();
        try {
            Http.awaitResponse(server.baseUrl() + "/health/ready", Http::isUp, START);
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    private static HttpResponse<String> send(
            LibertyServer server, String token, String session, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (session != null) {
            request.header("Mcp-Session-Id", session).header("Mcp-Protocol-Version", "2025-06-18");
        }
        return Http.send(request.build());
    }
}
