package dev.todo.api.task;

import static dev.todo.support.Problems.assertProblem;
import static dev.todo.support.Problems.fieldsAtFault;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TasksIT {

    /** CORS_ORIGINS of the test server (local-it.env). */
    private static final String ALLOWED_ORIGIN = "http://localhost:6274";

    private static ApiClient user;

    @BeforeAll
    static void signUp() {
        user = ApiClient.newUser("Task Keeper");
    }

    @Test
    void createAnswers201WithLocationAndDefaults() {
        HttpResponse<String> response = user.post("/tasks", "{\"title\":\"  Water the plants  \"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonObject task = Http.json(response);
        assertThat(response.headers().firstValue("Location"))
                .hasValue(ApiClient.api() + "/tasks/" + task.getString("id"));
        assertThat(task.getString("title")).isEqualTo("Water the plants");
        assertThat(task.getString("priority")).isEqualTo("MEDIUM");
        assertThat(task.getString("category")).isEqualTo("OTHER");
        assertThat(task.getString("recurrence")).isEqualTo("NONE");
        assertThat(task.getBoolean("completed")).isFalse();
        assertThat(task.isNull("dueAt")).isTrue();
        assertThat(task.getJsonNumber("version").longValue()).isEqualTo(1);
        assertThat(Http.json(user.get("/tasks/" + task.getString("id")))).isEqualTo(task);
    }

    @Test
    void everyFieldIsStoredAndReturned() {
        JsonObject task = user.createTask(
                "Quarterly report",
                "\"description\":\"numbers for Q4\",\"priority\":\"HIGH\","
                        + "\"category\":\"WORK\",\"tags\":[\"finance\",\"q4\"],\"dueAt\":\"2026-12-15T17:00:00+05:00\","
                        + "\"remindAt\":\"2026-12-15T09:00:00Z\",\"recurrence\":\"MONTHLY\"");

        assertThat(task.getString("description")).isEqualTo("numbers for Q4");
        assertThat(task.getString("priority")).isEqualTo("HIGH");
        assertThat(task.getString("category")).isEqualTo("WORK");
        assertThat(task.getJsonArray("tags").getValuesAs(JsonString::getString)).containsExactly("finance", "q4");
        assertThat(task.getString("dueAt")).isEqualTo("2026-12-15T12:00:00Z");
        assertThat(task.getString("remindAt")).isEqualTo("2026-12-15T09:00:00Z");
        assertThat(task.getString("recurrence")).isEqualTo("MONTHLY");
    }

    @Test
    void textIsStoredExactlyAsSent() {
        String title = "<script>alert('x')</script> \"quoted\" ' OR 1=1 -- مرحبا 😀";
        String description = "Robert'); DROP TABLE task;-- <b>bold</b> ünïcødé\nsecond line\ttab";
        JsonObject task = user.createTask(Json.createObjectBuilder()
                .add("title", title)
                .add("description", description)
                .build()
                .toString());

        JsonObject read = Http.json(user.get("/tasks/" + task.getString("id")));
        assertThat(read.getString("title")).isEqualTo(title);
        assertThat(read.getString("description")).isEqualTo(description);
    }

    @Test
    void invalidFieldsAreAllNamedInOne400() {
        JsonObject problem = assertProblem(
                user.post(
                        "/tasks",
                        "{\"title\":\"\",\"priority\":\"URGENT\",\"category\":7,"
                                + "\"tags\":\"home\",\"dueAt\":\"next tuesday\",\"recurrence\":\"YEARLY\",\"colour\":\"red\"}"),
                400);

        assertThat(fieldsAtFault(problem))
                .containsExactlyInAnyOrder("title", "priority", "category", "tags", "dueAt", "recurrence", "colour");
    }

    @Test
    void tooLongTextIsRejectedWithItsField() {
        JsonObject problem = assertProblem(
                user.post(
                        "/tasks",
                        Json.createObjectBuilder()
                                .add("title", "x".repeat(256))
                                .add("description", "y".repeat(4001))
                                .build()
                                .toString()),
                400);

        assertThat(fieldsAtFault(problem)).containsExactlyInAnyOrder("title", "description");
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(user.post("/tasks", "{\"title\": "), 400);
        assertProblem(user.post("/tasks", "[1, 2, 3]"), 400);
        assertProblem(user.post("/tasks", ""), 400);
    }

    @Test
    void wrongContentTypeIs415() {
        assertProblem(user.send("POST", "/tasks", "title=x", "application/x-www-form-urlencoded"), 415);
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "{\"title\":\"big\",\"description\":\"" + "z".repeat(200_000) + "\"}";

        assertProblem(user.post("/tasks", huge), 413);
    }

    @Test
    void deeplyNestedJsonIsRejectedWithoutAServerError() {
        String nested = "{\"title\":\"deep\",\"description\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        HttpResponse<String> response = user.post("/tasks", nested);

        assertThat(response.statusCode()).isBetween(400, 499);
    }

    @Test
    void unknownIdsAndMalformedIdsAre404() {
        for (String id : List.of("6b1f0f5e-0000-4000-8000-000000000000", "not-a-uuid")) {
            String path = "/tasks/" + id;
            assertProblem(user.get(path), 404);
            assertProblem(user.put(path, "{\"title\":\"x\",\"version\":1}"), 404);
            assertProblem(user.patch(path, "{\"title\":\"x\"}"), 404);
            assertProblem(user.delete(path), 404);
            assertProblem(user.post(path + "/completion", null), 404);
            assertProblem(user.delete(path + "/completion"), 404);
        }
    }

    @Test
    void putTakesBackTheTaskAsGetShowedItWithItsReadOnlyFieldsIgnored() {
        JsonObject task = user.createTask("Round trip", "\"tags\":[\"a\"]");
        String path = "/tasks/" + task.getString("id");
        JsonObject changed = Json.createObjectBuilder(Http.json(user.get(path)))
                .add("title", "Round trip, changed")
                .add("completed", true)
                .add("createdAt", "2020-01-01T00:00:00Z")
                .build();

        HttpResponse<String> replaced = user.put(path, changed.toString());

        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        JsonObject updated = Http.json(replaced);
        assertThat(updated.getString("title")).isEqualTo("Round trip, changed");
        assertThat(updated.getJsonArray("tags").getValuesAs(JsonString::getString))
                .containsExactly("a");
        assertThat(updated.getBoolean("completed")).isFalse();
        assertThat(updated.getString("createdAt")).isEqualTo(task.getString("createdAt"));
        assertThat(updated.getString("id")).isEqualTo(task.getString("id"));
    }

    @Test
    void patchIgnoresReadOnlyFieldsButNotAnotherId() {
        JsonObject task = user.createTask("Read-only fields", "");
        String path = "/tasks/" + task.getString("id");

        JsonObject patched = Http.json(user.patch(
                path,
                "{\"id\":\"" + task.getString("id")
                        + "\",\"priority\":\"LOW\",\"completedAt\":\"2020-01-01T00:00:00Z\","
                        + "\"updatedAt\":\"2020-01-01T00:00:00Z\"}"));
        assertThat(patched.getString("priority")).isEqualTo("LOW");
        assertThat(patched.isNull("completedAt")).isTrue();
        assertThat(patched.getString("updatedAt")).isNotEqualTo("2020-01-01T00:00:00Z");

        JsonObject otherId = assertProblem(
                user.patch(path, "{\"id\":\"6b1f0f5e-0000-4000-8000-000000000000\",\"priority\":\"HIGH\"}"), 400);
        assertThat(fieldsAtFault(otherId)).containsExactly("id");
        JsonObject put = assertProblem(
                user.put(path, "{\"id\":\"6b1f0f5e-0000-4000-8000-000000000000\",\"title\":\"x\",\"version\":2}"), 400);
        assertThat(fieldsAtFault(put)).containsExactly("id");
        assertThat(Http.json(user.get(path)).getString("priority")).isEqualTo("LOW");
    }

    @Test
    void putReplacesEveryFieldAndNeedsTheVersion() {
        JsonObject task = user.createTask(
                "Old title", "\"priority\":\"HIGH\",\"tags\":[\"a\"],\"dueAt\":\"2026-12-01T09:00:00Z\"");
        String path = "/tasks/" + task.getString("id");

        JsonObject problem = assertProblem(user.put(path, "{\"title\":\"New title\"}"), 400);
        assertThat(fieldsAtFault(problem)).containsExactly("version");

        HttpResponse<String> replaced = user.put(path, "{\"title\":\"New title\",\"category\":\"HOME\",\"version\":1}");
        assertThat(replaced.statusCode()).isEqualTo(200);
        JsonObject updated = Http.json(replaced);
        assertThat(updated.getString("title")).isEqualTo("New title");
        assertThat(updated.getString("priority")).isEqualTo("MEDIUM");
        assertThat(updated.getJsonArray("tags")).isEmpty();
        assertThat(updated.isNull("dueAt")).isTrue();
        assertThat(updated.getJsonNumber("version").longValue()).isEqualTo(2);
    }

    @Test
    void patchChangesOnlyTheFieldsSentAndNullClearsADate() {
        JsonObject task =
                user.createTask("Keep me", "\"priority\":\"LOW\",\"tags\":[\"x\"],\"dueAt\":\"2026-12-01T09:00:00Z\"");
        String path = "/tasks/" + task.getString("id");

        HttpResponse<String> patched =
                user.send("PATCH", path, "{\"priority\":\"HIGH\",\"dueAt\":null}", "application/merge-patch+json");

        assertThat(patched.statusCode()).isEqualTo(200);
        JsonObject updated = Http.json(patched);
        assertThat(updated.getString("title")).isEqualTo("Keep me");
        assertThat(updated.getString("priority")).isEqualTo("HIGH");
        assertThat(updated.getJsonArray("tags")).hasSize(1);
        assertThat(updated.isNull("dueAt")).isTrue();
    }

    @Test
    void theListShowsTagsAsTheyWereChangedLast() {
        JsonObject task = user.createTask("Retagged", "\"tags\":[\"old\",\"kept\"]");
        String path = "/tasks/" + task.getString("id");

        assertThat(user.patch(path, "{\"tags\":[\"new\",\"kept\",\"another\"]}").statusCode())
                .isEqualTo(200);

        assertThat(listedTags("Retagged")).containsExactly("another", "kept", "new");

        assertThat(user.patch(path, "{\"tags\":[]}").statusCode()).isEqualTo(200);
        assertThat(listedTags("Retagged")).isEmpty();
    }

    /** The tags of the first task that the list finds for this search. */
    private List<String> listedTags(String search) {
        JsonObject listed =
                Http.json(user.get("/tasks?q=" + search)).getJsonArray("items").getJsonObject(0);
        return listed.getJsonArray("tags").getValuesAs(JsonString::getString);
    }

    @Test
    void staleVersionGets409WithTheCurrentTaskAndChangesNothing() {
        JsonObject task = user.createTask("Contested", "");
        String path = "/tasks/" + task.getString("id");
        assertThat(user.patch(path, "{\"title\":\"First edit\",\"version\":1}").statusCode())
                .isEqualTo(200);

        JsonObject problem = assertProblem(user.patch(path, "{\"title\":\"Second edit\",\"version\":1}"), 409);

        assertThat(problem.getJsonObject("current").getString("title")).isEqualTo("First edit");
        assertThat(problem.getJsonObject("current").getJsonNumber("version").longValue())
                .isEqualTo(2);
        assertThat(Http.json(user.get(path)).getString("title")).isEqualTo("First edit");
    }

    @Test
    void deleteRemovesTheTask() {
        String path = "/tasks/" + user.createTask("Temporary", "").getString("id");

        assertThat(user.delete(path).statusCode()).isEqualTo(204);

        assertProblem(user.get(path), 404);
    }

    @Test
    void completeAndReopen() {
        String path = "/tasks/" + user.createTask("Finish me", "").getString("id");

        JsonObject completion = Http.json(user.post(path + "/completion", null));
        assertThat(completion.getJsonObject("task").getBoolean("completed")).isTrue();
        assertThat(completion.getJsonObject("task").isNull("completedAt")).isFalse();
        assertThat(completion.isNull("nextOccurrence")).isTrue();

        JsonObject reopened = Http.json(user.delete(path + "/completion"));
        assertThat(reopened.getBoolean("completed")).isFalse();
        assertThat(reopened.isNull("completedAt")).isTrue();
    }

    @Test
    void completingDailyTaskSchedulesTomorrowOnce() {
        String id = user.createTask(
                        "Stand-up",
                        "\"recurrence\":\"DAILY\",\"dueAt\":\"2026-12-01T09:30:00Z\","
                                + "\"remindAt\":\"2026-12-01T09:15:00Z\",\"tags\":[\"team\"],\"priority\":\"HIGH\"")
                .getString("id");

        JsonObject first = Http.json(user.post("/tasks/" + id + "/completion", null));
        JsonObject second = Http.json(user.post("/tasks/" + id + "/completion", null));

        JsonObject next = first.getJsonObject("nextOccurrence");
        assertThat(next.getString("dueAt")).isEqualTo("2026-12-02T09:30:00Z");
        assertThat(next.getString("remindAt")).isEqualTo("2026-12-02T09:15:00Z");
        assertThat(next.getString("title")).isEqualTo("Stand-up");
        assertThat(next.getString("priority")).isEqualTo("HIGH");
        assertThat(next.getBoolean("completed")).isFalse();
        assertThat(second.getJsonObject("nextOccurrence").getString("id")).isEqualTo(next.getString("id"));
        assertThat(Http.json(user.get("/tasks?q=stand-up")).getInt("total")).isEqualTo(2);
    }

    @Test
    void monthlyTaskMovesByACalendarMonth() {
        String id = user.createTask("Rent", "\"recurrence\":\"MONTHLY\",\"dueAt\":\"2027-01-31T10:00:00Z\"")
                .getString("id");

        JsonObject next =
                Http.json(user.post("/tasks/" + id + "/completion", null)).getJsonObject("nextOccurrence");

        assertThat(next.getString("dueAt")).isEqualTo("2027-02-28T10:00:00Z");
    }

    @Test
    void statsOfAnAccountWithoutTasksAreZeros() {
        JsonObject stats = Http.json(ApiClient.newUser("Blank Slate").get("/tasks/stats"));

        assertThat(stats.getInt("total")).isZero();
        assertThat(stats.getInt("overdue")).isZero();
        assertThat(stats.getInt("dueToday")).isZero();
        assertThat(stats.getJsonObject("byPriority").getInt("HIGH")).isZero();
        assertThat(stats.getJsonObject("byCategory").getInt("HOME")).isZero();
    }

    @Test
    void remindersDueAreTheOpenTasksWhoseReminderTimeHasCome() {
        ApiClient forgetful = ApiClient.newUser("Forgetful");
        Instant now = Instant.now();
        forgetful.createTask("Call mum", "\"remindAt\":\"" + now.minus(1, ChronoUnit.HOURS) + "\"");
        forgetful.createTask("Renew passport", "\"remindAt\":\"" + now.plus(1, ChronoUnit.DAYS) + "\"");
        forgetful.createTask("No reminder", "\"priority\":\"LOW\"");
        String done = forgetful
                .createTask("Already done", "\"remindAt\":\"" + now.minus(2, ChronoUnit.HOURS) + "\"")
                .getString("id");
        forgetful.post("/tasks/" + done + "/completion", null);

        JsonObject due = Http.json(forgetful.get("/tasks?reminder=due"));

        assertThat(due.getInt("total")).isEqualTo(1);
        assertThat(due.getJsonArray("items").getJsonObject(0).getString("title"))
                .isEqualTo("Call mum");
    }

    @Test
    void anUnknownTimeZoneForStatsIsNamed() {
        assertThat(fieldsAtFault(assertProblem(user.get("/tasks/stats?tz=Mars/Base"), 400)))
                .containsExactly("tz");
    }

    @Test
    void invalidQueryParametersAreNamed() {
        JsonObject problem = assertProblem(
                user.get("/tasks?status=done&sort=colour&size=500&page=-1&tz=Mars/Base&reminder=soon"), 400);

        assertThat(fieldsAtFault(problem))
                .containsExactlyInAnyOrder("status", "sort", "size", "page", "tz", "reminder");
    }

    @Test
    void openApiDocumentDescribesTheTaskEndpoints() {
        HttpResponse<String> document = Http.get(Http.baseUrl() + "/openapi");

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("/tasks/{id}/completion", "/auth/signup", "TaskInput", "bearer");
    }

    @Test
    void openApiDocumentMarksWhatAClientCannotChangeAsReadOnly() {
        JsonObject schemas = Http.json(Http.get(Http.baseUrl() + "/openapi?format=JSON"))
                .getJsonObject("components")
                .getJsonObject("schemas");

        for (String field : List.of("id", "completed", "completedAt", "createdAt", "updatedAt")) {
            assertThat(schemas.getJsonObject("Task").getJsonObject("properties").getJsonObject(field))
                    .as(field)
                    .containsEntry("readOnly", JsonValue.TRUE);
        }
        assertThat(schemas.getJsonObject("Task").getJsonObject("properties").getJsonObject("title"))
                .doesNotContainKey("readOnly");
        assertThat(schemas.getJsonObject("User").getJsonObject("properties").getJsonObject("email"))
                .containsEntry("readOnly", JsonValue.TRUE);
        assertThat(schemas.getJsonObject("Conversation")
                        .getJsonObject("properties")
                        .getJsonObject("messages"))
                .containsEntry("readOnly", JsonValue.TRUE);
    }

    @Test
    void browsersOfAnAllowedOriginMayCallTheApiAndReadItsHeaders() {
        HttpResponse<String> preflight = Http.send(HttpRequest.newBuilder(URI.create(ApiClient.api() + "/tasks"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .build());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(ALLOWED_ORIGIN);
        assertThat(preflight
                        .headers()
                        .firstValue("Access-Control-Allow-Methods")
                        .orElse(""))
                .contains("PATCH");

        HttpResponse<String> created = Http.send(HttpRequest.newBuilder(URI.create(ApiClient.api() + "/tasks"))
                .header("Origin", ALLOWED_ORIGIN)
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"From a browser\"}"))
                .build());
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(created.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
                .contains("Location");
    }

    @Test
    void browsersOfOtherOriginsGetNoCorsHeaders() {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(ApiClient.api() + "/tasks"))
                .header("Origin", "https://evil.example")
                .header("Authorization", "Bearer " + user.token())
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
