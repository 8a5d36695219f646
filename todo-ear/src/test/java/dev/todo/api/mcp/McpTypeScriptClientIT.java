package dev.todo.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MCP server with a standard client that is not Java: the official MCP TypeScript SDK client, run by Node.js
 * from {@code interop/mcp-typescript} (its {@code check.mjs} connects over Streamable HTTP with a bearer token, lists
 * the tools and calls them, and exits non-zero on any mismatch).
 *
 * <p>Node.js and npm must be on the PATH. Without them this test fails and says so rather than skipping: CI machines
 * have them, and a skipped interop test would let a break with every non-Java client through unnoticed.
 */
class McpTypeScriptClientIT {

    private static final Path CLIENT_DIR = Path.of(System.getProperty("interop.mcp.dir", "../interop/mcp-typescript"))
            .toAbsolutePath()
            .normalize();

    @BeforeAll
    static void installTheClient() {
        assertThat(CLIENT_DIR.resolve("package-lock.json"))
                .as("the TypeScript client's lockfile")
                .exists();
        for (String tool : List.of("node", "npm")) {
            Run version = run(List.of(tool, "--version"), Map.of(), Duration.ofSeconds(30));
            assertThat(version.exitCode())
                    .as(tool + " --version: " + version.output())
                    .isZero();
        }
        Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), Duration.ofMinutes(5));
        assertThat(install.exitCode())
                .as("npm ci in " + CLIENT_DIR + ":\n" + install.output())
                .isZero();
    }

    @Test
    void typeScriptSdkClientListsAndCallsTheToolsForTheTokensUser() {
        ApiClient amina = ApiClient.newUser("Amina");

        Run check = check(amina.token());

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output())
                .contains(
                        "ok: tools/list names the seven task tools",
                        "ok: a client without a token is refused with 401",
                        "interop: all checks passed");
        JsonObject tasks =
                Http.json(amina.get("/tasks?search=" + URLEncoder.encode("Interop check", StandardCharsets.UTF_8)));
        assertThat(tasks.getInt("total")).isEqualTo(1);
        assertThat(tasks.getJsonArray("items").getJsonObject(0).getString("title"))
                .endsWith(": چائے خریدنا");
    }

    @Test
    void theCheckFailsWhenTheServerRefusesItsToken() {
        Run check = check("not-a-valid-token");

        assertThat(check.exitCode()).as(check.output()).isEqualTo(1);
        assertThat(check.output()).contains("401").doesNotContain("all checks passed");
    }

    private static Run check(String token) {
        return run(
                List.of("node", "check.mjs"),
                Map.of("MCP_URL", ApiClient.api() + "/mcp", "MCP_TOKEN", token),
                Duration.ofMinutes(2));
    }

    private static Run run(List<String> command, Map<String, String> environment, Duration timeout) {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(CLIENT_DIR.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("npm_config_update_notifier", "false");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return fail("Cannot run '" + command.get(0) + "' (" + e.getMessage() + "). The MCP interoperability test "
                    + "needs Node.js 18 or later and npm on the PATH (Debian: apt-get install nodejs npm).");
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process));
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new Run(process.exitValue(), output.get(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("reading the output of " + command, e);
        }
    }

    private static String read(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Run(int exitCode, String output) {}
}
