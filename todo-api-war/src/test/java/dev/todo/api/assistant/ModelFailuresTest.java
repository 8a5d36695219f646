package dev.todo.api.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.errors.OpenAIIoException;
import dev.todo.api.config.AssistantSettings;
import dev.todo.api.problem.ProblemException;
import java.io.EOFException;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ModelFailuresTest {

    private static final String KEY = "fake-provider-key-used-only-by-this-test";

    @Test
    void theLogNamesEveryCauseButNeverTheKey() {
        List<String> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(MessageFormat.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger(ModelFailures.class.getName());
        log.addHandler(handler);
        OpenAIIoException failure = new OpenAIIoException(
                "Request failed",
                new IOException("unexpected end of stream for key " + KEY, new EOFException("\\n not found: limit=0")));
        try {
            ProblemException problem = ModelFailures.problem(failure, UUID.randomUUID(), settings());

            assertThat(problem.problem().status()).isEqualTo(502);
        } finally {
            log.removeHandler(handler);
        }

        assertThat(logged)
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains(
                                "com.openai.errors.OpenAIIoException: Request failed",
                                "caused by java.io.IOException: unexpected end of stream",
                                "caused by java.io.EOFException: \\n not found")
                        .doesNotContain(KEY));
    }

    private static AssistantSettings settings() {
        return new AssistantSettings() {
            @Override
            public Optional<String> apiKey() {
                return Optional.of(KEY);
            }
        };
    }
}
