package dev.todo.web.config;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * {@code AUTH_SECRET} (or the seed's {@code BETTER_AUTH_SECRET}), shared by the api and web servers. The web server
 * never sees a token's signature checked here; it derives the keys that protect the Faces view state from it, so
 * that every web replica can read the pages any other replica rendered.
 */
public final class AuthSecret {

    /** The same minimum as the API's: an HS256 key at least as long as its output. */
    public static final int MINIMUM_BYTES = 32;

    private final Optional<String> value;

    private AuthSecret(Optional<String> value) {
        this.value = value;
    }

    public static AuthSecret from(Config config) {
        return new AuthSecret(usable(config.getOptionalValue("AUTH_SECRET", String.class))
                .or(() -> usable(config.getOptionalValue("BETTER_AUTH_SECRET", String.class))));
    }

    /** Why the secret cannot be used, or empty when it is fine. */
    public Optional<String> problem() {
        if (value.isEmpty()) {
            return Optional.of("AUTH_SECRET (or BETTER_AUTH_SECRET) is not set");
        }
        int length = value.get().getBytes(StandardCharsets.UTF_8).length;
        if (length < MINIMUM_BYTES) {
            return Optional.of("AUTH_SECRET is " + length + " bytes long; it must be at least " + MINIMUM_BYTES);
        }
        return Optional.empty();
    }

    /** The key bytes, when {@link #problem()} is empty. */
    public Optional<byte[]> keyBytes() {
        return problem().isPresent() ? Optional.empty() : value.map(v -> v.getBytes(StandardCharsets.UTF_8));
    }

    /** An unresolved server.xml reference such as "${BETTER_AUTH_SECRET}" counts as unset. */
    private static Optional<String> usable(Optional<String> value) {
        return value.filter(v -> !v.isBlank() && !v.contains("${"));
    }
}
