package dev.todo.api.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConversationTitleTest {

    @Test
    void aShortFirstMessageIsTheTitle() {
        assertThat(ConversationService.titleFrom("  Add buy milk\nfor tomorrow "))
                .isEqualTo("Add buy milk for tomorrow");
    }

    @Test
    void aLongFirstMessageIsCutAtAWord() {
        String title = ConversationService.titleFrom(
                "Please add a task to call the plumber about the leaking kitchen " + "tap before the weekend");
        assertThat(title)
                .hasSizeLessThanOrEqualTo(ConversationService.TITLE_LENGTH + 1)
                .endsWith("…")
                .startsWith("Please add a task to call the plumber about the leaking");
    }

    @Test
    void urduIsKeptAsWritten() {
        assertThat(ConversationService.titleFrom("کل صبح دودھ خریدنا یاد دلانا"))
                .isEqualTo("کل صبح دودھ خریدنا یاد دلانا");
    }
}
