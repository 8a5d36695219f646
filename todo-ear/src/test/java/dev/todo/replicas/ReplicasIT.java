package dev.todo.replicas;

import static dev.todo.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import dev.todo.support.LibertyServer;
import dev.todo.support.ModelStub;
import dev.todo.support.Ports;
import dev.todo.support.TestDatabase;
import dev.todo.support.TestServers;
import dev.todo.web.RoundRobinProxy;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Several replicas as Kubernetes runs them: two api servers and two web servers on one PostgreSQL, each pair behind
 * a proxy that sends every request to the next server in turn (no affinity). Whatever one replica knows, the other
 * must know at once: sign-in counts, sign-outs, task versions, the MCP conversation, the chat.
 *
 * <p>The api servers trust only 127.0.0.1 as a proxy hop, so the test can also speak as an untrusted client, from
 * 127.0.0.2.
 */
@ResourceLock(ModelStub.LOCK)
class ReplicasIT {

    private static final String AUTH_SECRET = "replicas-test-secret-of-at-least-32-bytes";
    private static final int FREE_FAILURES_PER_CLIENT = 6;
    private static final int FREE_FAILURES_PER_ACCOUNT = 5;
    private static final Path INTEROP = Path.of(System.getProperty("interop.mcp.dir", "../interop/mcp-typescript"))
            .toAbsolutePath()
            .normalize();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @RegisterExtension
    static final TestServers servers = new TestServers("replicas");

    private static TestDatabase database;
    private static LibertyServer api1;
    private static LibertyServer api2;
    private static LibertyServer web1;
    private static LibertyServer web2;
    private static RoundRobinProxy apis;
    private static RoundRobinProxy webs;

    @BeforeAll
    static void startTwoOfEach() throws IOException {
        database = servers.database();
        ModelStub.instance();
        Map<String, String> api = Map.of(
                "DATABASE_URL",
                database.url(),
                "AUTH_SECRET",
                AUTH_SECRET,
                "LOGIN_FREE_FAILURES_PER_CLIENT",
                Integer.toString(FREE_FAILURES_PER_CLIENT),
                "TRUSTED_PROXIES",
                "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1",
                "OPENAI_BASE_URL",
                ModelStub.baseUrl(),
                "OPENAI_API_KEY",
                ModelStub.KEY,
                "AI_MODEL",
                ModelStub.MODEL);
        api1 = servers.api("api1", api);
        api2 = servers.api("api2", api);
        apis = servers.track(new RoundRobinProxy(Ports.free(), List.of(api1.baseUrl(), api2.baseUrl())));
        Map<String, String> web = Map.of("TODO_API_URL", apis.baseUrl() + "/api", "AUTH_SECRET", AUTH_SECRET);
        web1 = servers.web("web1", web);
        web2 = servers.web("web2", web);
        webs = servers.track(new RoundRobinProxy(Ports.free(), List.of(web1.baseUrl(), web2.baseUrl())));
        for (LibertyServer server : List.of(api1, api2, web1, web2)) {
            server.awaitReady();
        }
    }

