package dev.todo.api.transfer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * An uploaded file as text. It must be UTF-8 (a byte-order mark is allowed and dropped); anything else is refused
 * with the line of the first byte that is not, never read with replacement characters.
 */
final class ImportText {

    private ImportText() {}

    /** The text, or why the bytes are not UTF-8 text, naming the line. */
    static Result decode(byte[] bytes) {
        if (bytes.length >= 2
                && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                        || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            return Result.refused("file", "the file is UTF-16 text; save it as UTF-8 and import it again");
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
                ? 3
                : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            CharBuffer text = decoder.decode(input);
            return new Result(text.toString(), null, null);
        } catch (MalformedInputException e) {
            int at = badByte(bytes, start);
            return Result.refused(
                    "line " + line(bytes, at),
                    "the file is not UTF-8 text (byte 0x" + String.format("%02X", bytes[at] & 0xff) + " at byte " + at
                            + " cannot start or continue a UTF-8 character); save it as UTF-8 and import it again");
        } catch (CharacterCodingException e) {
            return Result.refused("file", "the file is not UTF-8 text; save it as UTF-8 and import it again");
        }
    }

    record Result(String text, String where, String problem) {
        static Result refused(String where, String problem) {
            return new Result(null, where, problem);
        }
    }

    /** The offset of the first byte a strict decoder stops at. */
    private static int badByte(byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer output = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(input, output, true);
        return Math.min(input.position(), bytes.length - 1);
    }

    private static int line(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
