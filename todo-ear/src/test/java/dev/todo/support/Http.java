package dev.todo.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** A small HTTP client for black-box tests: plain requests, JSON bodies, and waiting for a condition. */
public final class Http {

    // HTTP/1.1 as browsers and Kubernetes probes speak it to these servers; the default would try an h2c upgrade.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Http() {}

    /** Base URL of the server the integration tests run against (the local server's configuration). */
    public static String baseUrl() {
        return System.getProperty("it.base.url", "http://localhost:9181");
    }

    public static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .GET()
                .timeout(Duration.ofSeconds(20))
                .build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The response, or null when nothing listens at the URL. */
    public static HttpResponse<String> tryGet(String url) {
        try {
            return CLIENT.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .GET()
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    public static JsonArray array(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    /** Polls the URL until the condition holds for its response; returns how long that took. */
    public static Duration awaitResponse(String url, Predicate<HttpResponse<String>> condition, Duration timeout) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            last = tryGet(url);
            if (last != null && condition.test(last)) {
                return Duration.between(start, Instant.now());
            }
            sleep(250);
        }
        throw new AssertionError("Condition not met for " + url + " within " + timeout + "; last response: "
                + (last == null ? "no answer" : last.statusCode() + " " + last.body()));
    }

    public static boolean isUp(HttpResponse<String> response) {
        return response.statusCode() == 200 && "UP".equals(json(response).getString("status", ""));
    }

    public static boolean isDown(HttpResponse<String> response) {
        return response.statusCode() == 503 && "DOWN".equals(json(response).getString("status", ""));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
