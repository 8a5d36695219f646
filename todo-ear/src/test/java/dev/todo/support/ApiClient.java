package dev.todo.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** Calls the API of the integration-test server as one signed-in user (or anonymously). */
public final class ApiClient {

    static {
        // Liberty reports itself started after 30 s even while a slow application is still starting (a busy machine).
        Http.awaitResponse(Http.baseUrl() + "/health/ready", Http::isUp, Duration.ofSeconds(180));
    }

    private final String token;
    private final JsonObject user;

    private ApiClient(String token, JsonObject user) {
        this.token = token;
        this.user = user;
    }

    public static String api() {
        return Http.baseUrl() + "/api";
    }

    /** A new account with a unique email, signed in. */
    public static ApiClient newUser(String name) {
        String email = name.toLowerCase().replaceAll("[^a-z]", "") + "-" + UUID.randomUUID() + "@example.com";
        return signUp(name, email, "password-" + name);
    }

    public static ApiClient signUp(String name, String email, String password) {
        HttpResponse<String> response = anonymous("POST", "/auth/signup",
                Json.createObjectBuilder().add("name", name).add("email", email).add("password", password).build().toString());
        if (response.statusCode() != 201) {
            throw new AssertionError("sign-up failed: " + response.statusCode() + " " + response.body());
        }
        JsonObject body = Http.json(response);
        return new ApiClient(body.getString("token"), body.getJsonObject("user"));
    }

    public static ApiClient withToken(String token) {
        return new ApiClient(token, null);
    }

    public static HttpResponse<String> anonymous(String method, String path, String body) {
        return Http.send(request(method, path, body, "application/json").build());
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
        return Http.send(request(method, path, body, contentType).header("Authorization", "Bearer " + token).build());
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
        return createTask("{\"title\": " + Json.createValue(title) + (moreFields.isBlank() ? "" : ", " + moreFields) + "}");
    }

    private static HttpRequest.Builder request(String method, String path, String body, String contentType) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api() + path)).timeout(Duration.ofSeconds(30));
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
    }
}
