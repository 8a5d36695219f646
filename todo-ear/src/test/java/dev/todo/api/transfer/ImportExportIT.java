package dev.todo.api.transfer;

import static dev.todo.support.ModelStub.Reply.call;
import static dev.todo.support.ModelStub.Reply.text;
import static dev.todo.support.ModelStub.Reply.toolCalls;
import static dev.todo.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import dev.todo.support.ModelStub;
import dev.todo.support.NastyText;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Export and import: a round trip into a new account gives the same content, importing again adds nothing, Todoist's
 * CSV comes in, and a file that is too big, not UTF-8, malformed or with rows that break the rules is refused with a
 * report naming the rows, never a 500, and nothing of it is stored.
 */
@ResourceLock(ModelStub.LOCK)
class ImportExportIT {

    private ApiClient owner;

    @BeforeEach
    void signUp() {
        owner = ApiClient.newUser("Exporter");
    }

    @Test
    void aJsonRoundTripIntoANewAccountGivesTheSameContent() {
        fill(owner);
        JsonObject exported = exportJson(owner);
        assertThat(exported.getJsonObject("account").getString("email")).isEqualTo(owner.email());
        assertThat(exported.getJsonArray("tasks")).hasSize(5);
        assertThat(exported.getJsonArray("conversations")).hasSize(1);
        ApiClient other = ApiClient.newUser("Importer");

        JsonObject dryRun = importFile(other, exported.toString(), "application/json", true);
        assertThat(dryRun.getBoolean("imported")).isFalse();
        assertThat(dryRun.getJsonObject("tasks").getInt("created")).isEqualTo(5);
        assertThat(Http.json(other.get("/tasks")).getInt("total")).isZero();
        JsonObject report = importFile(other, exported.toString(), "application/json", false);
        assertThat(report.getBoolean("imported")).isTrue();
        assertThat(report.getString("format")).isEqualTo("todo-json");
        assertThat(report.getJsonObject("tasks").getInt("created")).isEqualTo(5);
        assertThat(report.getJsonObject("conversations").getInt("created")).isEqualTo(1);

        JsonObject again = exportJson(other);
        assertThat(content(again)).isEqualTo(content(exported));
    }

    @Test
    void importingTheSameFileAgainAddsNothing() {
        fill(owner);
        String exported = exportJson(owner).toString();
        ApiClient other = ApiClient.newUser("Twice");
        importFile(other, exported, "application/json", false);

        JsonObject second = importFile(other, exported, "application/json", false);
        JsonObject ownExport = importFile(owner, exported, "application/json", false);

        assertThat(second.getJsonObject("tasks").getInt("created")).isZero();
        assertThat(second.getJsonObject("tasks").getInt("existing")).isEqualTo(5);
        assertThat(second.getJsonObject("conversations").getInt("existing")).isEqualTo(1);
        assertThat(ownExport.getJsonObject("tasks").getInt("created")).isZero();
        assertThat(Http.json(other.get("/tasks")).getInt("total")).isEqualTo(5);
        assertThat(Http.json(owner.get("/tasks")).getInt("total")).isEqualTo(5);
    }

    @Test
    void aCsvRoundTripKeepsEveryFieldAndGuardsFormulas() {
        owner.createTask(
                "=HYPERLINK(\"http://evil.example\")",
                "\"tags\": [\"a;b\", \"c\\\\d\"], \"description\": \"x,\\n\\\"y\\\"\"");
        owner.createTask("- dash first", "\"priority\": \"LOW\", \"dueAt\": \"2026-12-01T09:00:00.123456Z\"");
        String csv = owner.get("/export/tasks.csv").body();
        assertThat(csv).contains("'=HYPERLINK").startsWith("id,title,description,priority");
        ApiClient other = ApiClient.newUser("Csv Importer");

        JsonObject report = importFile(other, csv, "text/csv", false);

        assertThat(report.getString("format")).isEqualTo("todo-csv");
        assertThat(report.getJsonObject("tasks").getInt("created")).isEqualTo(2);
        assertThat(withoutIds(other.get("/export/tasks.csv").body())).isEqualTo(withoutIds(csv));
        assertThat(importFile(other, csv, "text/csv", false)
                        .getJsonObject("tasks")
                        .getInt("created"))
                .isZero();
    }

