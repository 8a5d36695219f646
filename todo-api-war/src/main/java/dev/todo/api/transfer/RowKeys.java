package dev.todo.api.transfer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The key of a source row, by which an import knows it has seen the row before: the id an export gave the task or
 * conversation, or for a row without one (Todoist's, a hand-made CSV) a SHA-256 digest of what it says.
 */
final class RowKeys {

    private RowKeys() {}

    static String task(UUID id) {
        return "task:" + id;
    }

    static String conversation(UUID id) {
        return "conversation:" + id;
    }

    static String digest(String kind, List<String> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return kind + ":" + HexFormat.of().formatHex(sha.digest()).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
