package dev.todo.api.mcp;

import static dev.todo.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import dev.todo.support.TimeZones;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MCP server at /api/mcp, driven by the official MCP Java SDK client over Streamable HTTP. */
class McpIT {

    /** The MCP Inspector's web client; CORS_ORIGINS of the test server (local-it.env) allows it. */
    private static final String INSPECTOR_ORIGIN = "http://localhost:6274";

    private ApiClient nadia;
    private McpSyncClient client;

    @BeforeEach
    void connect() {
        nadia = ApiClient.newUser("Nadia");
        client = client(nadia.token());
        client.initialize();
    }

    @AfterEach
    void disconnect() {
        client.closeGracefully();
    }

    @Test
    void listsTheSevenToolsWithTheirSchemas() {
        List<McpSchema.Tool> tools = client.listTools().tools();

        assertThat(tools)
                .extracting(McpSchema.Tool::name)
                .containsExactlyInAnyOrder(
                        "create_task",
                        "list_tasks",
                        "get_task",
                        "update_task",
                        "delete_task",
                        "toggle_complete",
                        "get_stats");
        McpSchema.Tool create = tools.stream()
                .filter(tool -> tool.name().equals("create_task"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> schema = create.inputSchema();
        assertThat(schema)
                .containsEntry("type", "object")
                .containsEntry("required", List.of("title"))
                .containsEntry("additionalProperties", false);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
        assertThat(properties).containsKeys("title", "priority", "dueAt", "tags");
        assertThat(properties.get("priority")).containsEntry("enum", List.of("LOW", "MEDIUM", "HIGH"));
    }

    @Test
    void callsEachToolForTheTokensUser() {
        JsonObject created = content(call(
                "create_task", Map.of("title", "Renew passport", "priority", "HIGH", "dueAt", "2026-12-01T09:00:00Z")));
        String id = created.getString("id");
        assertThat(Http.json(nadia.get("/tasks/" + id)).getString("title")).isEqualTo("Renew passport");

        assertThat(content(call("list_tasks", Map.of("status", "OPEN"))).getInt("total"))
                .isEqualTo(1);
        assertThat(content(call("get_task", Map.of("id", id))).getString("priority"))
                .isEqualTo("HIGH");
        JsonObject updated = content(call("update_task", Map.of("id", id, "description", "Book an appointment")));
        assertThat(updated.getString("description")).isEqualTo("Book an appointment");
        assertThat(updated.getString("title")).isEqualTo("Renew passport");
        assertThat(content(call("toggle_complete", Map.of("id", id)))
                        .getJsonObject("task")
                        .getBoolean("completed"))
                .isTrue();
        assertThat(content(call("get_stats", Map.of())).getInt("completed")).isEqualTo(1);
        assertThat(content(call("toggle_complete", Map.of("id", id))).getBoolean("completed"))
                .isFalse();
        assertThat(content(call("delete_task", Map.of("id", id))).getString("deleted"))
                .isEqualTo(id);
        assertProblem(nadia.get("/tasks/" + id), 404);
    }

    @Test
    void invalidArgumentsAndAnotherUsersTaskAreToolErrors() {
        McpSchema.CallToolResult invalid = call("create_task", Map.of("title", "x", "userId", "someone"));
        assertThat(invalid.isError()).isTrue();
        assertThat(text(invalid)).contains("userId unknown field");

        String othersTask =
                ApiClient.newUser("Other").createTask("Not Nadia's", "").getString("id");
        McpSchema.CallToolResult notFound = call("delete_task", Map.of("id", othersTask));
        assertThat(notFound.isError()).isTrue();
        assertThat(text(notFound)).contains("does not exist");
    }

    @Test
    void dueTodayIsCountedInTheTimeZoneGiven() {
        String zone = TimeZones.KIRITIMATI.getId();
        nadia.createTask(
                "Call the bank", "\"dueAt\": \"" + TimeZones.todayThereButNotInUtc(TimeZones.KIRITIMATI) + "\"");

        assertThat(content(call("list_tasks", Map.of("due", "TODAY", "tz", zone)))
                        .getInt("total"))
                .isEqualTo(1);
        assertThat(content(call("list_tasks", Map.of("due", "TODAY"))).getInt("total"))
                .isZero();
        assertThat(content(call("get_stats", Map.of("tz", zone))).getInt("dueToday"))
                .isEqualTo(1);
        assertThat(content(call("get_stats", Map.of())).getInt("dueToday")).isZero();
    }

    @Test
    void anUnknownTimeZoneIsAToolError() {
        McpSchema.CallToolResult result = call("get_stats", Map.of("tz", "Mars/Olympus_Mons"));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("tz must be an IANA time zone");
    }

    @Test
    void refusesRequestsWithoutAValidToken() {
        HttpResponse<String> anonymous = post(null, null);
        assertProblem(anonymous, 401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(post("not-a-token", null).statusCode()).isEqualTo(401);

        McpSyncClient withoutToken = client(null);
        assertThatThrownBy(withoutToken::initialize).isNotNull();
        withoutToken.close();
    }

    @Test
    void refusesAForeignBrowserOrigin() {
        assertProblem(post(nadia.token(), "https://evil.example"), 403);
    }

    @Test
    void answersTheCorsPreflightOfAnAllowedBrowserOriginWithoutAToken() {
        HttpResponse<String> preflight = preflight(INSPECTOR_ORIGIN);

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(INSPECTOR_ORIGIN);
        assertThat(preflight
                        .headers()
                        .firstValue("Access-Control-Allow-Headers")
                        .orElse(""))
                .contains("Authorization", "Mcp-Session-Id", "Mcp-Protocol-Version");
        assertThat(preflight
                        .headers()
                        .firstValue("Access-Control-Allow-Methods")
                        .orElse(""))
                .contains("POST", "DELETE");
    }

    @Test
    void letsAnAllowedBrowserOriginCallIt() {
        HttpResponse<String> initialized = post(nadia.token(), INSPECTOR_ORIGIN);

        assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);
        assertThat(initialized.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(INSPECTOR_ORIGIN);
    }

    @Test
    void initializeStartsNoSessionSoAnyReplicaCanAnswerTheNextRequest() {
        HttpResponse<String> initialized = post(nadia.token(), null);

        assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);
        assertThat(initialized.headers().firstValue("Mcp-Session-Id")).isEmpty();
        assertThat(Http.json(initialized)
                        .getJsonObject("result")
                        .getJsonObject("serverInfo")
                        .getString("name"))
                .isEqualTo("todo-on-liberty");
    }

    @Test
    void anUnknownOrForeignSessionIdIsA404ProblemInPlainWords() {
        HttpResponse<String> unknown = raw(
                nadia.token(),
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                Map.of("Mcp-Session-Id", "3c1d5a2e-0000-4000-8000-00000000abcd"));
        HttpResponse<String> ended = Http.send(request(nadia.token(), null)
                .header("Mcp-Session-Id", "someone-elses-session")
                .DELETE()
                .build());

        assertThat(assertProblem(unknown, 404).getString("detail")).contains("Initialize again");
        assertProblem(ended, 404);
        assertPlain(unknown);
        assertPlain(ended);
    }

    @Test
    void malformedMessagesGetJsonRpcErrorsInPlainWords() {
        assertJsonRpcError(raw(nadia.token(), "{\"jsonrpc\": \"2.0\", \"id\": ", Map.of()), 400, -32700);
        assertJsonRpcError(raw(nadia.token(), "[]", Map.of()), 400, -32600);
        assertJsonRpcError(raw(nadia.token(), "{\"id\": 5, \"method\": \"tools/list\"}", Map.of()), 400, -32600);
        assertJsonRpcError(
                raw(nadia.token(), "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{}}", Map.of()),
                400,
                -32602);
        assertJsonRpcError(
                raw(
                        nadia.token(),
                        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"get_stats\","
                                + "\"arguments\":[1,2]}}",
                        Map.of()),
                400,
                -32602);
    }

    @Test
    void unknownMethodsAndToolsGetJsonRpcErrorsInPlainWords() {
        JsonObject method = assertJsonRpcError(
                raw(nadia.token(), "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"resources/list\"}", Map.of()),
                200,
                -32601);
        JsonObject tool = assertJsonRpcError(
                raw(
                        nadia.token(),
                        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"drop_tables\"}}",
                        Map.of()),
                200,
                -32602);

        assertThat(method.getString("message")).startsWith("Method not found: resources/list");
        assertThat(tool.getString("message"))
                .startsWith("Unknown tool: drop_tables")
                .contains("create_task");
        assertThat(method.getInt("id")).isEqualTo(8);
    }

    @Test
    void wrongMethodsAndMediaTypesAreProblemsInPlainWords() {
        HttpResponse<String> get = Http.send(request(nadia.token(), null)
                .header("Accept", "text/event-stream")
                .GET()
                .build());
        HttpResponse<String> text = Http.send(request(nadia.token(), null)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("tools/list"))
                .build());

        assertProblem(get, 405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertProblem(text, 415);
        assertPlain(get);
        assertPlain(text);
    }

    @Test
    void aSignedOutTokenIsRefusedAtOnce() {
        ApiClient leaving = ApiClient.newUser("Leaving");
        assertThat(post(leaving.token(), null).statusCode()).isEqualTo(200);

        assertThat(leaving.post("/auth/logout", null).statusCode()).isEqualTo(204);

        HttpResponse<String> refused = post(leaving.token(), null);
        assertThat(assertProblem(refused, 401).getString("detail")).contains("Sign in again");
        assertPlain(refused);
    }

    @Test
    void refusesThePreflightOfAForeignOrigin() {
        HttpResponse<String> preflight = preflight("https://evil.example");

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    private McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    private static JsonObject content(McpSchema.CallToolResult result) {
        assertThat(result.isError()).as(text(result)).isFalse();
        return Json.createReader(new StringReader(text(result))).readObject();
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    private static McpSyncClient client(String token) {
        HttpRequest.Builder requests = HttpRequest.newBuilder();
        if (token != null) {
            requests.header("Authorization", "Bearer " + token);
        }
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(Http.baseUrl())
                .endpoint("/api/mcp")
                .requestBuilder(requests)
                .build();
        return McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(20))
                .initializationTimeout(Duration.ofSeconds(20))
                .build();
    }

    private static HttpResponse<String> preflight(String origin) {
        return Http.send(HttpRequest.newBuilder(URI.create(ApiClient.api() + "/mcp"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, mcp-protocol-version")
                .build());
    }

    /** No stack frame, class or package name, or version reaches a client. */
    private static void assertPlain(HttpResponse<String> response) {
        assertThat(response.body())
                .doesNotContain("Exception", "\tat ", "java.", "io.modelcontextprotocol", "jackson", "reactor.")
                .doesNotContainPattern("\\d+\\.\\d+\\.\\d+");
    }

    /** A JSON-RPC error with this HTTP status and code, in plain words; returns its error object and id. */
    private static JsonObject assertJsonRpcError(HttpResponse<String> response, int status, int code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertPlain(response);
        JsonObject answer = Http.json(response);
        assertThat(answer.getString("jsonrpc")).isEqualTo("2.0");
        JsonObject error = answer.getJsonObject("error");
        assertThat(error.getInt("code")).isEqualTo(code);
        assertThat(error.getString("message")).isNotBlank();
        return Json.createObjectBuilder(error).add("id", answer.get("id")).build();
    }

    private static HttpRequest.Builder request(String token, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ApiClient.api() + "/mcp"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return request;
    }

    private static HttpResponse<String> raw(String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = request(token, null)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return Http.send(request.build());
    }

    /** A bare initialize request, to see the HTTP answer itself. */
    private static HttpResponse<String> post(String token, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ApiClient.api() + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
                         "capabilities": {}, "clientInfo": {"name": "test", "version": "1"}}}"""));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return Http.send(request.build());
    }
}
