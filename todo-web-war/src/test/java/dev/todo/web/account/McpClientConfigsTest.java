package dev.todo.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class McpClientConfigsTest {

    private static final String URL = "https://todo.example.com/api/mcp";
    private static final String TOKEN = "eyJ.token\"with\\odd";

    private final McpClientConfigs configs = new McpClientConfigs(URL, TOKEN);

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void vsCodeAndCursorGetTheUrlAndTheHeader() {
        JsonObject vsCode = json(configs.vsCode()).getJsonObject("servers").getJsonObject("todo");
        JsonObject cursor = json(configs.cursor()).getJsonObject("mcpServers").getJsonObject("todo");

        assertThat(vsCode.getString("type")).isEqualTo("http");
        assertThat(vsCode.getString("url")).isEqualTo(URL);
        assertThat(vsCode.getJsonObject("headers").getString("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(cursor.getString("url")).isEqualTo(URL);
        assertThat(cursor.getJsonObject("headers").getString("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void claudeDesktopRunsAPinnedMcpRemoteWithTheHeaderFromItsEnvironment() {
        JsonObject server =
                json(configs.claudeDesktop()).getJsonObject("mcpServers").getJsonObject("todo");

        assertThat(server.getString("command")).isEqualTo("npx");
        assertThat(server.getJsonArray("args").getString(1)).matches("mcp-remote@\\d+\\.\\d+\\.\\d+");
        assertThat(server.getJsonArray("args").getString(2)).isEqualTo(URL);
        assertThat(server.getJsonObject("env").getString("AUTH_HEADER")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void inspectorCommandsNameTheUrlTransportAndHeader() {
        assertThat(configs.inspectorCli())
                .contains("@modelcontextprotocol/inspector@2.12.0", "--cli " + URL, "--transport http")
                .contains("Authorization: Bearer " + TOKEN);
        assertThat(configs.inspectorUi()).contains("Streamable HTTP", URL);
    }
}