    /** An address of the documentation range for one imagined client: the X-Forwarded-For a trusted hop sends. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    private static String email(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }

    private static String login(String email, String password) {
        return Json.createObjectBuilder()
                .add("email", email)
                .add("password", password)
                .build()
                .toString();
    }

    /** A sign-in through the api proxy, from the client a trusted hop names. */
    private static HttpResponse<String> signIn(String api, String email, String password, String forwardedFor) {
        return Http.send(HttpRequest.newBuilder(URI.create(api + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(login(email, password)))
                .build());
    }

    private static List<String> servedBy(RoundRobinProxy proxy, String request) {
        return proxy.log().stream()
                .filter(line -> line.startsWith(request))
                .map(line -> line.substring(line.indexOf(" -> ") + 4))
                .distinct()
                .toList();
    }

    @Test
    void failedSignInsAreCountedAcrossBothApiServers() {
        String email = email("target");
        ApiClient.signUp("Target", email, "right-password", apis.baseUrl() + "/api");
        String attacker = newAddress();
        for (int attempt = 0; attempt < FREE_FAILURES_PER_ACCOUNT; attempt++) {
            assertProblem(signIn(apis.baseUrl(), email, "wrong-guess-" + attempt, attacker), 401);
        }

        HttpResponse<String> owner = signIn(apis.baseUrl(), email, "right-password", newAddress());

        assertProblem(owner, 429);
        assertThat(Long.parseLong(owner.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 30L);
        assertThat(servedBy(apis, "POST /api/auth/login")).containsExactlyInAnyOrder(api1.baseUrl(), api2.baseUrl());
    }

    @Test
    void concurrentFailedSignInsOnBothApiServersLoseNoCount() throws Exception {
        String email = email("contested");
        ApiClient.signUp("Contested", email, "right-password", apis.baseUrl() + "/api");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String from = newAddress();
                attempts.add(() ->
                        signIn(apis.baseUrl(), email, "parallel-guess", from).statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(attempts)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses.stream().filter(status -> status == 401)).hasSize(FREE_FAILURES_PER_ACCOUNT);
        assertThat(statuses.stream().filter(status -> status == 429)).hasSize(20 - FREE_FAILURES_PER_ACCOUNT);
        assertThat(storedFailures("account", email.toLowerCase(Locale.ROOT))).isEqualTo(FREE_FAILURES_PER_ACCOUNT);
    }

    @Test
    void theClientIsTheFirstUntrustedAddressFromTheRightOfXForwardedFor() {
        String client = newAddress();
        for (int attempt = 0; attempt < FREE_FAILURES_PER_CLIENT; attempt++) {
            String forged = "10.0.0." + attempt;
            assertProblem(signIn(api1.baseUrl(), email("nobody"), "guess", forged + ", " + client), 401);
        }

        assertProblem(signIn(api2.baseUrl(), email("nobody"), "guess", "10.9.9.9, " + client), 429);
        assertProblem(signIn(api2.baseUrl(), email("nobody"), "guess", client + ", 127.0.0.1"), 429);
        assertProblem(signIn(api1.baseUrl(), email("nobody"), "guess", newAddress()), 401);
    }

    @Test
    void xForwardedForFromAnUntrustedHopIsIgnored() throws IOException {
        for (int attempt = 0; attempt < FREE_FAILURES_PER_CLIENT; attempt++) {
            assertThat(signInFrom127002(api1, newAddress())).isEqualTo(401);
        }

        assertThat(signInFrom127002(api2, newAddress())).isEqualTo(429);
        assertProblem(signIn(api1.baseUrl(), email("nobody"), "guess", newAddress()), 401);
    }

    @Test
    void failedWebSignInsFromOneBrowserLockNoOtherBrowserOut() {
        String email = email("bystander");
        ApiClient.signUp("Bystander", email, "bystander-password", apis.baseUrl() + "/api");
        WebVisitor attacker = new WebVisitor(webs.baseUrl(), newAddress());
        String last = "";
        for (int attempt = 0; attempt <= FREE_FAILURES_PER_CLIENT; attempt++) {
            last = attacker.signIn(email("nobody"), "guess-" + attempt).body();
        }
        assertThat(WebVisitor.messages(last)).contains("Too many attempts");

        WebVisitor bystander = new WebVisitor(webs.baseUrl(), newAddress());
        HttpResponse<String> signedIn = bystander.signIn(email, "bystander-password");

        assertThat(signedIn.statusCode()).as(signedIn.body()).isIn(302, 303);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/tasks");
        assertThat(bystander.sessionCookie()).isPresent();
    }

    @Test
    void aStaleWriteOnTheOtherApiServerIs409() {
        ApiClient writer = ApiClient.newUser("Writer", api1.baseUrl() + "/api");
        JsonObject task = writer.createTask("Shared", "");
        String id = task.getString("id");
        String update = "{\"title\":\"First edit\",\"version\":" + task.getJsonNumber("version") + "}";

        assertThat(writer.put("/tasks/" + id, update).statusCode()).isEqualTo(200);
        HttpResponse<String> stale =
                writer.at(api2.baseUrl() + "/api").put("/tasks/" + id, update.replace("First edit", "Stale edit"));

        assertProblem(stale, 409);
        assertThat(Http.json(writer.at(api2.baseUrl() + "/api").get("/tasks/" + id))
                        .getString("title"))
                .isEqualTo("First edit");
    }

    @Test
    void signingOutOnOneApiServerIsRefusedAtOnceOnTheOther() {
        ApiClient user = ApiClient.newUser("Roamer", api1.baseUrl() + "/api");
        ApiClient onTheOther = user.at(api2.baseUrl() + "/api");
        assertThat(onTheOther.get("/tasks").statusCode()).isEqualTo(200);

        assertThat(user.post("/auth/logout", null).statusCode()).isEqualTo(204);

        assertProblem(onTheOther.get("/tasks"), 401);
        assertProblem(user.get("/tasks"), 401);
    }

    @Test
    void signingOutOnOneWebServerEndsTheCookieOnTheOther() {
        String email = email("cookie");
        ApiClient.signUp("Cookie", email, "cookie-password", apis.baseUrl() + "/api");
        WebVisitor browser = new WebVisitor(web1.baseUrl(), newAddress()).signedIn(email, "cookie-password");
        String copied = browser.sessionCookie().orElseThrow();
        WebVisitor thief = browser.at(web2.baseUrl());
        assertThat(thief.get("/tasks").statusCode()).isEqualTo(200);

        HttpResponse<String> signedOut = browser.signOut();
        assertThat(signedOut.headers().firstValue("Location").orElse("")).contains("/sign-in");

        HttpResponse<String> refused = thief.get("/tasks");
        assertThat(refused.statusCode()).isIn(302, 303);
        assertThat(refused.headers().firstValue("Location").orElse("")).contains("/sign-in?reason=expired");
        assertProblem(ApiClient.withToken(copied, apis.baseUrl() + "/api").get("/tasks"), 401);
    }

    @Test
    void theTasksPageAlternatesBetweenTheWebServers() {
        String email = email("pages");
        ApiClient.signUp("Pages", email, "pages-password", apis.baseUrl() + "/api")
                .createTask("Seen from both", "");
        WebVisitor browser = new WebVisitor(webs.baseUrl(), newAddress()).signedIn(email, "pages-password");

        for (int view = 0; view < 4; view++) {
            HttpResponse<String> page = browser.get("/tasks");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Seen from both");
        }

        assertThat(servedBy(webs, "GET /tasks")).containsExactlyInAnyOrder(web1.baseUrl(), web2.baseUrl());
    }

    @Test
    void aStreamedChatGoesThroughEitherWebServersRelay() {
        String email = email("chatter");
        ApiClient.signUp("Chatter", email, "chatter-password", apis.baseUrl() + "/api");
        WebVisitor browser = new WebVisitor(webs.baseUrl(), newAddress()).signedIn(email, "chatter-password");
        ModelStub.instance().reset();
        ModelStub.instance()
                .then(ModelStub.Reply.text("Hello from one replica"))
                .then(ModelStub.Reply.text("And from the other"));

        HttpResponse<String> first = browser.chat("Hello?");
        HttpResponse<String> second = browser.chat("Again?");

        assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(first.body()).contains("event: done", "Hello from one replica");
        assertThat(second.body()).contains("event: done", "And from the other");
        assertThat(servedBy(webs, "POST /assistant/stream")).containsExactlyInAnyOrder(web1.baseUrl(), web2.baseUrl());
    }

    @Test
    void anMcpSessionOfTheJavaSdkClientGoesToBothApiServers() {
        ApiClient user = ApiClient.newUser("Java Mcp", apis.baseUrl() + "/api");
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(apis.baseUrl())
                .endpoint("/api/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + user.token()))
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(30))
                .initializationTimeout(Duration.ofSeconds(30))
                .build();
        try {
            client.initialize();
            assertThat(client.listTools().tools()).hasSize(7);
            McpSchema.CallToolResult created =
                    client.callTool(new McpSchema.CallToolRequest("create_task", Map.of("title", "Via two replicas")));
            McpSchema.CallToolResult listed = client.callTool(new McpSchema.CallToolRequest("list_tasks", Map.of()));

            assertThat(created.isError()).isFalse();
            assertThat(text(listed)).contains("Via two replicas");
        } finally {
            client.closeGracefully();
        }
        assertThat(servedBy(apis, "POST /api/mcp")).containsExactlyInAnyOrder(api1.baseUrl(), api2.baseUrl());
    }

    @Test
    void theTypeScriptSdkClientAndMcpInspectorWorkThroughTheApiProxy() {
        ApiClient user = ApiClient.newUser("Node Mcp", apis.baseUrl() + "/api");
        String url = apis.baseUrl() + "/api/mcp";
        NodeCommand install = NodeCommand.run(
                INTEROP, List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), Duration.ofMinutes(5));
        assertThat(install.exitCode()).as(install.output()).isZero();

        NodeCommand check = NodeCommand.run(
                INTEROP,
                List.of("node", "check.mjs"),
                Map.of("MCP_URL", url, "MCP_TOKEN", user.token()),
                Duration.ofMinutes(2));
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("interop: all checks passed");

        List<String> inspector = List.of(
                "npx",
                "-y",
                "@modelcontextprotocol/inspector@2.12.0",
                "--cli",
                url,
                "--transport",
                "http",
                "--header",
                "Authorization: Bearer " + user.token());
        NodeCommand tools = inspect(inspector, List.of("--method", "tools/list"));
        NodeCommand call = inspect(
                inspector,
                List.of(
                        "--method",
                        "tools/call",
                        "--tool-name",
                        "create_task",
                        "--tool-arg",
                        "title=From the Inspector"));

        assertThat(tools.exitCode()).as(tools.output()).isZero();
        assertThat(tools.output()).contains("create_task", "get_stats");
        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(Http.json(user.get("/tasks?q=Inspector")).getInt("total")).isEqualTo(1);
    }

    private static NodeCommand inspect(List<String> inspector, List<String> arguments) {
        List<String> command = new ArrayList<>(inspector);
        command.addAll(arguments);
        return NodeCommand.run(INTEROP, command, Map.of(), Duration.ofMinutes(5));
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    /** A sign-in sent from 127.0.0.1's neighbour 127.0.0.2, which the api servers do not trust as a proxy. */
    private static int signInFrom127002(LibertyServer api, String forgedForwardedFor) throws IOException {
        byte[] body = login(email("nobody"), "guess").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), api.port()), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/auth/login HTTP/1.1\r\nHost: localhost:" + api.port()
                            + "\r\nContent-Type: application/json\r\nX-Forwarded-For: " + forgedForwardedFor
                            + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Integer.parseInt(answer.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
        }
    }

    private static int storedFailures(String kind, String subject) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT failures FROM sign_in_throttle WHERE kind = ? AND subject_hash = ?")) {
            query.setString(1, kind);
            query.setBytes(2, hash);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("a count for the " + kind).isTrue();
                return row.getInt(1);
            }
        }
    }
}
