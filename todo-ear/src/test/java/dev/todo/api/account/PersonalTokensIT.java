package dev.todo.api.account;

import static dev.todo.support.ModelStub.Reply.call;
import static dev.todo.support.ModelStub.Reply.text;
import static dev.todo.support.ModelStub.Reply.toolCalls;
import static dev.todo.support.Problems.assertProblem;
import static dev.todo.support.Problems.fieldsAtFault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import dev.todo.support.ModelStub;
import dev.todo.support.Tokens;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Personal access tokens: made and listed by a signed-in session, shown once, accepted as bearer tokens, scoped, and
 * ended by revoking, signing out everywhere, a password change or deleting the account.
 */
@ResourceLock(ModelStub.LOCK)
class PersonalTokensIT {

    private ApiClient owner;

    @BeforeEach
    void signUp() {
        owner = ApiClient.newUser("Token Maker");
    }

    @Test
    void aNewTokenIsShownOnceAndWorksAsABearerToken() {
        HttpResponse<String> response = owner.post(
                "/tokens", "{\"name\": \"Laptop script\", \"scope\": \"read-write\", \"expiresInDays\": 90}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonObject created = Http.json(response);
        String id = created.getJsonObject("details").getString("id");
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/api/tokens/" + id));
        assertThat(created.getString("tokenType")).isEqualTo("Bearer");
        ApiClient script = ApiClient.withToken(created.getString("token"));
        assertThat(script.createTask("Made by a script", "").getString("title")).isEqualTo("Made by a script");
        HttpResponse<String> list = owner.get("/tokens");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(created.getString("token"));
        JsonObject listed = Http.array(list).getJsonObject(0);
        assertThat(listed.getString("name")).isEqualTo("Laptop script");
        assertThat(listed.getString("scope")).isEqualTo("read-write");
        assertThat(listed.getString("status")).isEqualTo("active");
        assertThat(Instant.parse(listed.getString("expiresAt")))
                .isCloseTo(Instant.now().plus(Duration.ofDays(90)), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void aTokenWithoutExpiryHasNone() {
        JsonObject created = owner.createPersonalToken("Forever", "read", null);

        assertThat(created.getJsonObject("details").get("expiresAt")).isEqualTo(JsonValue.NULL);
        assertThat(ApiClient.withToken(created.getString("token")).get("/tasks").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theTokenCarriesNoNameOrEmail() {
        String token = owner.createPersonalToken("Config file", "read", 30).getString("token");

        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims).doesNotContain(owner.email(), "Token Maker").contains("\"scope\":\"read\"");
    }

    @Test
    void badRequestsNameTheFieldAtFault() {
        assertThat(fieldsAtFault(assertProblem(
                        owner.post("/tokens", "{\"name\": \" \", \"scope\": \"write\", \"expiresInDays\": 7}"), 400)))
                .contains("name", "scope");
        assertThat(fieldsAtFault(assertProblem(
                        owner.post("/tokens", "{\"name\": \"x\", \"scope\": \"read\", \"expiresInDays\": 7}"), 400)))
                .containsExactly("expiresInDays");
        assertThat(fieldsAtFault(assertProblem(owner.post("/tokens", "{\"name\": \"x\"}"), 400)))
                .containsExactly("scope");
    }

    @Test
    void aReadTokenReadsButCannotWrite() {
        String id = owner.createTask("Read me", "").getString("id");
        ApiClient reader = owner.withPersonalToken("read");

        assertThat(reader.get("/tasks").statusCode()).isEqualTo(200);
        assertThat(reader.get("/tasks/" + id).statusCode()).isEqualTo(200);
        assertThat(reader.get("/tasks/stats").statusCode()).isEqualTo(200);
        assertThat(reader.get("/export").statusCode()).isEqualTo(200);
        for (HttpResponse<String> write : List.of(
                reader.post("/tasks", "{\"title\": \"Sneaky\"}"),
                reader.patch("/tasks/" + id, "{\"title\": \"Changed\"}"),
                reader.post("/tasks/" + id + "/completion", null),
                reader.delete("/tasks/" + id),
                reader.patch("/me", "{\"name\": \"Renamed\"}"),
                reader.send("POST", "/import", "[]", "application/json"))) {
            JsonObject problem = assertProblem(write, 403);
            assertThat(problem.getString("detail")).contains("read scope").doesNotContain("Exception");
        }
        JsonObject task = Http.json(owner.get("/tasks/" + id));
        assertThat(task.getString("title")).isEqualTo("Read me");
        assertThat(task.getBoolean("completed")).isFalse();
    }

    @Test
    void personalTokensCannotManageTokensThePasswordOrTheAccount() {
        ApiClient script = owner.withPersonalToken("read-write");

        for (HttpResponse<String> refused : List.of(
                script.get("/tokens"),
                script.post("/tokens", "{\"name\": \"more\", \"scope\": \"read-write\"}"),
                script.post("/me/password", "{\"currentPassword\": \"x\", \"newPassword\": \"yyyyyyyyyy\"}"),
                script.send("DELETE", "/me", "{\"password\": \"password-Token Maker\"}"),
                script.post("/auth/logout?everywhere=true", null),
                script.get("/calendar/feed"))) {
            assertThat(assertProblem(refused, 403).getString("detail")).contains("Personal access tokens cannot");
        }
        assertThat(owner.get("/me").statusCode()).isEqualTo(200);
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() {
        JsonObject created = owner.createPersonalToken("Short lived", "read-write", 30);
        String id = created.getJsonObject("details").getString("id");
        ApiClient script = ApiClient.withToken(created.getString("token"));
        assertThat(script.get("/tasks").statusCode()).isEqualTo(200);

        assertThat(owner.delete("/tokens/" + id).statusCode()).isEqualTo(204);

        assertThat(assertProblem(script.get("/tasks"), 401).getString("detail")).contains("revoked");
        assertThat(tokens(owner)).isEmpty();
        assertProblem(owner.delete("/tokens/" + id), 404);
    }

    @Test
    void anotherAccountsTokenCannotBeRevoked() {
        String id = owner.createPersonalToken("Mine", "read", 30)
                .getJsonObject("details")
                .getString("id");
        ApiClient stranger = ApiClient.newUser("Stranger");

        assertProblem(stranger.delete("/tokens/" + id), 404);
        assertProblem(owner.delete("/tokens/not-a-uuid"), 404);
        assertThat(tokens(owner)).hasSize(1);
    }

    @Test
    void signingOutEverywhereEndsPersonalTokens() {
        ApiClient script = owner.withPersonalToken("read-write");

        assertThat(owner.post("/auth/logout?everywhere=true", null).statusCode())
                .isEqualTo(204);

        assertProblem(script.get("/tasks"), 401);
        ApiClient again = signIn(owner);
        JsonArray listed = tokens(again);
        assertThat(listed).hasSize(1);
        assertThat(listed.getJsonObject(0).getString("status")).isEqualTo("revoked");
        assertThat(listed.getJsonObject(0).getString("revokedAt")).isNotBlank();
    }

    @Test
    void changingThePasswordEndsPersonalTokens() {
        ApiClient script = owner.withPersonalToken("read");

        HttpResponse<String> changed = owner.post(
                "/me/password", "{\"currentPassword\": \"password-Token Maker\", \"newPassword\": \"a new password\"}");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertProblem(script.get("/tasks"), 401);
    }

    @Test
    void deletingTheAccountEndsPersonalTokens() {
        ApiClient script = owner.withPersonalToken("read-write");

        assertThat(owner.send("DELETE", "/me", "{\"password\": \"password-Token Maker\"}")
                        .statusCode())
                .isEqualTo(204);

        assertProblem(script.get("/tasks"), 401);
    }

    @Test
    void theLastUseIsRecordedAtMostOnceAMinute() {
        JsonObject created = owner.createPersonalToken("Counted", "read", 30);
        ApiClient script = ApiClient.withToken(created.getString("token"));
        assertThat(tokens(owner).getJsonObject(0).get("lastUsedAt")).isEqualTo(JsonValue.NULL);

        script.get("/tasks");
        String first = tokens(owner).getJsonObject(0).getString("lastUsedAt");
        script.get("/tasks");
        script.get("/tasks/stats");

        assertThat(Instant.parse(first)).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(tokens(owner).getJsonObject(0).getString("lastUsedAt")).isEqualTo(first);
    }

    @Test
    void anExpiredTokenIsRefusedEvenWithALiveSession() {
        JsonObject created = owner.createPersonalToken("Will expire", "read", 30);
        String jti = created.getJsonObject("details").getString("id");
        long now = Instant.now().getEpochSecond();
        String claims = Tokens.claims(owner.userId(), "todo-on-liberty", "todo-api", now - 7200, now - 3600)
                .replaceFirst("\\}$", ",\"jti\":\"" + jti + "\"}");

        assertProblem(
                ApiClient.withToken(Tokens.hs256(claims, Tokens.TEST_SERVER_SECRET))
                        .get("/tasks"),
                401);
    }

    @Test
    void theAssistantOfAReadTokenCannotChangeTasks() {
        ModelStub model = ModelStub.instance();
        model.reset();
        model.then(toolCalls(call("call_1", "create_task", "{\"title\": \"Sneaked in\"}")))
                .then(text("I cannot add tasks with this access."));
        ApiClient reader = owner.withPersonalToken("read");

        HttpResponse<String> response =
                reader.post("/chat", "{\"message\": \"Add sneaked in\", \"timeZone\": \"Asia/Karachi\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject toolCall = Http.json(response).getJsonArray("toolCalls").getJsonObject(0);
        assertThat(toolCall.getBoolean("error")).isTrue();
        assertThat(toolCall.getString("result")).contains("read scope");
        List<String> offered = model.requests().get(0).body().getJsonArray("tools").stream()
                .map(tool -> tool.asJsonObject().getJsonObject("function").getString("name"))
                .toList();
        assertThat(offered).containsExactlyInAnyOrder("list_tasks", "get_task", "get_stats");
        assertThat(Http.json(owner.get("/tasks")).getInt("total")).isZero();
    }

    private static JsonArray tokens(ApiClient client) {
        HttpResponse<String> response = client.get("/tokens");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.array(response);
    }

    private static ApiClient signIn(ApiClient user) {
        HttpResponse<String> login = ApiClient.anonymous(
                "POST", "/auth/login", "{\"email\": \"" + user.email() + "\", \"password\": \"password-Token Maker\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return ApiClient.withToken(Http.json(login).getString("token"));
    }
}
