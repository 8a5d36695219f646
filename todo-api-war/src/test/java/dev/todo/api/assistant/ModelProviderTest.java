package dev.todo.api.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.todo.api.config.AssistantSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The model client against a provider that answers HTTP/1.0 and closes each connection, as Python's http.server. */
class ModelProviderTest {

    private static final String COMPLETION = """
            {"id": "c1", "object": "chat.completion", "created": 1, "model": "m", "choices": [{"index": 0,
             "finish_reason": "stop", "message": {"role": "assistant", "content": "Hello over HTTP/1.0"}}]}""";

    private final AtomicInteger answered = new AtomicInteger();
    private ServerSocket server;
    private Thread acceptor;
    private ModelProvider provider;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "http-1.0-provider");
        acceptor.setDaemon(true);
        acceptor.start();
        provider = new ModelProvider();
        provider.settings = new AssistantSettings() {
            @Override
            public Optional<String> apiKey() {
                return Optional.of("test-key");
            }

            @Override
            public String baseUrl() {
                return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(5);
            }
        };
    }

    @AfterEach
    void stop() throws IOException {
        provider.close();
        server.close();
    }

    @Test
    void everyCallSucceedsThoughTheProviderClosesEachConnection() {
        OpenAIClient client = provider.client().orElseThrow();
        ChatCompletionCreateParams request = ChatCompletionCreateParams.builder()
                .model("m")
                .addUserMessage("Hi")
                .build();

        for (int call = 0; call < 3; call++) {
            assertThat(client.chat()
                            .completions()
                            .create(request)
                            .choices()
                            .get(0)
                            .message()
                            .content())
                    .hasValue("Hello over HTTP/1.0");
        }
        assertThat(answered).hasValue(3);
    }

    /** Reads one request per connection, answers with an HTTP/1.0 status line and a Content-Length, and closes. */
    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                int length = 0;
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(
                                line.substring("content-length:".length()).strip());
                    }
                }
                in.skip(length);
                byte[] body = COMPLETION.getBytes(StandardCharsets.UTF_8);
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                answered.incrementAndGet();
            } catch (IOException e) {
                // The test closed the server socket, or the client went away; the next accept tells which.
            }
        }
    }
}
