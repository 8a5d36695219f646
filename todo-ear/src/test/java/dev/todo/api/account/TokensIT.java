package dev.todo.api.account;

import static dev.todo.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Tokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Only tokens the API issued, unexpired, of a session still open (so of an existing account), get in; everything else
 * is 401 problem+json.
 */
class TokensIT {

    private static ApiClient user;

    @BeforeAll
    static void signUp() {
        user = ApiClient.newUser("Token Owner");
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static void assertRefused(String token) {
        HttpResponse<String> response = ApiClient.withToken(token).get("/tasks");
        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void issuedTokenIsAccepted() {
        assertThat(user.get("/tasks").statusCode()).isEqualTo(200);
    }

    @Test
    void missingTokenIsRefused() {
        assertProblem(ApiClient.anonymous("GET", "/tasks", null), 401);
    }

    @Test
    void malformedTokenIsRefused() {
        assertRefused("not.a.jwt");
    }

    @Test
    void expiredTokenIsRefused() {
        assertRefused(Tokens.hs256(
                Tokens.claims(user.userId(), "todo-on-liberty", "todo-api", now() - 7200, now() - 3600),
                Tokens.TEST_SERVER_SECRET));
    }

    @Test
    void tokenNotYetValidIsRefused() {
        long later = now() + 3600;
        assertRefused(Tokens.hs256(
                "{\"iss\":\"todo-on-liberty\",\"aud\":\"todo-api\",\"sub\":\"" + user.userId()
                        + "\",\"upn\":\"someone@example.com\",\"groups\":[\"user\"],\"iat\":" + later + ",\"nbf\":"
                        + later
                        + ",\"exp\":" + (later + 3600) + "}",
                Tokens.TEST_SERVER_SECRET));
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() {
        assertRefused(Tokens.hs256(
                Tokens.claims(user.userId(), "todo-on-liberty", "todo-api", now(), now() + 3600),
                "some-other-secret-that-is-long-enough-to-sign"));
    }

    @Test
    void unsignedTokenIsRefused() {
        assertRefused(
                Tokens.unsigned(Tokens.claims(user.userId(), "todo-on-liberty", "todo-api", now(), now() + 3600)));
    }

    @Test
    void wrongIssuerOrAudienceIsRefused() {
        assertRefused(Tokens.hs256(
                Tokens.claims(user.userId(), "someone-else", "todo-api", now(), now() + 3600),
                Tokens.TEST_SERVER_SECRET));
        assertRefused(Tokens.hs256(
                Tokens.claims(user.userId(), "todo-on-liberty", "another-api", now(), now() + 3600),
                Tokens.TEST_SERVER_SECRET));
    }

    @Test
    void tamperedClaimsAreRefused() {
        String[] parts = user.token().split("\\.");
        String otherClaims = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Tokens.claims(
                                "00000000-0000-0000-0000-000000000001",
                                "todo-on-liberty",
                                "todo-api",
                                now(),
                                now() + 3600)
                        .getBytes(StandardCharsets.UTF_8));
        assertRefused(parts[0] + "." + otherClaims + "." + parts[2]);
    }

    @Test
    void correctlySignedTokenWithoutASessionIsRefused() {
        assertRefused(Tokens.hs256(
                Tokens.claims(user.userId(), "todo-on-liberty", "todo-api", now(), now() + 3600),
                Tokens.TEST_SERVER_SECRET));
    }

    @Test
    void correctlySignedTokenNamingASessionThatWasNeverOpenedIsRefused() {
        String claims = Tokens.claims(user.userId(), "todo-on-liberty", "todo-api", now(), now() + 3600);
        assertRefused(Tokens.hs256(
                claims.replaceFirst("\\}$", ",\"jti\":\"" + UUID.randomUUID() + "\"}"), Tokens.TEST_SERVER_SECRET));
    }

    @Test
    void aSignedOutTokenIsRefused() {
        ApiClient leaving = ApiClient.newUser("Token Leaver");
        leaving.post("/auth/logout", null);

        assertRefused(leaving.token());
    }

    @Test
    void correctlySignedTokenForAnAccountThatDoesNotExistIsRefused() {
        assertRefused(Tokens.hs256(
                Tokens.claims(
                        "00000000-0000-0000-0000-000000000002", "todo-on-liberty", "todo-api", now(), now() + 3600),
                Tokens.TEST_SERVER_SECRET));
    }
}
