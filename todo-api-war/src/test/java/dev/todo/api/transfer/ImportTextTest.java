package dev.todo.api.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImportTextTest {

    @Test
    void utf8WithOrWithoutAByteOrderMarkIsRead() {
        assertThat(ImportText.decode("\uFEFFچائے,tea".getBytes(StandardCharsets.UTF_8))
                        .text())
                .isEqualTo("چائے,tea");
    }

    @Test
    void otherBytesAreRefusedNamingTheLine() {
        ImportText.Result result = ImportText.decode("one\ntwo\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(result.text()).isNull();
        assertThat(result.where()).isEqualTo("line 3");
        assertThat(result.problem()).contains("0xE9");
    }

    @Test
    void utf16IsRecognisedAndRefused() {
        assertThat(ImportText.decode("title".getBytes(StandardCharsets.UTF_16)).problem())
                .contains("UTF-16");
    }
}
