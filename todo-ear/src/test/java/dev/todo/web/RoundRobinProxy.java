package dev.todo.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer without affinity, as in front of replicas in a cluster: each request goes to the next backend in
 * turn. It adds the address it was called from to X-Forwarded-For, as an ingress does, and streams answers through
 * as they come (server-sent events included). Records which backend served which request, so a test can show that
 * both served the same session.
 */
public final class RoundRobinProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "content-length",
            "expect",
            "host",
            "upgrade",
            "keep-alive",
            "transfer-encoding",
            "te",
            "trailer",
            "proxy-authorization",
            "proxy-authenticate");

    private final HttpServer server;
    private final List<String> backends;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "round-robin-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> servedBy = new ConcurrentHashMap<>();

    public RoundRobinProxy(int port, List<String> backends) throws IOException {
        this.backends = List.copyOf(backends);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** "GET /tasks -> http://localhost:9196", one line per request, in order. */
    public List<String> log() {
        return List.copyOf(log);
    }

    private void forward(HttpExchange exchange) throws IOException {
        String backend = backends.get(Math.floorMod(next.getAndIncrement(), backends.size()));
        String pathAndQuery = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null
                        ? ""
                        : "?" + exchange.getRequestURI().getRawQuery());
        boolean answered = false;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend + pathAndQuery))
                    .timeout(Duration.ofSeconds(60))
                    .method(
                            exchange.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase("X-Forwarded-For")) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            request.header("X-Forwarded-Host", exchange.getRequestHeaders().getFirst("Host"));
            String forwardedFor = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
            String peer = exchange.getRemoteAddress().getAddress().getHostAddress();
            request.setHeader("X-Forwarded-For", forwardedFor == null ? peer : forwardedFor + ", " + peer);
            HttpResponse<InputStream> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            log.add(exchange.getRequestMethod() + " " + pathAndQuery + " -> " + backend);
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(value -> exchange.getResponseHeaders()
                            .add(name, name.equalsIgnoreCase("Location") ? value.replace(backend, baseUrl()) : value));
                }
            });
            // A known length is kept; otherwise the answer goes on chunked, as the backend sends it.
            long length = response.headers().firstValueAsLong("Content-Length").orElse(0);
            boolean noBody = response.statusCode() == 204
                    || response.statusCode() == 304
                    || response.headers().firstValue("Content-Length").equals(Optional.of("0"));
            exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : length);
            answered = true;
            try (InputStream answer = response.body();
                    OutputStream out = exchange.getResponseBody()) {
                byte[] buffer = new byte[8192];
                for (int n = answer.read(buffer); n >= 0; n = answer.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            badGateway(exchange, answered);
        } catch (IOException e) {
            badGateway(exchange, answered);
        } finally {
            exchange.close();
        }
    }

    /** The backend failed: 502, unless the answer had begun, which then just ends. */
    private static void badGateway(HttpExchange exchange, boolean answered) throws IOException {
        if (!answered) {
            exchange.sendResponseHeaders(502, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
