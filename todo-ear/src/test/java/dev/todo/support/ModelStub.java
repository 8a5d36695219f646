package dev.todo.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible Chat Completions endpoint on loopback for the assistant tests: a test scripts the next
 * replies (text, tool calls, an HTTP error, or silence), the server under test calls {@code /v1/chat/completions},
 * and the stub answers with the next scripted reply, as one JSON body or as streamed chunks when the request asks
 * for {@code stream}. Every request is recorded, so a test can see exactly what the model was sent.
 */
public final class ModelStub {

    /** The key the test servers are configured with (local-it.env); not a secret. */
    public static final String KEY = "stub-key-for-tests";

    public static final String MODEL = "stub-model";

    /**
     * The resource lock of the classes that script this stub: one stub serves the whole run, so two of them at once
     * would answer each other's chats.
     */
    public static final String LOCK = "model-stub";

    private static ModelStub instance;

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    private ModelStub(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "model-stub");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** The stub of this test JVM, started on first use on {@code it.openai.port} (the port local-it.env names). */
    public static synchronized ModelStub instance() {
        if (instance == null) {
            try {
                instance = new ModelStub(port());
            } catch (IOException e) {
                throw new IllegalStateException("could not start the model stub on port " + port(), e);
            }
        }
        return instance;
    }

    public static int port() {
        return Integer.getInteger("it.openai.port", 9399);
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** Forgets the script and the recorded requests. */
    public void reset() {
        script.clear();
        requests.clear();
    }

    public ModelStub then(Reply reply) {
        script.add(reply);
        return this;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public Recorded lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError("the model stub received no request");
        }
        return requests.get(requests.size() - 1);
    }

    public int unusedReplies() {
        return script.size();
    }

    /** One request the stub received. */
    public record Recorded(String authorization, JsonObject body) {
        public List<JsonObject> messages() {
            return body.getJsonArray("messages").getValuesAs(JsonObject.class);
        }

        public boolean streamed() {
            return body.getBoolean("stream", false);
        }
    }

    /** A scripted answer. */
    public sealed interface Reply {
        static Reply text(String text) {
            return new Text(text);
        }

        static Reply toolCalls(ToolCall... calls) {
            return new ToolCalls(List.of(calls));
        }

        static ToolCall call(String id, String name, String arguments) {
            return new ToolCall(id, name, arguments);
        }

        static Reply status(int status, String message) {
            return new Status(status, message);
        }

        static Reply silence(Duration duration) {
            return new Silence(duration);
        }

        /** Streamed text that ends without the last chunk, the one naming why the model stopped. */
        static Reply cutOff(String text) {
            return new CutOff(text);
        }
    }

    public record CutOff(String text) implements Reply {}

    public record Text(String text) implements Reply {}

    public record ToolCalls(List<ToolCall> calls) implements Reply {}

    public record ToolCall(String id, String name, String arguments) {}

    public record Status(int status, String message) implements Reply {}

