package dev.todo.api.account;

import dev.todo.api.config.AuthSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs HS256 tokens that MicroProfile JWT (configured in server.xml with the same secret, issuer and audience)
 * verifies on every protected call. Each token names its {@link AuthSession} in {@code jti}, which is what lets a
 * token be revoked before it expires.
 */
@ApplicationScoped
public class TokenIssuer {

    public record IssuedToken(String token, Instant expiresAt) {}

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
        Instant now = session.getCreatedAt();
        Instant expires = session.getExpiresAt();
        String header = Json.createObjectBuilder()
                .add("alg", "HS256")
                .add("typ", "JWT")
                .build()
                .toString();
        String claims = Json.createObjectBuilder()
                .add("iss", issuer)
                .add("aud", audience)
                .add("sub", user.getId().toString())
                .add("upn", user.getEmail())
                .add("name", user.getName())
                .add("groups", Json.createArrayBuilder().add("user"))
                .add("iat", now.getEpochSecond())
                .add("exp", expires.getEpochSecond())
                .add("jti", session.getId().toString())
                .build()
                .toString();
        String unsigned = encode(header) + "." + encode(claims);
        return new IssuedToken(unsigned + "." + BASE64URL.encodeToString(sign(unsigned)), expires);
    }

    private byte[] sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.keyBytes(), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
