package dev.todo.telemetry;

import static dev.todo.support.ModelStub.Reply.call;
import static dev.todo.support.ModelStub.Reply.text;
import static dev.todo.support.ModelStub.Reply.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import dev.todo.support.LibertyServer;
import dev.todo.support.ModelStub;
import dev.todo.support.OtlpReceiver;
import dev.todo.support.OtlpReceiver.ReceivedSpan;
import dev.todo.support.PrometheusText;
import dev.todo.support.TestDatabase;
import dev.todo.support.TestServers;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Telemetry of the two servers, as an operator turns it on: the api and web servers with the {@code OTEL_*}
 * variables pointing at an OTLP/HTTP receiver inside this test, which decodes what they export with the protocol's
 * own classes; their {@code /metrics} read as Prometheus reads them; their JSON console logs.
 */
@ResourceLock(ModelStub.LOCK)
class TelemetryIT {

    private static final String AUTH_SECRET = "telemetry-test-secret-of-at-least-32-bytes";
    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    @RegisterExtension
    static final TestServers servers = new TestServers("telemetry");

    private static OtlpReceiver receiver;
    private static LibertyServer api;
    private static LibertyServer web;
    private final ModelStub model = ModelStub.instance();

    @BeforeAll
    static void start() {
        receiver = servers.track(OtlpReceiver.start());
        TestDatabase database = servers.database();
        Map<String, String> apiEnvironment = new HashMap<>(receiver.environment("todo-api"));
        apiEnvironment.putAll(Map.of(
                "DATABASE_URL",
                database.url(),
                "AUTH_SECRET",
                AUTH_SECRET,
                "OPENAI_BASE_URL",
                ModelStub.baseUrl(),
                "OPENAI_API_KEY",
                ModelStub.KEY,
                "AI_MODEL",
                ModelStub.MODEL,
                "WLP_LOGGING_CONSOLE_FORMAT",
                "JSON"));
        api = servers.api(apiEnvironment);
        Map<String, String> webEnvironment = new HashMap<>(receiver.environment("todo-web"));
        webEnvironment.putAll(Map.of(
                "TODO_API_URL",
                api.baseUrl() + "/api",
                "AUTH_SECRET",
                AUTH_SECRET,
                "WLP_LOGGING_CONSOLE_FORMAT",
                "JSON"));
        web = servers.web(webEnvironment);
        api.awaitReady();
        web.awaitReady();
    }

    @BeforeEach
    void freshScript() {
        model.reset();
    }

    @Test
    void aSignedInTasksPageIsOneTraceFromTheWebServerThroughTheApiToTheDatabase() {
        ApiClient hina = newUser("Hina");
        String title = "Renew passport " + UUID.randomUUID();
        hina.createTask(Json.createObjectBuilder().add("title", title).build().toString());

        HttpResponse<String> page = Http.send(HttpRequest.newBuilder(URI.create(web.baseUrl() + "/tasks"))
                .header("Cookie", "todo_session=" + hina.token())
                .build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(title);
        ReceivedSpan pageSpan = receiver.awaitSpan(
                span -> span.service().equals("todo-web")
                        && span.kind() == SpanKind.SPAN_KIND_SERVER
                        && "/tasks".equals(span.attribute("url.path")),
                ARRIVAL);
        Trace trace = awaitTrace(
                pageSpan.traceId(),
                t -> t.apiServer("/api/tasks").isPresent()
                        && t.startingWith("TaskRepository.").isPresent());
        ReceivedSpan query = trace.startingWith("TaskRepository.").orElseThrow();
        ReceivedSpan apiList = trace.serverAbove(query).orElseThrow();

        assertThat(pageSpan.parentSpanId()).as("the page is the trace's root").isEmpty();
        assertThat(apiList.service()).isEqualTo("todo-api");
        assertThat(apiList.attribute("http.route")).isEqualTo("/api/tasks");
        ReceivedSpan restClient = trace.byId(apiList.parentSpanId()).orElseThrow();
        assertThat(restClient.service()).isEqualTo("todo-web");
        assertThat(restClient.kind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);
        assertThat(trace.descendsFrom(restClient, pageSpan)).isTrue();
        assertThat(query.service()).isEqualTo("todo-api");
        assertThat(query.attributes())
                .containsEntry("db.system.name", "postgresql")
                .containsEntry("db.operation.name", query.name().substring("TaskRepository.".length()));
        for (ReceivedSpan database : trace.spans().stream()
                .filter(span -> span.attributes().containsKey("db.system.name"))
                .toList()) {
            assertThat(database.attributes().values().toString())
                    .as("a database span carries no values")
                    .doesNotContain(title, hina.userId(), hina.email());
        }
    }

    @Test
    void aChatTurnIsOneTraceFromTheRelayThroughModelRoundsAndToolCalls() {
        ApiClient gul = newUser("Gul");
        String message = "Please add water the plants " + UUID.randomUUID();
        model.then(toolCalls(call("call_1", "create_task", "{\"title\": \"Water the plants\"}")))
                .then(text("Added it."));

        HttpResponse<String> stream = Http.send(HttpRequest.newBuilder(URI.create(web.baseUrl() + "/assistant/stream"))
                .header("Cookie", "todo_session=" + gul.token())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "message=" + URLEncoder.encode(message, StandardCharsets.UTF_8)))
                .build());

