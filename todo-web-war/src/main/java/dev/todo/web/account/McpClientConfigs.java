package dev.todo.web.account;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.Map;

/**
 * Copy-ready configuration of the usual MCP clients for this server's MCP URL and a token: MCP Inspector (command
 * line and web UI), Claude Desktop (through mcp-remote, as its configuration file starts only local servers), and
 * VS Code and Cursor, which speak Streamable HTTP with an Authorization header themselves. Pinned versions, so that
 * what was tested is what runs. Its methods are named as record accessors, which is how Expression Language reads a
 * record's properties.
 */
public record McpClientConfigs(String url, String token) {

    static final String INSPECTOR = "@modelcontextprotocol/inspector@2.12.0";
    static final String MCP_REMOTE = "mcp-remote@0.15.1";
    static final String SERVER_NAME = "todo";

    public String inspectorCli() {
        return "npx -y " + INSPECTOR + " --cli " + url + " --transport http \\\n  --header \"Authorization: Bearer "
                + token + "\" --method tools/list";
    }

    public String inspectorUi() {
        return "npx -y " + INSPECTOR + "\n# then: Transport Type \"Streamable HTTP\", URL " + url
                + ",\n# Authentication > Header Name \"Authorization\", Bearer Token " + token;
    }

    /** {@code claude_desktop_config.json}; the header goes through an environment variable, as mcp-remote advises. */
    public String claudeDesktop() {
        JsonObject server = Json.createObjectBuilder()
                .add("command", "npx")
                .add(
                        "args",
                        Json.createArrayBuilder()
                                .add("-y")
                                .add(MCP_REMOTE)
                                .add(url)
                                .add("--header")
                                .add("Authorization:${AUTH_HEADER}"))
                .add("env", Json.createObjectBuilder().add("AUTH_HEADER", "Bearer " + token))
                .build();
        return pretty(Json.createObjectBuilder()
                .add("mcpServers", Json.createObjectBuilder().add(SERVER_NAME, server))
                .build());
    }

    /** {@code .vscode/mcp.json} (or the user's mcp.json). */
    public String vsCode() {
        JsonObject server = Json.createObjectBuilder()
                .add("type", "http")
                .add("url", url)
                .add("headers", Json.createObjectBuilder().add("Authorization", "Bearer " + token))
                .build();
        return pretty(Json.createObjectBuilder()
                .add("servers", Json.createObjectBuilder().add(SERVER_NAME, server))
                .build());
    }

    /** {@code ~/.cursor/mcp.json} or a project's {@code .cursor/mcp.json}. */
    public String cursor() {
        JsonObject server = Json.createObjectBuilder()
                .add("url", url)
                .add("headers", Json.createObjectBuilder().add("Authorization", "Bearer " + token))
                .build();
        return pretty(Json.createObjectBuilder()
                .add("mcpServers", Json.createObjectBuilder().add(SERVER_NAME, server))
                .build());
    }

    private static String pretty(JsonObject json) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createGenerator(out)) {
            generator.write(json);
        }
        return out.toString().strip();
    }
}
