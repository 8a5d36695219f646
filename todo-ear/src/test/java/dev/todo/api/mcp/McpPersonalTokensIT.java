package dev.todo.api.mcp;

import static dev.todo.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MCP clients connect with personal access tokens: the Java SDK client, the TypeScript SDK client
 * ({@code interop/mcp-typescript/check.mjs}) and MCP Inspector's command line. A read token sees only the reading
 * tools, and a write tool called anyway is refused in plain words.
 */
class McpPersonalTokensIT {

    private static final Path CLIENT_DIR = Path.of(System.getProperty("interop.mcp.dir", "../interop/mcp-typescript"))
            .toAbsolutePath()
            .normalize();
    private static final String INSPECTOR = "@modelcontextprotocol/inspector@2.12.0";

    @BeforeAll
    static void installTheClient() {
        Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), Duration.ofMinutes(5));
        assertThat(install.exitCode()).as(install.output()).isZero();
    }

    @Test
    void theJavaClientWithAReadTokenSeesOnlyTheReadingTools() {
        ApiClient owner = ApiClient.newUser("Mcp Reader");
        owner.createTask("Visible to the reader", "");
        String token = owner.createPersonalToken("Java client", "read", 30).getString("token");
        McpSyncClient client = client(token);
        try {
            client.initialize();
            assertThat(client.listTools().tools())
                    .extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrder("list_tasks", "get_task", "get_stats");
            McpSchema.CallToolResult listed = client.callTool(new McpSchema.CallToolRequest("list_tasks", Map.of()));
            assertThat(listed.isError()).isFalse();
            assertThat(((McpSchema.TextContent) listed.content().get(0)).text()).contains("Visible to the reader");
            assertThatThrownBy(
                            () -> client.callTool(new McpSchema.CallToolRequest("create_task", Map.of("title", "x"))))
                    .hasMessageContaining("read scope");
        } finally {
            client.closeGracefully();
        }
        assertThat(Http.json(owner.get("/tasks")).getInt("total")).isEqualTo(1);
    }

    @Test
    void theJavaClientWithAReadWriteTokenHasEveryTool() {
        ApiClient owner = ApiClient.newUser("Mcp Writer");
        McpSyncClient client =
                client(owner.createPersonalToken("Java", "read-write", null).getString("token"));
        try {
            client.initialize();
            assertThat(client.listTools().tools()).hasSize(7);
            McpSchema.CallToolResult created =
                    client.callTool(new McpSchema.CallToolRequest("create_task", Map.of("title", "From MCP")));
            assertThat(created.isError()).isFalse();
        } finally {
            client.closeGracefully();
        }
        assertThat(Http.json(owner.get("/tasks")).getInt("total")).isEqualTo(1);
    }

    @Test
    void aRevokedTokenIsRefusedByTheMcpEndpoint() {
        ApiClient owner = ApiClient.newUser("Mcp Revoked");
        var created = owner.createPersonalToken("Gone soon", "read-write", 30);
        owner.delete("/tokens/" + created.getJsonObject("details").getString("id"));

        HttpResponse<String> refused = Http.send(HttpRequest.newBuilder(URI.create(ApiClient.api() + "/mcp"))
                .header("Authorization", "Bearer " + created.getString("token"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                .build());

        assertThat(assertProblem(refused, 401).getString("detail")).contains("revoked");
    }

    @Test
    void theTypeScriptSdkClientConnectsWithPersonalTokens() {
        ApiClient owner = ApiClient.newUser("Ts Tokens");
        String writer =
                owner.createPersonalToken("TypeScript", "read-write", 90).getString("token");
        String reader =
                owner.createPersonalToken("TypeScript reader", "read", 90).getString("token");

        Run full = run(
                List.of("node", "check.mjs"),
                Map.of("MCP_URL", ApiClient.api() + "/mcp", "MCP_TOKEN", writer),
                Duration.ofMinutes(2));
        Run reading = run(
                List.of("node", "check.mjs"),
                Map.of("MCP_URL", ApiClient.api() + "/mcp", "MCP_TOKEN", reader, "MCP_SCOPE", "read"),
                Duration.ofMinutes(2));

        assertThat(full.exitCode()).as(full.output()).isZero();
        assertThat(full.output()).contains("interop: all checks passed");
        assertThat(reading.exitCode()).as(reading.output()).isZero();
        assertThat(reading.output())
                .contains(
                        "ok: a read token is offered only the reading tools",
                        "ok: create_task is refused in plain words for a read token",
                        "interop: all checks passed");
    }

    @Test
    void mcpInspectorCliConnectsWithPersonalTokens() {
        ApiClient owner = ApiClient.newUser("Inspector Tokens");
        String writer = owner.createPersonalToken("Inspector", "read-write", 30).getString("token");
        String reader =
                owner.createPersonalToken("Inspector reader", "read", 30).getString("token");

        Run created = inspect(
                writer, "--method", "tools/call", "--tool-name", "create_task", "--tool-arg", "title=Via Inspector");
        Run readTools = inspect(reader, "--method", "tools/list");
        Run refused = inspect(
                reader, "--method", "tools/call", "--tool-name", "create_task", "--tool-arg", "title=Not allowed");

        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(readTools.exitCode()).as(readTools.output()).isZero();
        assertThat(readTools.output()).contains("list_tasks", "get_stats").doesNotContain("create_task");
        // The Inspector checks the tool list itself, so a write tool never reaches the server: it is not there.
        assertThat(refused.output()).contains("create_task", "not found");
        assertThat(Http.json(owner.get("/tasks?q=Inspector")).getInt("total")).isEqualTo(1);
        assertThat(Http.json(owner.get("/tasks?q=allowed")).getInt("total")).isZero();
    }

    private static Run inspect(String token, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                "npx",
                "-y",
                INSPECTOR,
                "--cli",
                ApiClient.api() + "/mcp",
                "--transport",
                "http",
                "--header",
                "Authorization: Bearer " + token));
        command.addAll(List.of(arguments));
        return run(command, Map.of(), Duration.ofMinutes(5));
    }

    private static McpSyncClient client(String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(Http.baseUrl())
                .endpoint("/api/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        return McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(30))
                .initializationTimeout(Duration.ofSeconds(30))
                .build();
    }

    private static Run run(List<String> command, Map<String, String> environment, Duration timeout) {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(CLIENT_DIR.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("npm_config_update_notifier", "false");
        try {
            Process process = builder.start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new Run(process.exitValue(), output.get(30, TimeUnit.SECONDS));
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + command.get(0) + ": Node.js and npm must be on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("reading the output of " + command, e);
        }
    }

    private record Run(int exitCode, String output) {}
}