    public record Silence(Duration duration) implements Reply {}

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonObject body;
            try (InputStream in = exchange.getRequestBody();
                    JsonReader reader = Json.createReader(
                            new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))) {
                body = reader.readObject();
            }
            Recorded request = new Recorded(exchange.getRequestHeaders().getFirst("Authorization"), body);
            requests.add(request);
            Reply reply = script.poll();
            if (reply == null) {
                send(exchange, 500, "application/json", error("the model stub has no scripted reply left"));
                return;
            }
            if (reply instanceof Status status) {
                send(exchange, status.status(), "application/json", error(status.message()));
            } else if (reply instanceof Silence silence) {
                sleep(silence.duration());
                send(exchange, 500, "application/json", error("the model stub was silent"));
            } else if (reply instanceof CutOff cut) {
                List<String> chunks = textChunks(cut.text());
                stream(exchange, chunks.subList(0, chunks.size() - 1));
            } else if (reply instanceof Text text) {
                if (request.streamed()) {
                    stream(exchange, withUsage(request, textChunks(text.text())));
                } else {
                    send(exchange, 200, "application/json", completion(text.text(), List.of()));
                }
            } else if (reply instanceof ToolCalls calls) {
                if (request.streamed()) {
                    stream(exchange, withUsage(request, toolCallChunks(calls.calls())));
                } else {
                    send(exchange, 200, "application/json", completion(null, calls.calls()));
                }
            }
        }
    }

    private static String completion(String text, List<ToolCall> calls) {
        JsonObjectBuilder message = Json.createObjectBuilder().add("role", "assistant");
        if (text == null) {
            message.addNull("content");
        } else {
            message.add("content", text);
        }
        if (!calls.isEmpty()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            calls.forEach(call -> array.add(Json.createObjectBuilder()
                    .add("id", call.id())
                    .add("type", "function")
                    .add(
                            "function",
                            Json.createObjectBuilder().add("name", call.name()).add("arguments", call.arguments()))));
            message.add("tool_calls", array);
        }
        return Json.createObjectBuilder()
                .add("id", "chatcmpl-stub")
                .add("object", "chat.completion")
                .add("created", System.currentTimeMillis() / 1000)
                .add("model", MODEL)
                .add(
                        "choices",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("index", 0)
                                        .add("message", message)
                                        .addNull("logprobs")
                                        .add("finish_reason", calls.isEmpty() ? "stop" : "tool_calls")))
                .add("usage", usage())
                .build()
                .toString();
    }

    /** As OpenAI streams: the token counts come in a last chunk without choices, and only when asked for. */
    private static List<String> withUsage(Recorded request, List<String> chunks) {
        JsonObject options = request.body().getJsonObject("stream_options");
        if (options != null && options.getBoolean("include_usage", false)) {
            chunks.add(Json.createObjectBuilder()
                    .add("id", "chatcmpl-stub")
                    .add("object", "chat.completion.chunk")
                    .add("created", System.currentTimeMillis() / 1000)
                    .add("model", MODEL)
                    .add("choices", Json.createArrayBuilder())
                    .add("usage", usage())
                    .build()
                    .toString());
        }
        return chunks;
    }

    /** What the stub reports for every answer: 10 tokens in, 5 out. */
    private static JsonObjectBuilder usage() {
        return Json.createObjectBuilder()
                .add("prompt_tokens", 10)
                .add("completion_tokens", 5)
                .add("total_tokens", 15);
    }

    /** The text in several pieces, as a model streams it. */
    private static List<String> textChunks(String text) {
        List<String> chunks = new ArrayList<>();
        chunks.add(chunk(Json.createObjectBuilder().add("role", "assistant").add("content", ""), null));
        for (String piece : text.split("(?<= )")) {
            chunks.add(chunk(Json.createObjectBuilder().add("content", piece), null));
        }
        chunks.add(chunk(Json.createObjectBuilder(), "stop"));
        return chunks;
    }

    /** Each call announced with its id and name, then its arguments in two pieces. */
    private static List<String> toolCallChunks(List<ToolCall> calls) {
        List<String> chunks = new ArrayList<>();
        chunks.add(chunk(Json.createObjectBuilder().add("role", "assistant").addNull("content"), null));
        for (int i = 0; i < calls.size(); i++) {
            ToolCall call = calls.get(i);
            int half = call.arguments().length() / 2;
            chunks.add(chunk(
                    toolDelta(
                            i,
                            Json.createObjectBuilder()
                                    .add("id", call.id())
                                    .add("type", "function")
                                    .add(
                                            "function",
                                            Json.createObjectBuilder()
                                                    .add("name", call.name())
                                                    .add("arguments", ""))),
                    null));
            chunks.add(chunk(
                    toolDelta(
                            i,
                            Json.createObjectBuilder()
                                    .add(
                                            "function",
                                            Json.createObjectBuilder()
                                                    .add(
                                                            "arguments",
                                                            call.arguments().substring(0, half)))),
                    null));
            chunks.add(chunk(
                    toolDelta(
                            i,
                            Json.createObjectBuilder()
                                    .add(
                                            "function",
                                            Json.createObjectBuilder()
                                                    .add(
                                                            "arguments",
                                                            call.arguments().substring(half)))),
                    null));
        }
        chunks.add(chunk(Json.createObjectBuilder(), "tool_calls"));
        return chunks;
    }

    private static JsonObjectBuilder toolDelta(int index, JsonObjectBuilder call) {
        return Json.createObjectBuilder()
                .add("tool_calls", Json.createArrayBuilder().add(call.add("index", index)));
    }

    private static String chunk(JsonObjectBuilder delta, String finishReason) {
        JsonObjectBuilder choice =
                Json.createObjectBuilder().add("index", 0).add("delta", delta).addNull("logprobs");
        if (finishReason == null) {
            choice.addNull("finish_reason");
        } else {
            choice.add("finish_reason", finishReason);
        }
        return Json.createObjectBuilder()
                .add("id", "chatcmpl-stub")
                .add("object", "chat.completion.chunk")
                .add("created", System.currentTimeMillis() / 1000)
                .add("model", MODEL)
                .add("choices", Json.createArrayBuilder().add(choice))
                .build()
                .toString();
    }

    private static void stream(HttpExchange exchange, List<String> chunks) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String chunk : chunks) {
                out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String error(String message) {
        return Json.createObjectBuilder()
                .add(
                        "error",
                        Json.createObjectBuilder()
                                .add("message", message)
                                .add("type", "stub_error")
                                .addNull("param")
                                .addNull("code"))
                .build()
                .toString();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
