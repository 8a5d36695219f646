package dev.todo.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** Calls the API of the integration-test server as one signed-in user (or anonymously). */
public final class ApiClient {

    private static volatile boolean testServerReady;

    private final String api;
    private final String token;
    private final JsonObject user;

    private ApiClient(String api, String token, JsonObject user) {
        this.api = api;
        this.token = token;
        this.user = user;
    }

    /** The API of the integration-test server, once it is ready. */
    public static String api() {
        if (!testServerReady) {
            // Liberty reports itself started while a slow application may still be starting (a busy machine).
            Http.awaitResponse(Http.baseUrl() + "/health/ready", Http::isUp, Duration.ofSeconds(180));
            testServerReady = true;
        }
        return Http.baseUrl() + "/api";
    }

    /** A new account with a unique email, signed in. */
    public static ApiClient newUser(String name) {
        return newUser(name, api());
    }

    /** A new account on the API at the given base URL (ending in /api). */
    public static ApiClient newUser(String name, String api) {
        String email = name.toLowerCase().replaceAll("[^a-z]", "") + "-" + UUID.randomUUID() + "@example.com";
        return signUp(name, email, "password-" + name, api);
    }

    public static ApiClient signUp(String name, String email, String password) {
        return signUp(name, email, password, api());
    }

    public static ApiClient signUp(String name, String email, String password, String api) {
        HttpResponse<String> response = Http.send(request(
                        api,
                        "POST",
                        "/auth/signup",
                        Json.createObjectBuilder()
                                .add("name", name)
                                .add("email", email)
                                .add("password", password)
                                .build()
                                .toString(),
                        "application/json")
                .build());
        if (response.statusCode() != 201) {
            throw new AssertionError("sign-up failed: " + response.statusCode() + " " + response.body());
        }
        JsonObject body = Http.json(response);
        return new ApiClient(api, body.getString("token"), body.getJsonObject("user"));
    }

    public static ApiClient withToken(String token) {
        return new ApiClient(api(), token, null);
    }

    /** A client of the API at the given base URL (ending in /api) with the given token. */
    public static ApiClient withToken(String token, String api) {
        return new ApiClient(api, token, null);
    }

    /** The same user and token against the API at another base URL (another replica). */
    public ApiClient at(String otherApi) {
        return new ApiClient(otherApi, token, user);
    }

    public static HttpResponse<String> anonymous(String method, String path, String body) {
        return Http.send(request(api(), method, path, body, "application/json").build());
    }

    public String token() {
        return token;
    }

    public String email() {
        return user.getString("email");
    }

    public String userId() {
        return user.getString("id");
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    public HttpResponse<String> post(String path, String json) {
        return send("POST", path, json);
    }

    public HttpResponse<String> put(String path, String json) {
        return send("PUT", path, json);
    }

    public HttpResponse<String> patch(String path, String json) {
        return send("PATCH", path, json);
    }

    public HttpResponse<String> delete(String path) {
        return send("DELETE", path, null);
    }

    public HttpResponse<String> send(String method, String path, String json) {
        return send(method, path, json, "application/json");
    }

    public HttpResponse<String> send(String method, String path, String body, String contentType) {
        return Http.send(request(api, method, path, body, contentType)
                .header("Authorization", "Bearer " + token)
                .build());
    }

    /**
     * Creates a personal access token ({@code read} or {@code read-write}, expiring in that many days or never for
     * null) and returns the API's answer: {@code token}, {@code tokenType} and {@code details}.
     */
    public JsonObject createPersonalToken(String name, String scope, Integer expiresInDays) {
        HttpResponse<String> response = post(
                "/tokens",
                Json.createObjectBuilder()
                        .add("name", name)
                        .add("scope", scope)
                        .add("expiresInDays", expiresInDays == null ? JsonValue.NULL : Json.createValue(expiresInDays))
                        .build()
                        .toString());
        if (response.statusCode() != 201) {
            throw new AssertionError("creating a token failed: " + response.statusCode() + " " + response.body());
        }
        return Http.json(response);
    }

    /** A client of the same API that sends a personal access token of this user with the given scope. */
    public ApiClient withPersonalToken(String scope) {
        return new ApiClient(
                api, createPersonalToken("Test " + scope, scope, 30).getString("token"), user);
    }

    /** Creates a task and returns it as the API answered. */
    public JsonObject createTask(String json) {
        HttpResponse<String> response = post("/tasks", json);
        if (response.statusCode() != 201) {
            throw new AssertionError("creating a task failed: " + response.statusCode() + " " + response.body());
        }
        return Http.json(response);
    }

    public JsonObject createTask(String title, String moreFields) {
        return createTask(
                "{\"title\": " + Json.createValue(title) + (moreFields.isBlank() ? "" : ", " + moreFields) + "}");
    }

    private static HttpRequest.Builder request(
            String api, String method, String path, String body, String contentType) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(30));
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
    }
}
