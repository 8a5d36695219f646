package dev.todo.api.account;

import static dev.todo.support.Problems.assertProblem;
import static dev.todo.support.Problems.fieldsAtFault;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountsIT {

    private static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }

    private static ApiClient signIn(String email, String password) {
        HttpResponse<String> response = ApiClient.anonymous(
                "POST", "/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.withToken(Http.json(response).getString("token"));
    }

    private static String signupJson(String name, String email, String password) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    @Test
    void signUpAnswers201WithATokenAndTheAccount() {
        String email = uniqueEmail("ayesha");
        HttpResponse<String> response =
                ApiClient.anonymous("POST", "/auth/signup", signupJson("Ayesha Khan", email, "correct horse"));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonObject body = Http.json(response);
        assertThat(body.getString("token").split("\\.")).hasSize(3);
        assertThat(body.getString("tokenType")).isEqualTo("Bearer");
        assertThat(Instant.parse(body.getString("expiresAt"))).isAfter(Instant.now());
        assertThat(body.getJsonObject("user").getString("email")).isEqualTo(email);
        assertThat(body.getJsonObject("user").getString("name")).isEqualTo("Ayesha Khan");
    }

    @Test
    void emailIsUniqueIgnoringCase() {
        String email = uniqueEmail("bilal");
        ApiClient.signUp("Bilal", email, "password-1");

        JsonObject problem = assertProblem(
                ApiClient.anonymous(
                        "POST", "/auth/signup", signupJson("Other Bilal", email.toUpperCase(), "password-2")),
                409);

        assertThat(fieldsAtFault(problem)).containsExactly("email");
    }

    @Test
    void signUpNamesEveryFieldAtFault() {
        JsonObject problem = assertProblem(
                ApiClient.anonymous(
                        "POST", "/auth/signup", "{\"name\":\"\",\"email\":\"not-an-email\",\"password\":\"short\"}"),
                400);

        assertThat(fieldsAtFault(problem)).containsExactlyInAnyOrder("name", "email", "password");
    }

    @Test
    void logInWorksWithAnyCaseOfTheEmail() {
        String email = uniqueEmail("chen");
        ApiClient.signUp("Chen", email, "password-chen");

        HttpResponse<String> response = ApiClient.anonymous(
                "POST", "/auth/login", "{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"password-chen\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).getJsonObject("user").getString("email")).isEqualTo(email);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSame401() {
        String email = uniqueEmail("dana");
        ApiClient.signUp("Dana", email, "password-dana");

        JsonObject wrongPassword = assertProblem(
                ApiClient.anonymous("POST", "/auth/login", "{\"email\":\"" + email + "\",\"password\":\"nope-nope\"}"),
                401);
        JsonObject unknownEmail = assertProblem(
                ApiClient.anonymous(
                        "POST",
                        "/auth/login",
                        "{\"email\":\"" + uniqueEmail("nobody") + "\",\"password\":\"nope-nope\"}"),
                401);

        assertThat(wrongPassword.getString("detail")).isEqualTo(unknownEmail.getString("detail"));
    }

    @Test
    void repeatedFailedLoginsAreRefusedWithRetryAfterButNotForever() {
        String email = uniqueEmail("eve-target");
        ApiClient.signUp("Target", email, "password-target");
        String wrong = "{\"email\":\"" + email + "\",\"password\":\"guess-guess\"}";
        for (int attempt = 0; attempt < 5; attempt++) {
            assertProblem(ApiClient.anonymous("POST", "/auth/login", wrong), 401);
        }

        HttpResponse<String> refused = ApiClient.anonymous(
                "POST", "/auth/login", "{\"email\":\"" + email + "\",\"password\":\"password-target\"}");

        assertProblem(refused, 429);
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
    }

    @Test
    void profileCanBeReadAndRenamed() {
        ApiClient user = ApiClient.newUser("Farah");

        HttpResponse<String> renamed = user.patch("/me", "{\"name\":\"  Farah N.  \"}");

        assertThat(renamed.statusCode()).isEqualTo(200);
        JsonObject me = Http.json(user.get("/me"));
        assertThat(me.getString("name")).isEqualTo("Farah N.");
        assertThat(me.getString("email")).isEqualTo(user.email());
    }

    @Test
    void theAccountAsGetShowedItCanBeSentBackWithANewName() {
        ApiClient user = ApiClient.newUser("Round Trip");
        JsonObject me = Http.json(user.get("/me"));
        JsonObject changed = Json.createObjectBuilder(me)
                .add("name", "Round Trip, renamed")
                .add("email", "someone-else@example.com")
                .add("createdAt", "2020-01-01T00:00:00Z")
                .build();

        HttpResponse<String> renamed = user.patch("/me", changed.toString());

        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        JsonObject after = Http.json(user.get("/me"));
        assertThat(after.getString("name")).isEqualTo("Round Trip, renamed");
        assertThat(after.getString("email")).isEqualTo(me.getString("email"));
        assertThat(after.getString("createdAt")).isEqualTo(me.getString("createdAt"));
        JsonObject otherId = assertProblem(
                user.patch("/me", "{\"id\":\"6b1f0f5e-0000-4000-8000-000000000000\",\"name\":\"Impostor\"}"), 400);
        assertThat(fieldsAtFault(otherId)).containsExactly("id");
        assertThat(Http.json(user.get("/me")).getString("name")).isEqualTo("Round Trip, renamed");
    }

    @Test
    void passwordChangeNeedsTheCurrentPassword() {
        ApiClient user = ApiClient.newUser("Gul");

        JsonObject problem = assertProblem(
                user.post("/me/password", "{\"currentPassword\":\"not-it-at-all\",\"newPassword\":\"brand-new-pass\"}"),
                400);
        assertThat(fieldsAtFault(problem)).containsExactly("currentPassword");

        assertThat(user.post(
                                "/me/password",
                                "{\"currentPassword\":\"password-Gul\",\"newPassword\":\"brand-new-pass\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(ApiClient.anonymous(
                                "POST",
                                "/auth/login",
                                "{\"email\":\"" + user.email() + "\",\"password\":\"brand-new-pass\"}")
                        .statusCode())
                .isEqualTo(200);
        assertProblem(
                ApiClient.anonymous(
                        "POST", "/auth/login", "{\"email\":\"" + user.email() + "\",\"password\":\"password-Gul\"}"),
                401);
    }

    @Test
    void signingOutEndsThatTokenAtOnceAndNoOther() {
        ApiClient laptop = ApiClient.newUser("Iqbal");
        ApiClient phone = signIn(laptop.email(), "password-Iqbal");

        assertThat(laptop.post("/auth/logout", null).statusCode()).isEqualTo(204);

        JsonObject refused = assertProblem(laptop.get("/tasks"), 401);
        assertThat(refused.getString("detail")).contains("Sign in again");
        assertProblem(laptop.post("/auth/logout", null), 401);
        assertThat(phone.get("/tasks").statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEverywhereEndsEveryTokenOfTheAccountOnly() {
        ApiClient laptop = ApiClient.newUser("Javed");
        ApiClient phone = signIn(laptop.email(), "password-Javed");
        ApiClient someoneElse = ApiClient.newUser("Kiran");

        assertThat(phone.post("/auth/logout?everywhere=true", null).statusCode())
                .isEqualTo(204);

        assertProblem(laptop.get("/me"), 401);
        assertProblem(phone.get("/me"), 401);
        assertThat(someoneElse.get("/me").statusCode()).isEqualTo(200);
        assertThat(signIn(laptop.email(), "password-Javed").get("/me").statusCode())
                .isEqualTo(200);
    }

    @Test
    void changingThePasswordEndsEveryOtherTokenAndAnswersWithANewOne() {
        ApiClient laptop = ApiClient.newUser("Laila");
        ApiClient phone = signIn(laptop.email(), "password-Laila");

        HttpResponse<String> changed = laptop.post(
                "/me/password", "{\"currentPassword\":\"password-Laila\",\"newPassword\":\"new-pass-Laila\"}");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertProblem(phone.get("/me"), 401);
        assertProblem(laptop.get("/me"), 401);
        ApiClient renewed = ApiClient.withToken(Http.json(changed).getString("token"));
        assertThat(renewed.get("/me").statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutWithoutATokenIsRefused() {
        assertProblem(ApiClient.anonymous("POST", "/auth/logout", null), 401);
    }

    @Test
    void failedSignInsWithUnknownEmailsNeverLockOutAnotherAccount() {
        String email = uniqueEmail("mehreen");
        ApiClient.signUp("Mehreen", email, "password-mehreen");
        for (int attempt = 0; attempt < 12; attempt++) {
            assertProblem(
                    ApiClient.anonymous(
                            "POST",
                            "/auth/login",
                            "{\"email\":\"" + uniqueEmail("nobody") + "\",\"password\":\"guess-guess\"}"),
                    401);
        }

        assertThat(signIn(email, "password-mehreen").get("/me").statusCode()).isEqualTo(200);
    }

    @Test
    void deletingTheAccountRemovesItsTasksAndRetiresItsToken() {
        ApiClient user = ApiClient.newUser("Hina");
        String taskId = user.createTask("Gone soon", "").getString("id");

        assertProblem(user.send("DELETE", "/me", "{\"password\":\"not-hers\"}"), 400);
        assertThat(user.get("/tasks/" + taskId).statusCode()).isEqualTo(200);
        assertThat(user.send("DELETE", "/me", "{\"password\":\"password-Hina\"}")
                        .statusCode())
                .isEqualTo(204);

        assertProblem(user.get("/me"), 401);
        assertProblem(user.get("/tasks/" + taskId), 401);
        assertProblem(user.post("/tasks", "{\"title\":\"ghost\"}"), 401);
        assertProblem(
                ApiClient.anonymous(
                        "POST", "/auth/login", "{\"email\":\"" + user.email() + "\",\"password\":\"password-Hina\"}"),
                401);
    }
}
