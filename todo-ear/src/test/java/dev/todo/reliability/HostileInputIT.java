package dev.todo.reliability;

import static dev.todo.support.Problems.assertProblem;
import static dev.todo.support.Problems.fieldsAtFault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import dev.todo.support.ModelStub;
import dev.todo.support.NastyText;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Every field the API reads, fed text meant to break things and values of the wrong shape. Text a field may hold
 * is stored and returned exactly as sent; anything else is a 400 that names the field; a body over 64 KiB is a 413
 * on every path; nothing is ever a 5xx.
 * The number of cases tried is logged at the end.
 */
@ResourceLock(ModelStub.LOCK)
class HostileInputIT {

    private static final Logger LOG = Logger.getLogger(HostileInputIT.class.getName());
    private static final AtomicInteger CASES = new AtomicInteger();

    /** Valid text that has broken applications before; a free-text field must keep each exactly. */
    static final Map<String, String> NASTY_TEXT = NastyText.SAMPLES;
    /** JSON values that no text field may accept. */
    static final Map<String, String> WRONG_SHAPES = new LinkedHashMap<>();

    static {
        WRONG_SHAPES.put("number", "12345");
        WRONG_SHAPES.put("boolean", "true");
        WRONG_SHAPES.put("array", "[\"a\"]");
        WRONG_SHAPES.put("object", "{\"a\":1}");
        WRONG_SHAPES.put("huge number", "1e999999");
        WRONG_SHAPES.put("NUL character", "\"a\\u0000b\"");
        WRONG_SHAPES.put("unpaired surrogate", "\"a\\ud800b\"");
        WRONG_SHAPES.put("nested arrays", "[".repeat(300) + "]".repeat(300));
    }

    private static ApiClient user;
    private static String taskPath;

    @BeforeAll
    static void signUp() {
        user = ApiClient.newUser("Hostile Input");
        taskPath = "/tasks/" + user.createTask("The target of patches", "").getString("id");
    }

    @AfterAll
    static void report() {
        LOG.info(() -> "Hostile input: " + CASES.get() + " cases tried, none answered 5xx");
    }

