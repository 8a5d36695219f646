package dev.todo.web.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventRelayTest {

    private final StringWriter written = new StringWriter();
    private final AtomicInteger flushes = new AtomicInteger();
    private final EventRelay relay = new EventRelay(new PrintWriter(written), flushes::incrementAndGet);

    @Test
    void eventsPassUnchangedOneFlushEach() throws IOException {
        relay.relay(stream("event: conversation\ndata: {\"conversationId\":\"c1\"}\n\n"
                + "event: text\ndata: {\"delta\":\"Hi <b>\"}\n\n"
                + "event: done\ndata: {\"conversationId\":\"c1\",\"reply\":\"Hi <b>\",\"toolCalls\":[]}\n\n"));

        assertThat(written.toString())
                .isEqualTo("event: conversation\ndata: {\"conversationId\":\"c1\"}\n\n"
                        + "event: text\ndata: {\"delta\":\"Hi <b>\"}\n\n"
                        + "event: done\ndata: {\"conversationId\":\"c1\",\"reply\":\"Hi <b>\",\"toolCalls\":[]}\n\n");
        assertThat(flushes).hasValue(3);
    }

    @Test
    void anErrorEventBecomesTheSentenceThePageShows() throws IOException {
        relay.relay(stream("event: error\ndata: {\"title\":\"Assistant unavailable\",\"status\":502,"
                + "\"detail\":\"The model provider had an error.\"}\n\n"));

        assertThat(written.toString())
                .isEqualTo(
                        "event: error\n"
                                + "data: {\"message\":\"The assistant could not answer. The model provider had an error.\"}\n\n");
    }

    @Test
    void aStreamThatEndsWithoutDoneOrErrorIsReportedAsCutOff() throws IOException {
        relay.relay(stream("event: text\ndata: {\"delta\":\"Hal\"}\n\n"));

        assertThat(written.toString())
                .endsWith("event: error\ndata: {\"message\":\"" + AssistantMessages.CUT_OFF + "\"}\n\n");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