        assertThat(stream.body()).contains("event: done");
        ReceivedSpan relay = receiver.awaitSpan(
                span -> span.service().equals("todo-web")
                        && span.kind() == SpanKind.SPAN_KIND_SERVER
                        && "/assistant/stream".equals(span.attribute("url.path")),
                ARRIVAL);
        Trace trace = awaitTrace(
                relay.traceId(),
                t -> t.apiServer("/api/chat/stream").isPresent()
                        && t.all("chat " + ModelStub.MODEL).size() == 2
                        && t.named("execute_tool create_task").isPresent()
                        && t.named("TaskRepository.insert").isPresent());
        ReceivedSpan chat = trace.apiServer("/api/chat/stream").orElseThrow();
        ReceivedSpan tool = trace.named("execute_tool create_task").orElseThrow();

        assertThat(relay.parentSpanId()).isEmpty();
        ReceivedSpan restClient = trace.byId(chat.parentSpanId()).orElseThrow();
        assertThat(restClient.service()).isEqualTo("todo-web");
        assertThat(trace.descendsFrom(restClient, relay)).isTrue();
        for (ReceivedSpan round : trace.all("chat " + ModelStub.MODEL)) {
            assertThat(trace.descendsFrom(round, chat)).isTrue();
            assertThat(round.attributes())
                    .containsEntry("gen_ai.operation.name", "chat")
                    .containsEntry("gen_ai.request.model", ModelStub.MODEL)
                    .containsEntry("gen_ai.usage.input_tokens", 10L)
                    .containsEntry("gen_ai.usage.output_tokens", 5L);
        }
        assertThat(trace.descendsFrom(tool, chat)).isTrue();
        assertThat(tool.attributes())
                .containsEntry("gen_ai.tool.name", "create_task")
                .containsEntry("todo.tool.outcome", "ok");
        assertThat(trace.descendsFrom(trace.named("TaskRepository.insert").orElseThrow(), tool))
                .isTrue();
        assertThat(trace.spans().toString())
                .as("neither the message, the reply nor the key is in a span")
                .doesNotContain(message, "Added it.", ModelStub.KEY);
    }

    @Test
    void countersMoveByExactlyTheActionsOfTheTest() {
        ApiClient ayesha = newUser("Ayesha");
        String stranger = "nobody-" + UUID.randomUUID() + "@example.com";
        PrometheusText before = scrape(api);

        signIn(ayesha.email(), "password-Ayesha", 200);
        signIn(ayesha.email(), "password-Ayesha", 200);
        signIn(ayesha.email(), "not her password", 401);
        for (int i = 0; i < 5; i++) {
            signIn(stranger, "guess-" + i, 401);
        }
        signIn(stranger, "one guess too many", 429);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(ayesha.createTask("{\"title\": \"Counted " + i + "\"}").getString("id"));
        }
        assertThat(ayesha.post("/tasks/" + ids.get(0) + "/completion", "").statusCode())
                .isEqualTo(200);
        assertThat(ayesha.post("/tasks/" + ids.get(0) + "/completion", "").statusCode())
                .as("completing it again changes nothing")
                .isEqualTo(200);
        assertThat(ayesha.post("/tasks/" + ids.get(1) + "/completion", "").statusCode())
                .isEqualTo(200);
        model.then(toolCalls(
                        call("call_1", "create_task", "{\"title\": \"From the assistant\"}"),
                        call("call_2", "get_task", "{\"id\": \"not-an-id\"}")))
                .then(text("Added one; the other I could not find."));
        assertThat(ayesha.post("/chat", "{\"message\": \"Add one and show me the other\"}")
                        .statusCode())
                .isEqualTo(200);
        mcp(
                ayesha,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}");
        mcp(ayesha, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
        mcp(
                ayesha,
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"list_tasks\","
                        + "\"arguments\":{}}}");
        PrometheusText after = scrape(api);

        Map<String, Double> expected = new HashMap<>();
        expected.put("todo_sign_ins_total{outcome=succeeded}", 2.0);
        expected.put("todo_sign_ins_total{outcome=refused}", 6.0);
        expected.put("todo_sign_ins_total{outcome=throttled}", 1.0);
        expected.put("todo_tasks_created_total", 4.0);
        expected.put("todo_tasks_completed_total", 2.0);
        expected.put("todo_chat_turns_total{outcome=answered}", 1.0);
        expected.put("todo_chat_turns_total{outcome=failed}", 0.0);
        expected.put("todo_model_duration_seconds_count{model=stub-model,outcome=ok}", 2.0);
        expected.put("todo_model_tokens_total{model=stub-model,type=input}", 20.0);
        expected.put("todo_model_tokens_total{model=stub-model,type=output}", 10.0);
        expected.put("todo_tool_calls_total{tool=create_task,outcome=ok}", 1.0);
        expected.put("todo_tool_calls_total{tool=get_task,outcome=failed}", 1.0);
        expected.put("todo_tool_calls_total{tool=list_tasks,outcome=ok}", 1.0);
        expected.put("todo_mcp_requests_total{method=initialize}", 1.0);
        expected.put("todo_mcp_requests_total{method=tools/list}", 1.0);
        expected.put("todo_mcp_requests_total{method=tools/call}", 1.0);
        Map<String, Double> moved = new HashMap<>();
        expected.keySet().forEach(key -> moved.put(key, value(after, key) - value(before, key)));
        assertThat(moved).isEqualTo(expected);

        double created = value(after, "todo_tasks_created_total");
        assertThat(receiver.awaitMetric("todo-api", "todo.tasks.created", Map.of(), v -> v == created, ARRIVAL))
                .as("OTLP carries the same count")
                .isEqualTo(created);
        double throttled = value(after, "todo_sign_ins_total{outcome=throttled}");
        assertThat(receiver.awaitMetric(
                        "todo-api", "todo.sign_ins", Map.of("outcome", "throttled"), v -> v == throttled, ARRIVAL))
                .isEqualTo(throttled);
    }

    @Test
    void bothMetricsEndpointsAreValidPrometheusTextWithHttpJvmAndPoolMetrics() {
        newUser("Chen");
        Http.get(web.baseUrl() + "/sign-in");

        PrometheusText apiMetrics = scrape(api);
        PrometheusText webMetrics = scrape(web);

        assertThat(apiMetrics.value(
                        "http_server_request_duration_seconds_count",
                        Map.of("http_route", "/api/auth/signup", "http_response_status_code", "201")))
                .isPositive();
        assertThat(apiMetrics.value("connectionpool_managedConnections", Map.of("datasource", "jdbc_todo")))
                .isPositive();
        assertThat(apiMetrics.value("memory_usedHeap_bytes", Map.of("service", "todo-api")))
                .isPositive();
        assertThat(webMetrics.value(
                        "http_server_request_duration_seconds_count",
                        Map.of("http_route", "/sign-in", "service", "todo-web")))
                .isPositive();
        assertThat(webMetrics.value("memory_usedHeap_bytes", Map.of("service", "todo-web")))
                .isPositive();
    }

    @Test
    void theDashboardAsksOnlyForMetricsTheServersServe() throws IOException {
        ApiClient dana = newUser("Dana");
        signIn(dana.email(), "password-Dana", 200);
        String id = dana.createTask("{\"title\": \"Dashboard\"}").getString("id");
        assertThat(dana.post("/tasks/" + id + "/completion", "").statusCode()).isEqualTo(200);
        model.then(toolCalls(call("call_1", "get_stats", "{}"))).then(text("You have one task."));
        assertThat(dana.post("/chat", "{\"message\": \"How many?\"}").statusCode())
                .isEqualTo(200);
        mcp(dana, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
        Set<String> served = new HashSet<>();
        for (LibertyServer server : List.of(api, web)) {
            scrape(server).samples().forEach(sample -> served.add(sample.name()));
        }

        Set<String> asked = new TreeSet<>();
        String dashboard = Files.readString(repositoryRoot().resolve("helm/todo/dashboards/todo-overview.json"));
        Matcher selector = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{").matcher(dashboard);
        while (selector.find()) {
            asked.add(selector.group(1));
        }

        assertThat(asked).hasSizeGreaterThan(15);
        assertThat(served).containsAll(asked);
    }

    @Test
    void theTextReaderRefusesWhatAScraperWouldRefuse() {
        String valid = "# HELP up Whether it is up.\n# TYPE up gauge\nup{job=\"a\",} 1.0\n";
        assertThat(PrometheusText.parse(valid).value("up", Map.of("job", "a"))).isEqualTo(1.0);

        for (String invalid : List.of(
                "up{job=\"a} 1\n",
                "up{job=a} 1\n",
                "up{1job=\"a\"} 1\n",
                "up 1 2 3\n",
                "up one\n",
                "# TYPE up gauge\n# TYPE up gauge\nup 1\n",
                "# TYPE up sometimes\nup 1\n",
                "# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na{x=\"y\"} 2\n",
                "up{job=\"a\"} 1\nup{job=\"a\"} 2\n",
                "up{job=\"a\\q\"} 1\n")) {
            assertThatThrownBy(() -> PrometheusText.parse(invalid))
                    .as(invalid)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void logLinesOfATracedRequestCarryItsTraceAndSpanIds() {
        ApiClient chen = newUser("Chen");
        mcp(chen, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");

        JsonObject ready = awaitLogLine(api, "MCP server ready");

        assertThat(ready.getString("ext_traceId")).matches("[0-9a-f]{32}");
        ReceivedSpan span = receiver.awaitSpan(s -> s.spanId().equals(ready.getString("ext_spanId")), ARRIVAL);
        assertThat(span.traceId()).isEqualTo(ready.getString("ext_traceId"));
        assertThat(span.service()).isEqualTo("todo-api");
        assertThat(span.kind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
        assertThat(span.attribute("url.path")).isEqualTo("/api/mcp");
        assertThat(jsonLines(api).stream()
                        .filter(line -> line.getString("message", "").startsWith("CWWKF0011I")))
                .as("a line written outside any request has no trace id")
                .allSatisfy(line -> assertThat(line.containsKey("ext_traceId")).isFalse());
    }

    @Test
    void withoutTheOtelVariablesNothingIsExportedAndMetricsStillServe() throws Exception {
        try (OtlpReceiver quiet = OtlpReceiver.start()) {
            TestDatabase database = servers.database("pgdata-off", Map.of());
            LibertyServer off = servers.api(
                            "api-off",
                            Map.of(
                                    "DATABASE_URL",
                                    database.url(),
                                    "AUTH_SECRET",
                                    AUTH_SECRET,
                                    "OTEL_EXPORTER_OTLP_ENDPOINT",
                                    quiet.endpoint(),
                                    "OTEL_EXPORTER_OTLP_PROTOCOL",
                                    "http/protobuf",
                                    "WLP_LOGGING_CONSOLE_FORMAT",
                                    "JSON"))
                    .awaitReady();
            ApiClient zara = ApiClient.newUser("Zara", off.baseUrl() + "/api");
            zara.createTask("{\"title\": \"Untraced\"}");
            mcp(zara, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
            awaitLogLine(off, "MCP server ready");
            Thread.sleep(3_000);

            assertThat(quiet.spans()).isEmpty();
            assertThat(quiet.metrics()).isEmpty();
            assertThat(quiet.rejected()).isEmpty();
            assertThat(scrape(off).value("todo_tasks_created_total", Map.of())).isEqualTo(1.0);
            assertThat(jsonLines(off))
                    .allSatisfy(
                            line -> assertThat(line.containsKey("ext_traceId")).isFalse());
            off.stop();
        }
    }

    private static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(directory.resolve("helm"))) {
            directory = directory.getParent();
        }
        return directory;
    }

    private static ApiClient newUser(String name) {
        return ApiClient.newUser(name, api.baseUrl() + "/api");
    }

    private static void signIn(String email, String password, int status) {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("email", email)
                        .add("password", password)
                        .build()
                        .toString()))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }

    private static void mcp(ApiClient user, String message) {
        HttpResponse<String> response = user.send("POST", "/mcp", message, "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static PrometheusText scrape(LibertyServer server) {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/metrics"))
                .header("Accept", "text/plain")
                .build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        return PrometheusText.parse(response.body());
    }

    /** {@code name} or {@code name{a=x,b=y}}: the value of that series (0 when it does not exist yet). */
    private static double value(PrometheusText metrics, String series) {
        int brace = series.indexOf('{');
        if (brace < 0) {
            return metrics.value(series, Map.of());
        }
        Map<String, String> labels = new HashMap<>();
        for (String pair : series.substring(brace + 1, series.length() - 1).split(",")) {
            String[] parts = pair.split("=", 2);
            labels.put(parts[0], parts[1]);
        }
        return metrics.value(series.substring(0, brace), labels);
    }

    private static List<JsonObject> jsonLines(LibertyServer server) {
        return server.consoleLog()
                .lines()
                .filter(line -> line.startsWith("{"))
                .map(line -> {
                    try (JsonReader reader = Json.createReader(new StringReader(line))) {
                        return reader.readObject();
                    }
                })
                .toList();
    }

    private static JsonObject awaitLogLine(LibertyServer server, String messageStart) {
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonObject> line = jsonLines(server).stream()
                    .filter(json -> json.getString("message", "").startsWith(messageStart))
                    .findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            pause();
        }
        throw new AssertionError("no log line \"" + messageStart + "\" within " + ARRIVAL);
    }

    private static Trace awaitTrace(String traceId, Predicate<Trace> complete) {
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        Trace trace;
        do {
            trace = new Trace(receiver.spans().stream()
                    .filter(span -> span.traceId().equals(traceId))
                    .toList());
            if (complete.test(trace)) {
                return trace;
            }
            pause();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("trace " + traceId + " did not arrive whole: " + trace.spans());
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The spans received for one trace id. */
    private record Trace(List<ReceivedSpan> spans) {

        Optional<ReceivedSpan> byId(String spanId) {
            return spans.stream().filter(span -> span.spanId().equals(spanId)).findFirst();
        }

        Optional<ReceivedSpan> named(String name) {
            return spans.stream().filter(span -> span.name().equals(name)).findFirst();
        }

        Optional<ReceivedSpan> startingWith(String prefix) {
            return spans.stream().filter(span -> span.name().startsWith(prefix)).findFirst();
        }

        /** The nearest server span among {@code span}'s ancestors: the request it belongs to. */
        Optional<ReceivedSpan> serverAbove(ReceivedSpan span) {
            Optional<ReceivedSpan> parent = byId(span.parentSpanId());
            while (parent.isPresent() && parent.get().kind() != SpanKind.SPAN_KIND_SERVER) {
                parent = byId(parent.get().parentSpanId());
            }
            return parent;
        }

        List<ReceivedSpan> all(String name) {
            return spans.stream().filter(span -> span.name().equals(name)).toList();
        }

        Optional<ReceivedSpan> apiServer(String route) {
            return spans.stream()
                    .filter(span -> span.service().equals("todo-api")
                            && span.kind() == SpanKind.SPAN_KIND_SERVER
                            && route.equals(span.attribute("http.route")))
                    .findFirst();
        }

        /** Whether following parent links from {@code span} reaches {@code ancestor}. */
        boolean descendsFrom(ReceivedSpan span, ReceivedSpan ancestor) {
            Optional<ReceivedSpan> parent = byId(span.parentSpanId());
            while (parent.isPresent()) {
                if (parent.get().spanId().equals(ancestor.spanId())) {
                    return true;
                }
                parent = byId(parent.get().parentSpanId());
            }
            return false;
        }
    }
}
