package dev.todo.api.security;

import static dev.todo.api.json.SharedJsonProvider.JSON;

import dev.todo.api.config.AuthSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies the bearer JWTs {@code TokenIssuer} signs: HS256 with {@code AUTH_SECRET}, this issuer and audience, within
 * its {@code nbf}/{@code exp} (30 s of clock skew), in the {@code user} group. It replaces Liberty's MicroProfile JWT,
 * which wrote every token whose signature did not match, claims and all, into messages.log and an FFDC report (a
 * token from before a secret rotation carries the user's email), and cost about a sixth of a list request's CPU
 * (perf/HISTORY.md). A refused token is never logged; the caller gets a plain reason.
 */
@ApplicationScoped
public class TokenVerifier {

    /** A token that passed: whom it speaks for and which session it names. */
    public record Verified(UUID accountId, UUID sessionId) {}

    /** The outcome: the verified token, or why it was refused. */
    public record Outcome(Verified token, String refusal) {

        static Outcome refused(String why) {
            return new Outcome(null, why);
        }
    }

    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final String BEARER = "bearer ";
    private static final String EXPECTED_HEADER = "HS256";
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
    private static final JsonString USER_GROUP = JSON.createValue("user");

    @Inject
    AuthSecret secret;

    @Inject
    @ConfigProperty(name = "JWT_ISSUER", defaultValue = "todo-on-liberty")
    String issuer;

    @Inject
    @ConfigProperty(name = "JWT_AUDIENCE", defaultValue = "todo-api")
    String audience;

    Clock clock = Clock.systemUTC();

    /** Checks the {@code Authorization} header's bearer token; empty when the request sent none. */
    public Optional<Outcome> verify(String authorization) {
        if (authorization == null
                || authorization.length() < BEARER.length()
                || !authorization
                        .substring(0, BEARER.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(BEARER)) {
            return Optional.empty();
        }
        return Optional.of(verifyToken(authorization.substring(BEARER.length()).strip()));
    }

    Outcome verifyToken(String token) {
        if (secret.problem().isPresent()) {
            return Outcome.refused("This server has no usable AUTH_SECRET, so it cannot accept any token.");
        }
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
            return Outcome.refused("The token is not a JWT.");
        }
        Optional<JsonObject> header = json(token.substring(0, first));
        Optional<JsonObject> claims = json(token.substring(first + 1, second));
        if (header.isEmpty() || claims.isEmpty()) {
            return Outcome.refused("The token is not a JWT.");
        }
        if (!EXPECTED_HEADER.equals(string(header.get(), "alg"))) {
            return Outcome.refused("The token is not signed with HS256.");
        }
        byte[] signature;
        try {
            signature = BASE64URL.decode(token.substring(second + 1));
        } catch (IllegalArgumentException e) {
            return Outcome.refused("The token's signature is not valid.");
        }
        byte[] expected = secret.hmacSha256(token.substring(0, second).getBytes(StandardCharsets.US_ASCII));
        if (!MessageDigest.isEqual(expected, signature)) {
            return Outcome.refused("The token's signature is not valid: it was not issued by this server.");
        }
        return checkClaims(claims.get());
    }

    private Outcome checkClaims(JsonObject claims) {
        if (!issuer.equals(string(claims, "iss"))) {
            return Outcome.refused("The token was issued by someone else.");
        }
        if (!audienceMatches(claims.get("aud"))) {
            return Outcome.refused("The token is not meant for this API.");
        }
        long now = clock.instant().getEpochSecond();
        Long expires = seconds(claims, "exp");
        if (expires == null || expires + CLOCK_SKEW.toSeconds() <= now) {
            return Outcome.refused("The token has expired. Sign in again.");
        }
        Long notBefore = seconds(claims, "nbf");
        Long issuedAt = seconds(claims, "iat");
        if ((notBefore != null && notBefore - CLOCK_SKEW.toSeconds() > now)
                || (issuedAt != null && issuedAt - CLOCK_SKEW.toSeconds() > now)) {
            return Outcome.refused("The token is not valid yet.");
        }
        if (!(claims.get("groups") instanceof JsonArray groups) || !groups.contains(USER_GROUP)) {
            return Outcome.refused("The token does not grant access to tasks.");
        }
        Optional<UUID> account = uuid(string(claims, "sub"));
        if (account.isEmpty()) {
            return Outcome.refused("The token does not name an account.");
        }
        Optional<UUID> session = uuid(string(claims, "jti"));
        if (session.isEmpty()) {
            return Outcome.refused("The token names no session (jti); sign in again for a new one.");
        }
        return new Outcome(new Verified(account.get(), session.get()), null);
    }

    private boolean audienceMatches(JsonValue value) {
        if (value instanceof JsonString single) {
            return audience.equals(single.getString());
        }
        return value instanceof JsonArray several && several.contains(JSON.createValue(audience));
    }

    private static Optional<JsonObject> json(String part) {
        try (JsonReader reader =
                JSON.createReader(new StringReader(new String(BASE64URL.decode(part), StandardCharsets.UTF_8)))) {
            return Optional.of(reader.readObject());
        } catch (IllegalArgumentException | JsonException e) {
            return Optional.empty();
        }
    }

    private static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString value ? value.getString() : null;
    }

    private static Long seconds(JsonObject object, String name) {
        return object.get(name) instanceof JsonNumber value ? value.longValue() : null;
    }

    private static Optional<UUID> uuid(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