    @Test
    void todoistsCsvExportComesIn() {
        String todoist = "\uFEFFTYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE,"
                + "DURATION,DURATION_UNIT,DEADLINE,DEADLINE_LANG\r\n"
                + "meta,view_style=list,,,,,,,,,,,,\r\n"
                + "section,Errands,,,,,,,,,,,,\r\n"
                + "task,Buy stamps @post @errands,At the big office,1,1,Amna (123),,2026-03-26 09:00,en,Europe/Berlin,,,,\r\n"
                + "note,Bring the parcel too,,,,,,,,,,,,\r\n"
                + ",,,,,,,,,,,,,\r\n"
                + "task,Team standup,,4,1,Amna (123),,every monday at 9am,en,Asia/Karachi,15,minute,,\r\n"
                + "task,Someday,,3,2,Amna (123),,,,,,,,\r\n";

        JsonObject report = importFile(owner, todoist, "text/csv", false);

        assertThat(report.getString("format")).isEqualTo("todoist-csv");
        assertThat(report.getJsonObject("tasks").getInt("created")).isEqualTo(3);
        assertThat(report.getJsonArray("skipped")).hasSize(2);
        JsonObject stamps = onlyTask(owner, "stamps");
        assertThat(stamps.getString("title")).isEqualTo("Buy stamps");
        assertThat(stamps.getJsonArray("tags").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList())
                .containsExactly("errands", "post");
        assertThat(stamps.getString("priority")).isEqualTo("HIGH");
        assertThat(stamps.getString("description")).isEqualTo("At the big office\n\nBring the parcel too");
        assertThat(Instant.parse(stamps.getString("dueAt")))
                .isEqualTo(ZonedDateTime.of(2026, 3, 26, 9, 0, 0, 0, ZoneId.of("Europe/Berlin"))
                        .toInstant());
        JsonObject standup = onlyTask(owner, "standup");
        assertThat(standup.getString("recurrence")).isEqualTo("WEEKLY");
        ZonedDateTime standupAt = Instant.parse(standup.getString("dueAt")).atZone(ZoneId.of("Asia/Karachi"));
        assertThat(standupAt.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(standupAt.getHour()).isEqualTo(9);
        assertThat(onlyTask(owner, "Someday").getString("priority")).isEqualTo("LOW");
        assertThat(importFile(owner, todoist, "text/csv", false)
                        .getJsonObject("tasks")
                        .getInt("created"))
                .isZero();
    }

    @Test
    void rowsThatBreakTheRulesAreNamedAndNothingIsImported() {
        String csv = "TYPE,CONTENT,DESCRIPTION,PRIORITY,DATE,DATE_LANG,TIMEZONE\n"
                + "task,A fine task,,1,,,\n"
                + "task,Has a \u0000 NUL,,1,,,\n"
                + "task,Bad priority,,9,,,\n"
                + "task,Bad date,,1,next blue moon,en,\n"
                + "task," + "x".repeat(300) + ",,,,,\n"
                + "task,Bad zone,,1,2026-01-01,en,Mars/Olympus\n";

        for (boolean dryRun : List.of(true, false)) {
            JsonObject problem =
                    assertProblem(send(owner, csv.getBytes(StandardCharsets.UTF_8), "text/csv", dryRun), 422);
            assertThat(problem.getString("detail")).startsWith("Nothing was imported: 5 rows");
            JsonArray refused = problem.getJsonObject("report").getJsonArray("refused");
            assertThat(refused.stream()
                            .map(row -> row.asJsonObject().getString("row"))
                            .distinct())
                    .containsExactly("row 3", "row 4", "row 5", "row 6", "row 7");
            assertThat(refused.stream().map(row -> row.asJsonObject().getString("field")))
                    .contains("CONTENT", "PRIORITY", "DATE", "TIMEZONE");
        }
        assertThat(Http.json(owner.get("/tasks")).getInt("total")).isZero();
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheLine() {
        byte[] latin1 = "id,title\n,Fine\n,Caf\u00e9 au lait\n".getBytes(StandardCharsets.ISO_8859_1);

        JsonObject problem = assertProblem(send(owner, latin1, "text/csv", false), 422);

        JsonObject row = problem.getJsonObject("report").getJsonArray("refused").getJsonObject(0);
        assertThat(row.getString("row")).isEqualTo("line 3");
        assertThat(row.getString("message")).contains("not UTF-8", "0xE9");
        assertThat(Http.json(owner.get("/tasks")).getInt("total")).isZero();
    }

    @Test
    void malformedOrWrongJsonIsRefusedWithWhereAndWhy() {
        JsonObject malformed = assertProblem(
                send(
                        owner,
                        "{\"tasks\": [\n{\"title\": }]}".getBytes(StandardCharsets.UTF_8),
                        "application/json",
                        false),
                422);
        assertThat(malformed
                        .getJsonObject("report")
                        .getJsonArray("refused")
                        .getJsonObject(0)
                        .getString("row"))
                .startsWith("line 2");

        String wrong = "{\"tasks\": [{\"title\": \"ok\"}, {\"title\": \"\\ud800 lone\", \"priority\": \"URGENT\"},"
                + " 42, {\"title\": \"fine\", \"dueAt\": \"tomorrow\", \"colour\": \"red\"}]}";
        JsonObject problem =
                assertProblem(send(owner, wrong.getBytes(StandardCharsets.UTF_8), "application/json", false), 422);
        List<String> rows = problem.getJsonObject("report").getJsonArray("refused").stream()
                .map(row -> row.asJsonObject().getString("row") + " "
                        + row.asJsonObject().getString("field"))
                .toList();
        assertThat(rows)
                .contains("tasks[1] title", "tasks[1] priority", "tasks[2] ", "tasks[3] dueAt", "tasks[3] colour");
        assertThat(Http.json(owner.get("/tasks")).getInt("total")).isZero();
    }

    @Test
    void hostileTextIsStoredExactlyAndNeverRunsAsAFormula() {
        JsonArrayBuilder tasks = Json.createArrayBuilder();
        List<String> samples = NastyText.SAMPLES.values().stream()
                .filter(sample -> sample.indexOf('\u0000') < 0 && sample.length() <= 255 && !sample.isBlank())
                .toList();
        samples.forEach(sample ->
                tasks.add(Json.createObjectBuilder().add("title", sample).add("description", sample)));
        String file = Json.createObjectBuilder().add("tasks", tasks).build().toString();

        JsonObject report = importFile(owner, file, "application/json", false);

        assertThat(report.getJsonObject("tasks").getInt("created")).isEqualTo(samples.size());
        List<String> titles = exportJson(owner).getJsonArray("tasks").stream()
                .map(task -> task.asJsonObject().getString("title"))
                .toList();
        assertThat(titles).containsExactlyInAnyOrderElementsOf(samples);
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413() {
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        byte[] row = ",A task that repeats to make the file large\n".getBytes(StandardCharsets.UTF_8);
        big.writeBytes("id,title\n".getBytes(StandardCharsets.UTF_8));
        while (big.size() <= 4 * 1024 * 1024) {
            big.writeBytes(row);
        }

        JsonObject problem = assertProblem(send(owner, big.toByteArray(), "text/csv", false), 413);

        assertThat(problem.getString("detail")).contains("4 MiB");
        assertThat(Http.json(owner.get("/tasks")).getInt("total")).isZero();
    }

    @Test
    void aFileBelowTheImportLimitButOverTheUsualOneIsAccepted() {
        StringBuilder csv = new StringBuilder("id,title\n");
        for (int i = 0; csv.length() < 200 * 1024; i++) {
            csv.append(",Task number ").append(i).append(" with some words to make it longer\n");
        }

        JsonObject report = importFile(owner, csv.toString(), "text/csv", true);

        assertThat(report.getJsonObject("tasks").getInt("created")).isGreaterThan(2000);
    }

    /** Five tasks of every kind and one conversation with a tool call, through the API and the assistant. */
    private static void fill(ApiClient user) {
        user.createTask("Plain", "");
        user.createTask(
                "Everything set",
                "\"description\": \"Line one\\nلائن دو\", \"priority\": \"HIGH\", \"category\": \"WORK\","
                        + " \"tags\": [\"b\", \"a\"], \"dueAt\": \"2026-12-01T09:00:00.123456Z\","
                        + " \"remindAt\": \"2026-12-01T08:30:00Z\", \"recurrence\": \"MONTHLY\"");
        String done = user.createTask("Done", "\"recurrence\": \"WEEKLY\", \"dueAt\": \"2026-11-02T09:00:00Z\"")
                .getString("id");
        user.post("/tasks/" + done + "/completion", null);
        ModelStub model = ModelStub.instance();
        model.reset();
        model.then(toolCalls(call("call_1", "create_task", "{\"title\": \"Via the assistant\"}")))
                .then(text("Added it."));
        HttpResponse<String> chat = user.post("/chat", "{\"message\": \"Add via the assistant\"}");
        assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
    }

    private static JsonObject exportJson(ApiClient user) {
        HttpResponse<String> response = user.get("/export");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("attachment; filename=\"todo-export-"));
        return Http.json(response);
    }

    /** The tasks and conversations without their ids, sorted, as the content two exports must share. */
    private static String content(JsonObject export) {
        String tasks = export.getJsonArray("tasks").stream()
                .map(task -> without(task.asJsonObject(), "id").toString())
                .sorted()
                .collect(Collectors.joining("\n"));
        String conversations = export.getJsonArray("conversations").stream()
                .map(conversation -> without(conversation.asJsonObject(), "id").toString())
                .sorted()
                .collect(Collectors.joining("\n"));
        return tasks + "\n--\n" + conversations;
    }

    private static JsonObject without(JsonObject object, String field) {
        JsonObjectBuilder copy = Json.createObjectBuilder(object);
        copy.remove(field);
        return copy.build();
    }

    private static String withoutIds(String csv) {
        return Arrays.stream(csv.split("\r\n"))
                .map(line -> line.substring(line.indexOf(',') + 1))
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.joining("\n"));
    }

    private static JsonObject onlyTask(ApiClient user, String search) {
        JsonObject page = Http.json(user.get("/tasks?q=" + search));
        assertThat(page.getInt("total")).as(search).isEqualTo(1);
        return page.getJsonArray("items").getJsonObject(0);
    }

    private static JsonObject importFile(ApiClient user, String body, String type, boolean dryRun) {
        HttpResponse<String> response = send(user, body.getBytes(StandardCharsets.UTF_8), type, dryRun);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static HttpResponse<String> send(ApiClient user, byte[] body, String type, boolean dryRun) {
        return Http.send(HttpRequest.newBuilder(URI.create(ApiClient.api() + "/import?dryRun=" + dryRun))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }
}
