package dev.todo.api.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HS256 key that signs and verifies tokens: {@code AUTH_SECRET}, or the seed's {@code BETTER_AUTH_SECRET}.
 * Its HMAC signs tokens ({@code TokenIssuer}), verifies them ({@code TokenVerifier}) and signs calendar feed URLs
 * ({@code FeedKeys}); the only Java code that reads it.
 */
@ApplicationScoped
public class AuthSecret {

    /** HS256 needs a key at least as long as its 256-bit output. */
    public static final int MINIMUM_BYTES = 32;

    @Inject
    @ConfigProperty(name = "AUTH_SECRET")
    Optional<String> authSecret;

    @Inject
    @ConfigProperty(name = "BETTER_AUTH_SECRET")
    Optional<String> betterAuthSecret;

    private volatile SecretKeySpec key;

    /** Why the secret cannot be used, or empty when it is fine. */
    public Optional<String> problem() {
        Optional<String> value = value();
        if (value.isEmpty()) {
            return Optional.of("AUTH_SECRET (or BETTER_AUTH_SECRET) is not set");
        }
        int length = value.get().getBytes(StandardCharsets.UTF_8).length;
        if (length < MINIMUM_BYTES) {
            return Optional.of("AUTH_SECRET is " + length + " bytes long; it must be at least " + MINIMUM_BYTES);
        }
        return Optional.empty();
    }

    /** The key bytes; only call when {@link #problem()} is empty. */
    public byte[] keyBytes() {
        return value().orElseThrow(() -> new IllegalStateException(problem().orElseThrow()))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** HMAC-SHA256 of the parts, one after the other, under this key; only call when {@link #problem()} is empty. */
    public byte[] hmacSha256(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            current = new SecretKeySpec(keyBytes(), "HmacSHA256");
            key = current;
        }
        return current;
    }

    private Optional<String> value() {
        return usable(authSecret).or(() -> usable(betterAuthSecret));
    }

    /** An unresolved server.xml reference such as "${BETTER_AUTH_SECRET}" counts as unset. */
    private static Optional<String> usable(Optional<String> value) {
        return value.filter(v -> !v.isBlank() && !v.contains("${"));
    }
}
