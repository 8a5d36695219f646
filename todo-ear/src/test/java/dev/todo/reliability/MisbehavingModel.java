package dev.todo.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model provider having a bad day, on loopback: its answers cycle through hanging past the assistant's timeout,
 * a 200 whose body is not JSON, a 500, and a slow but proper reply. Unlike the scripted ModelStub it never runs
 * out of answers, so any number of concurrent chats can lean on it during a load test.
 */
final class MisbehavingModel implements AutoCloseable {

    enum Behaviour {
        HANG,
        GARBAGE,
        ERROR,
        SLOW_REPLY
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "misbehaving-model");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger next = new AtomicInteger();
    private final Duration hang;

    MisbehavingModel(int port, Duration hang) throws IOException {
        this.hang = hang;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
        server.createContext("/v1/chat/completions", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            Behaviour behaviour = Behaviour.values()[Math.floorMod(next.getAndIncrement(), Behaviour.values().length)];
            switch (behaviour) {
                case HANG -> {
                    pause(hang);
                    send(exchange, 500, "{\"error\":{\"message\":\"gave up\",\"type\":\"server_error\"}}");
                }
                case GARBAGE -> send(exchange, 200, "<html>this is not a chat completion");
                case ERROR ->
                    send(
                            exchange,
                            500,
                            "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}");
                case SLOW_REPLY -> {
                    pause(Duration.ofMillis(500));
                    send(exchange, 200, """
                            {"id":"chatcmpl-slow","object":"chat.completion","created":1,"model":"slow-model",
                             "choices":[{"index":0,"message":{"role":"assistant","content":"Sorry for the wait."},
                                         "logprobs":null,"finish_reason":"stop"}],
                             "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}""");
                }
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
