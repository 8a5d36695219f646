package dev.todo.api.calendar;

import dev.todo.api.config.AuthSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The secret part of a feed URL: the feed's id and an HMAC-SHA256 of it under {@code AUTH_SECRET} (128 bits of it),
 * in 43 URL-safe characters. Nothing secret is stored, the owner can be shown the URL again, a guessed or altered
 * one fails the signature before any query, and a new feed id (a new link) ends the old URL.
 */
@ApplicationScoped
public class FeedKeys {

    private static final int ID_BYTES = 16;
    private static final int SIGNATURE_BYTES = 16;
    private static final byte[] PURPOSE = "todo calendar feed v1:".getBytes(StandardCharsets.US_ASCII);

    @Inject
    AuthSecret secret;

    public String keyOf(UUID feedId) {
        ByteBuffer bytes = ByteBuffer.allocate(ID_BYTES + SIGNATURE_BYTES);
        bytes.put(idBytes(feedId)).put(signature(feedId));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The feed id a key names, if its signature holds. */
    public Optional<UUID> feedOf(String key) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != ID_BYTES + SIGNATURE_BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        byte[] given = Arrays.copyOfRange(bytes, ID_BYTES, bytes.length);
        return MessageDigest.isEqual(given, signature(id)) ? Optional.of(id) : Optional.empty();
    }

    private byte[] signature(UUID feedId) {
        return Arrays.copyOf(secret.hmacSha256(PURPOSE, idBytes(feedId)), SIGNATURE_BYTES);
    }

    private static byte[] idBytes(UUID id) {
        return ByteBuffer.allocate(ID_BYTES)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
