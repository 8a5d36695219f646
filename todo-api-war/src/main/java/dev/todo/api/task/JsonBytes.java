package dev.todo.api.task;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * A JSON text built straight into UTF-8 bytes, for {@link TaskJsonWriter}. Strings are escaped as JSON-P's generator
 * (Parsson) escapes them, which is what JSON-B writes too: quote, backslash and the control characters below U+0020
 * ({@code \b \f \n \r \t}, the rest as {@code \}{@code u00xx}), everything else as it is; a lone surrogate becomes
 * {@code ?}, as the JDK's UTF-8 encoder writes it. The caller writes the punctuation.
 */
final class JsonBytes {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int length;

    JsonBytes(int expectedLength) {
        bytes = new byte[expectedLength];
    }

    /** Text known to be ASCII and to need no escaping: names, punctuation, enum constants and numbers. */
    JsonBytes ascii(String text) {
        int n = text.length();
        room(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    JsonBytes ascii(char c) {
        room(1);
        bytes[length++] = (byte) c;
        return this;
    }

    JsonBytes number(long value) {
        return ascii(Long.toString(value));
    }

    /** An instant in quotes, as {@link Instant#toString()} writes it, or null. */
    JsonBytes instant(Instant value) {
        if (value == null) {
            return ascii("null");
        }
        room(InstantText.MAX_LENGTH + 2);
        bytes[length] = '"';
        int end = InstantText.write(value, bytes, length + 1);
        if (end < 0) {
            length++;
            return ascii(value.toString()).ascii('"');
        }
        bytes[end] = '"';
        length = end + 1;
        return this;
    }

    /** A string value in quotes, escaped, or null. */
    JsonBytes string(String text) {
        if (text == null) {
            return ascii("null");
        }
        int n = text.length();
        room(6 * n + 2); // at most six bytes a char (an escape), and UTF-8 takes at most three
        bytes[length++] = '"';
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                int end = i + 1;
                while (end < n && text.charAt(end) >= 0x80) {
                    end++;
                }
                byte[] utf8 = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(utf8, 0, bytes, length, utf8.length);
                length += utf8.length;
                i = end - 1;
            } else if (c >= 0x20 && c != '"' && c != '\\') {
                bytes[length++] = (byte) c;
            } else {
                escape(c);
            }
        }
        bytes[length++] = '"';
        return this;
    }

    private void escape(char c) {
        bytes[length++] = '\\';
        switch (c) {
            case '"', '\\' -> bytes[length++] = (byte) c;
            case '\b' -> bytes[length++] = 'b';
            case '\f' -> bytes[length++] = 'f';
            case '\n' -> bytes[length++] = 'n';
            case '\r' -> bytes[length++] = 'r';
            case '\t' -> bytes[length++] = 't';
            default -> {
                bytes[length++] = 'u';
                bytes[length++] = '0';
                bytes[length++] = '0';
                bytes[length++] = HEX[c >> 4];
                bytes[length++] = HEX[c & 0xf];
            }
        }
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    private void room(int more) {
        if (bytes.length - length < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