    @TestFactory
    Stream<DynamicTest> taskTextIsKeptExactly() {
        List<DynamicTest> tests = new ArrayList<>();
        NASTY_TEXT.forEach((name, text) -> {
            tests.add(dynamicTest("title: " + name, () -> {
                JsonObject created = Http.json(expect(user.post("/tasks", object("title", text)), 201));
                assertThat(reread(created).getString("title")).isEqualTo(text.strip());
            }));
            tests.add(dynamicTest("description: " + name, () -> {
                JsonObject created = Http.json(expect(
                        user.post("/tasks", "{\"title\":\"t\",\"description\":" + Json.createValue(text) + "}"), 201));
                assertThat(reread(created).getString("description")).isEqualTo(text);
            }));
            tests.add(dynamicTest("tag: " + name, () -> {
                String tag = text.length() > 40 ? text.substring(0, 40) : text;
                JsonObject created = Http.json(
                        expect(user.post("/tasks", "{\"title\":\"t\",\"tags\":[" + Json.createValue(tag) + "]}"), 201));
                assertThat(reread(created).getJsonArray("tags").getValuesAs(JsonString.class))
                        .extracting(JsonString::getString)
                        .containsExactly(tag.strip());
            }));
            tests.add(dynamicTest("patched title: " + name, () -> {
                JsonObject patched = Http.json(expect(user.patch(taskPath, object("title", text)), 200));
                assertThat(reread(patched).getString("title")).isEqualTo(text.strip());
            }));
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> taskFieldsRefuseWhatTheyCannotHold() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String field :
                List.of("title", "description", "priority", "category", "dueAt", "remindAt", "recurrence")) {
            WRONG_SHAPES.forEach((name, json) -> tests.add(dynamicTest(
                    field + " as " + name, () -> assertRefused(user.post("/tasks", withTitle(field, json)), field))));
            if (!field.equals("title") && !field.equals("description")) {
                NASTY_TEXT.forEach((name, text) -> tests.add(dynamicTest(
                        field + " as " + name,
                        () -> assertRefused(
                                user.patch(taskPath, "{\"" + field + "\":" + Json.createValue(text) + "}"), field))));
            }
        }
        WRONG_SHAPES.forEach((name, json) -> {
            if (!name.equals("array")) {
                tests.add(dynamicTest(
                        "tags as " + name, () -> assertRefused(user.post("/tasks", withTitle("tags", json)), "tags")));
            }
            tests.add(dynamicTest(
                    "tags holding " + name,
                    () -> assertRefused(user.post("/tasks", withTitle("tags", "[" + json + "]")), "tags")));
            if (!name.equals("number")) {
                tests.add(dynamicTest(
                        "version as " + name,
                        () -> assertRefused(
                                user.patch(taskPath, "{\"title\":\"t\",\"version\":" + json + "}"), "version")));
            }
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> queryParametersAndIdsNeverBreakTheServer() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String parameter : List.of(
                "status", "priority", "category", "tag", "due", "q", "sort", "direction", "page", "size", "tz")) {
            NASTY_TEXT.forEach((name, text) -> tests.add(dynamicTest(parameter + "=" + name, () -> {
                HttpResponse<String> response = user.get("/tasks?" + parameter + "=" + encode(text));
                counted(response);
                assertThat(response.statusCode()).as(response.body()).isIn(200, 400);
            })));
        }
        NASTY_TEXT.forEach((name, text) -> tests.add(dynamicTest("task id " + name, () -> {
            HttpResponse<String> response = user.get("/tasks/" + encode(text));
            counted(response);
            assertThat(response.statusCode()).as(response.body()).isIn(400, 404);
        })));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> accountFieldsKeepTextOrRefuseIt() {
        List<DynamicTest> tests = new ArrayList<>();
        NASTY_TEXT.forEach((name, text) -> {
            tests.add(dynamicTest("name: " + name, () -> {
                HttpResponse<String> response = expect(user.patch("/me", object("name", text)), 200);
                assertThat(Http.json(response).getString("name")).isEqualTo(text.strip());
                assertThat(Http.json(user.get("/me")).getString("name")).isEqualTo(text.strip());
            }));
            tests.add(dynamicTest(
                    "email at sign-up: " + name,
                    () -> assertRefused(
                            ApiClient.anonymous(
                                    "POST",
                                    "/auth/signup",
                                    "{\"name\":\"n\",\"password\":\"long enough password\",\"email\":"
                                            + Json.createValue(text) + "}"),
                            "email")));
            tests.add(dynamicTest("sign-in with " + name, () -> {
                HttpResponse<String> response = ApiClient.anonymous(
                        "POST",
                        "/auth/login",
                        "{\"email\":" + Json.createValue(text) + ",\"password\":" + Json.createValue(text) + "}");
                counted(response);
                assertThat(response.statusCode()).as(response.body()).isIn(400, 401);
            }));
        });
        WRONG_SHAPES.forEach((name, json) -> {
            tests.add(dynamicTest(
                    "name as " + name, () -> assertRefused(user.patch("/me", "{\"name\":" + json + "}"), "name")));
            tests.add(dynamicTest(
                    "sign-up password as " + name,
                    () -> assertRefused(
                            ApiClient.anonymous(
                                    "POST",
                                    "/auth/signup",
                                    "{\"name\":\"n\",\"email\":\"" + UUID.randomUUID() + "@example.com\",\"password\":"
                                            + json + "}"),
                            "password")));
            tests.add(dynamicTest(
                    "new password as " + name,
                    () -> assertRefused(
                            user.post(
                                    "/me/password",
                                    "{\"currentPassword\":\"password-Hostile Input\",\"newPassword\":" + json + "}"),
                            "newPassword")));
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> conversationTextIsKeptExactly() {
        List<DynamicTest> tests = new ArrayList<>();
        NASTY_TEXT.forEach((name, text) -> tests.add(dynamicTest("chat message and title: " + name, () -> {
            ModelStub.instance().reset();
            ModelStub.instance().then(ModelStub.Reply.text("Noted."));
            JsonObject reply = Http.json(expect(user.post("/chat", object("message", text)), 200));
            String path = "/conversations/" + reply.getString("conversationId");
            JsonObject stored = Http.json(user.get(path));
            assertThat(stored.getJsonArray("messages").getJsonObject(0).getString("content"))
                    .isEqualTo(text);
            expect(user.patch(path, object("title", text)), 200);
            assertThat(Http.json(user.get(path)).getString("title")).isEqualTo(text.strip());
        })));
        WRONG_SHAPES.forEach((name, json) -> {
            tests.add(dynamicTest(
                    "chat message as " + name,
                    () -> assertRefused(user.post("/chat", "{\"message\":" + json + "}"), "message")));
            tests.add(dynamicTest(
                    "conversation id as " + name,
                    () -> assertRefused(
                            user.post("/chat", "{\"message\":\"hi\",\"conversationId\":" + json + "}"),
                            "conversationId")));
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyPathRefusesABodyOverTheLimitBeforeReadingIt() {
        String huge = "{\"title\":\"big\",\"description\":\"" + "z".repeat(70_000) + "\"}";
        List<DynamicTest> tests = new ArrayList<>();
        for (String path : List.of("/tasks", "/mcp", "/chat", "/auth/login")) {
            for (boolean chunked : List.of(false, true)) {
                tests.add(dynamicTest(path + (chunked ? " chunked" : " with Content-Length"), () -> {
                    HttpResponse<String> response = post(path, huge, chunked);
                    counted(response);
                    assertThat(assertProblem(response, 413).getString("detail")).contains("64 KiB");
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadWhole() {
        String description = "y".repeat(4000);
        HttpResponse<String> created = post(
                "/tasks",
                "{\"title\":\"chunked\"," + " ".repeat(60_000) + "\"description\":\"" + description + "\"}",
                true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(reread(Http.json(created)).getString("description")).isEqualTo(description);

        HttpResponse<String> initialized = post("/mcp", """
                {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
                 "capabilities": {}, "clientInfo": {"name": "chunked", "version": "1"}}}""", true);
        assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);
        assertThat(initialized.body()).contains("todo-on-liberty");
    }

    /** A signed-in POST; chunked: without a Content-Length, as a client streaming its body sends it. */
    private static HttpResponse<String> post(String path, String body, boolean chunked) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return Http.send(HttpRequest.newBuilder(URI.create(ApiClient.api() + path))
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(
                        chunked
                                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                                : HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build());
    }

    private static JsonObject reread(JsonObject task) {
        return Http.json(expect(user.get("/tasks/" + task.getString("id")), 200));
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        counted(response);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private static void assertRefused(HttpResponse<String> response, String field) {
        counted(response);
        JsonObject problem = assertProblem(response, 400);
        if (problem.containsKey("errors")) {
            assertThat(fieldsAtFault(problem))
                    .as(response.body())
                    .anySatisfy(named -> assertThat(named).matches(Pattern.quote(field) + "(\\[\\d+])?"));
        } else {
            assertThat(problem.getString("detail", ""))
                    .as("a problem without field errors says what is wrong")
                    .isNotBlank();
        }
    }

    private static void counted(HttpResponse<String> response) {
        CASES.incrementAndGet();
        assertThat(response.statusCode())
                .as("never a server error: " + response.body())
                .isLessThan(500);
    }

    private static String object(String field, String text) {
        return "{\"" + field + "\":" + Json.createValue(text) + "}";
    }

    private static String withTitle(String field, String json) {
        return field.equals("title") ? "{\"title\":" + json + "}" : "{\"title\":\"t\",\"" + field + "\":" + json + "}";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
