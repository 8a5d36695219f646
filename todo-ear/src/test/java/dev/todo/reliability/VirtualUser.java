package dev.todo.reliability;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One simulated person using the app: adds, lists, edits, completes, reopens and deletes tasks through the API,
 * loads the tasks page through the web server and, for some, talks to the assistant. It is the only writer of its
 * own tasks, so it knows exactly what the database must hold afterwards ({@link #expected()}), and every list and
 * stats answer must already agree with that (read-your-writes).
 */
final class VirtualUser implements Runnable {

    /** What the user last saw acknowledged for one task. */
    record ExpectedTask(String title, boolean completed, long version) {}

    static final String CHAT = "chat (model misbehaving)";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final String api;
    private final String web;
    private final String token;
    private final boolean chats;
    private final Instant end;
    private final LoadRecorder recorder;
    private final Random random;
    private final Map<String, ExpectedTask> tasks = new LinkedHashMap<>();
    private int created;

    VirtualUser(
            HttpClient client,
            String api,
            String web,
            String token,
            boolean chats,
            Instant end,
            LoadRecorder recorder,
            long seed) {
        this.client = client;
        this.api = api;
        this.web = web;
        this.token = token;
        this.chats = chats;
        this.end = end;
        this.recorder = recorder;
        this.random = new Random(seed);
    }

    Map<String, ExpectedTask> expected() {
        return Map.copyOf(tasks);
    }

    @Override
    public void run() {
        while (Instant.now().isBefore(end)) {
            try {
                step();
            } catch (IOException | RuntimeException e) {
                recorder.fail("request", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void step() throws IOException, InterruptedException {
        if (chats && random.nextInt(5) == 0) {
            chat();
            return;
        }
        int dice = random.nextInt(100);
        if (tasks.isEmpty() || dice < 25) {
            create();
        } else if (dice < 45) {
            list();
        } else if (dice < 55) {
            tasksPage();
        } else if (dice < 70) {
            rename(anyTask());
        } else if (dice < 85) {
            toggle(anyTask());
        } else if (dice < 92) {
            delete(anyTask());
        } else {
            stats();
        }
    }

    private String anyTask() {
        List<String> ids = new ArrayList<>(tasks.keySet());
        return ids.get(random.nextInt(ids.size()));
    }

    private void create() throws IOException, InterruptedException {
        String title = "Task " + (++created) + " <b>&amp;</b> 'quoted' \"twice\" — ünïcødé ✓";
        HttpResponse<String> response = send(
                "create",
                "POST",
                api + "/tasks",
                Json.createObjectBuilder()
                        .add("title", title)
                        .add("priority", random.nextBoolean() ? "HIGH" : "LOW")
                        .add("tags", Json.createArrayBuilder().add("load"))
                        .build()
                        .toString(),
                201);
        if (response != null) {
            remember(json(response));
        }
    }

    private void list() throws IOException, InterruptedException {
        HttpResponse<String> response =
                send("list", "GET", api + "/tasks?status=all&sort=createdAt&direction=desc&size=20", null, 200);
        if (response != null && json(response).getInt("total") != tasks.size()) {
            recorder.fail("list", "total " + json(response).getInt("total") + " but " + tasks.size() + " acknowledged");
        }
    }

    private void stats() throws IOException, InterruptedException {
        HttpResponse<String> response = send("stats", "GET", api + "/tasks/stats", null, 200);
        if (response != null && json(response).getInt("total") != tasks.size()) {
            recorder.fail(
                    "stats", "total " + json(response).getInt("total") + " but " + tasks.size() + " acknowledged");
        }
    }

    private void tasksPage() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(web + "/tasks.xhtml"))
                .timeout(TIMEOUT)
                .header("Cookie", "todo_session=" + token)
                .GET()
                .build();
        HttpResponse<String> response = timed("tasks page", request);
        if (response.statusCode() != 200 || !response.body().contains("</html>")) {
            recorder.fail("tasks page", response.statusCode() + " " + abbreviate(response.body()));
        }
    }

    private void rename(String id) throws IOException, InterruptedException {
        ExpectedTask task = tasks.get(id);
        String title = task.title().replaceFirst(" \\(edited \\d+\\)$", "") + " (edited " + (task.version() + 1) + ")";
        HttpResponse<String> response = send(
                "update",
                "PATCH",
                api + "/tasks/" + id,
                Json.createObjectBuilder()
                        .add("title", title)
                        .add("version", task.version())
                        .build()
                        .toString(),
                200);
        if (response != null) {
            remember(json(response));
        }
    }

    private void toggle(String id) throws IOException, InterruptedException {
        boolean completed = tasks.get(id).completed();
        HttpResponse<String> response = send(
                completed ? "reopen" : "complete",
                completed ? "DELETE" : "POST",
                api + "/tasks/" + id + "/completion",
                null,
                200);
        if (response != null) {
            JsonObject body = json(response);
            remember(completed ? body : body.getJsonObject("task"));
        }
    }

    private void delete(String id) throws IOException, InterruptedException {
        if (send("delete", "DELETE", api + "/tasks/" + id, null, 204) != null) {
            tasks.remove(id);
        }
    }

    /** Any answer but a server error or a hang is fine here: the model is failing on purpose. */
    private void chat() throws IOException, InterruptedException {
        HttpRequest request = authorized(api + "/chat")
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Add a task to water the plants\"}"))
                .build();
        HttpResponse<String> response = timed(CHAT, request);
        int status = response.statusCode();
        boolean clearReply = status == 200 && json(response).containsKey("reply");
        boolean clearProblem = (status == 502 || status == 503 || status == 504)
                && response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && !json(response).getString("detail", "").isBlank();
        if (!clearReply && !clearProblem) {
            recorder.fail(CHAT, status + " " + abbreviate(response.body()));
        }
    }

    private void remember(JsonObject task) {
        tasks.put(
                task.getString("id"),
                new ExpectedTask(
                        task.getString("title"),
                        task.getBoolean("completed"),
                        task.getJsonNumber("version").longValue()));
    }

    /** The response when it had the expected status; otherwise the failure is recorded and null returned. */
    private HttpResponse<String> send(String operation, String method, String url, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = authorized(url).timeout(TIMEOUT);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = timed(operation, builder.build());
        if (response.statusCode() != expected) {
            recorder.fail(operation, response.statusCode() + " " + abbreviate(response.body()));
            return null;
        }
        return response;
    }

    private HttpRequest.Builder authorized(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> timed(String operation, HttpRequest request) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            recorder.record(operation, System.nanoTime() - begin, response.statusCode());
            return response;
        } catch (IOException e) {
            throw new IOException(operation + " after " + (System.nanoTime() - begin) / 1_000_000 + " ms: " + e, e);
        }
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
