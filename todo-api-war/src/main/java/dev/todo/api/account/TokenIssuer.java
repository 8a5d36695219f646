package dev.todo.api.account;

import static dev.todo.api.json.SharedJsonProvider.JSON;

import dev.todo.api.config.AuthSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs HS256 tokens that {@code TokenVerifier} (the same secret, issuer and audience) verifies on every protected
 * call. Each token names its {@link AuthSession} in {@code jti}, which is what lets a
 * token be revoked before it expires.
 */
@ApplicationScoped
public class TokenIssuer {

    public record IssuedToken(String token, Instant expiresAt) {}

    static final int NO_EXPIRY_YEARS = 100;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    AuthSecret secret;

    @Inject
    @ConfigProperty(name = "JWT_ISSUER", defaultValue = "todo-on-liberty")
    String issuer;

    @Inject
    @ConfigProperty(name = "JWT_AUDIENCE", defaultValue = "todo-api")
    String audience;

    @Inject
    @ConfigProperty(name = "TOKEN_TTL", defaultValue = "PT12H")
    Duration lifetime;

    /** When a token issued now expires: whole seconds, as the token's {@code exp} counts them. */
    public Instant expiryFrom(Instant now) {
        return now.plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
    }

    public IssuedToken issue(User user, AuthSession session) {
        Instant expires = session.getExpiresAt();
        JsonObject claims = claims(user.getId(), session, expires)
                .add("upn", user.getEmail())
                .add("name", user.getName())
                .build();
        return new IssuedToken(signed(claims), expires);
    }

    /**
     * A personal access token: a JWT like any other, so that it is verified on REST and MCP alike, but
     * carrying no name or email (it is pasted into configuration files). One without an expiry gets an {@code exp}
     * {@value #NO_EXPIRY_YEARS} years ahead, as the claim is required; its session row, with no expiry, is what
     * counts. {@code expiresAt} of the answer is then null.
     */
    public IssuedToken issuePersonal(UUID accountId, AuthSession session) {
        Instant expires = session.getExpiresAt();
        Instant exp = expires != null
                ? expires
                : session.getCreatedAt()
                        .atZone(ZoneOffset.UTC)
                        .plusYears(NO_EXPIRY_YEARS)
                        .toInstant();
        JsonObject claims = claims(accountId, session, exp)
                .add("scope", session.getScope().value())
                .build();
        return new IssuedToken(signed(claims), expires);
    }

    private JsonObjectBuilder claims(UUID accountId, AuthSession session, Instant expires) {
        return JSON.createObjectBuilder()
                .add("iss", issuer)
                .add("aud", audience)
                .add("sub", accountId.toString())
                .add("groups", JSON.createArrayBuilder().add("user"))
                .add("iat", session.getCreatedAt().getEpochSecond())
                .add("exp", expires.getEpochSecond())
                .add("jti", session.getId().toString());
    }

    private String signed(JsonObject claims) {
        String header = JSON.createObjectBuilder()
                .add("alg", "HS256")
                .add("typ", "JWT")
                .build()
                .toString();
        String unsigned = encode(header) + "." + encode(claims.toString());
        return unsigned + "."
                + BASE64URL.encodeToString(secret.hmacSha256(unsigned.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
