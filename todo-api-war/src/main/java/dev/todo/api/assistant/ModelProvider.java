package dev.todo.api.assistant;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.client.okhttp.OkHttpClient;
import com.openai.core.ClientOptions;
import dev.todo.api.config.AssistantSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import okhttp3.OkHttpClient.Builder;

/**
 * The application's one client of the model provider, made on first use so that loading openai-java (Kotlin, Jackson,
 * OkHttp) costs nothing at start-up.
 *
 * <p>The OkHttp client is OkHttp's default rather than openai-java's, which turns off OkHttp's retry of a request that
 * met a stale pooled connection (it retries itself, and here {@code maxRetries} is 0). OkHttp pools a connection after
 * an HTTP/1.0 response with a Content-Length, which the server then closes (Python's {@code http.server} does so by
 * default): without that retry, every second request failed with "unexpected end of stream".
 */
@ApplicationScoped
public class ModelProvider {

    @Inject
    AssistantSettings settings;

    private OpenAIClient client;

    /** Empty when no provider key is configured. */
    public synchronized Optional<OpenAIClient> client() {
        if (client == null && settings.configured()) {
            client = new OpenAIClientImpl(ClientOptions.builder()
                    .httpClient(new OkHttpClient(new Builder().build()))
                    .apiKey(settings.apiKey().orElseThrow())
                    .baseUrl(settings.baseUrl())
                    .timeout(settings.timeout())
                    // No silent retries of a failed call: the user learns at once and can simply send again.
                    .maxRetries(0)
                    .build());
        }
        return Optional.ofNullable(client);
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
