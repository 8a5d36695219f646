package dev.todo.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.api.config.AuthSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

    private static final String KEY = "a-key-for-the-verifier-test-of-32-bytes-or-more";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final UUID ACCOUNT = UUID.fromString("0b6f3c52-6a8e-4c35-9a59-0f5c9a1c3e11");
    private static final UUID SESSION = UUID.fromString("1c7a4d63-7b9f-4d46-8b6a-1a6d8b2d4f22");
    private static final String HS256 = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private final TokenVerifier verifier = verifier(KEY);

    @Test
    void aTokenSignedHereForThisApiIsAccepted() {
        TokenVerifier.Outcome outcome = verifier.verifyToken(signed(HS256, claims(""), KEY));

        assertThat(outcome.refusal()).isNull();
        assertThat(outcome.token()).isEqualTo(new TokenVerifier.Verified(ACCOUNT, SESSION));
        assertThat(verifier.verifyToken(signed(HS256, claims("").replace("\"todo-api\"", "[\"x\",\"todo-api\"]"), KEY))
                        .token())
                .isNotNull();
    }

    @Test
    void onlyABearerHeaderIsLookedAt() {
        String token = signed(HS256, claims(""), KEY);

        assertThat(verifier.verify(null)).isEmpty();
        assertThat(verifier.verify("Basic dXNlcjpwYXNz")).isEmpty();
        assertThat(verifier.verify("bearer " + token).map(TokenVerifier.Outcome::token))
                .isPresent();
    }

    @Test
    void aWrongSignatureOrAlgorithmIsRefused() {
        assertRefused(signed(HS256, claims(""), "another-key-that-is-long-enough-for-hs256"), "signature");
        assertRefused(signed("{\"alg\":\"none\"}", claims(""), KEY), "HS256");
        String good = signed(HS256, claims(""), KEY);
        assertRefused(good.substring(0, good.lastIndexOf('.') + 1), "signature");
        assertRefused(good.substring(0, good.lastIndexOf('.') + 1) + "!!!", "signature");
    }

    @Test
    void claimsOutsideWhatThisServerIssuesAreRefused() {
        assertRefused(signed(HS256, claims("").replace("todo-on-liberty", "elsewhere"), KEY), "someone else");
        assertRefused(signed(HS256, claims("").replace("\"todo-api\"", "\"other-api\""), KEY), "not meant");
        assertRefused(signed(HS256, claims("").replace("\"todo-api\"", "[\"x\",\"other-api\",1]"), KEY), "not meant");
        assertRefused(signed(HS256, claims("").replace("[\"user\"]", "[\"admin\"]"), KEY), "grant");
        assertRefused(signed(HS256, claims("").replace(ACCOUNT.toString(), "root"), KEY), "account");
        assertRefused(signed(HS256, claims("").replace(",\"jti\":\"" + SESSION + "\"", ""), KEY), "session");
    }

    @Test
    void timesAreCheckedWithThirtySecondsOfSkew() {
        long now = NOW.getEpochSecond();
        assertRefused(
                signed(HS256, claims("").replace("\"exp\":" + (now + 3600), "\"exp\":" + (now - 31)), KEY), "expired");
        assertThat(verifier.verifyToken(signed(
                                HS256, claims("").replace("\"exp\":" + (now + 3600), "\"exp\":" + (now - 29)), KEY))
                        .token())
                .isNotNull();
        assertRefused(signed(HS256, claims(",\"nbf\":" + (now + 31)), KEY), "not valid yet");
        assertRefused(signed(HS256, claims("").replace("\"exp\":" + (now + 3600), "\"iat\":1"), KEY), "expired");
    }

    @Test
    void whatIsNotAJwtIsRefusedPlainly() {
        assertRefused("not.a.jwt", "not a JWT");
        assertRefused("only-one-part", "not a JWT");
        assertRefused("a.b.c.d", "not a JWT");
        assertRefused(encode("[1]") + "." + encode("{}") + ".x", "not a JWT");
    }

    @Test
    void withoutAUsableSecretEveryTokenIsRefused() {
        TokenVerifier unconfigured = verifier("short");

        assertThat(unconfigured.verifyToken(signed(HS256, claims(""), "short")).refusal())
                .contains("AUTH_SECRET");
    }

    private void assertRefused(String token, String because) {
        TokenVerifier.Outcome outcome = verifier.verifyToken(token);
        assertThat(outcome.token()).isNull();
        assertThat(outcome.refusal()).contains(because);
    }

    private static String claims(String more) {
        long now = NOW.getEpochSecond();
        return "{\"iss\":\"todo-on-liberty\",\"aud\":\"todo-api\",\"sub\":\"" + ACCOUNT + "\",\"groups\":[\"user\"],"
                + "\"iat\":" + (now - 60) + ",\"exp\":" + (now + 3600) + ",\"jti\":\"" + SESSION + "\"" + more + "}";
    }

    private static String signed(String header, String claims, String key) {
        String content = encode(header) + "." + encode(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return content + "."
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(mac.doFinal(content.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static TokenVerifier verifier(String key) {
        TokenVerifier verifier = new TokenVerifier();
        verifier.secret = new AuthSecret() {
            @Override
            public Optional<String> problem() {
                return key.length() < MINIMUM_BYTES ? Optional.of("AUTH_SECRET is too short") : Optional.empty();
            }

            @Override
            public byte[] keyBytes() {
                return key.getBytes(StandardCharsets.UTF_8);
            }
        };
        verifier.issuer = "todo-on-liberty";
        verifier.audience = "todo-api";
        verifier.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return verifier;
    }
}
