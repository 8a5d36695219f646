package dev.todo.api.assistant;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.todo.api.config.AssistantSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The application's one client of the model provider, made on first use so that loading openai-java (Kotlin, Jackson,
 * OkHttp) costs nothing at start-up.
 */
@ApplicationScoped
public class ModelProvider {

    @Inject
    AssistantSettings settings;

    private OpenAIClient client;

    /** Empty when no provider key is configured. */
    public synchronized Optional<OpenAIClient> client() {
        if (client == null && settings.configured()) {
            client = OpenAIOkHttpClient.builder()
                    .apiKey(settings.apiKey().orElseThrow())
                    .baseUrl(settings.baseUrl())
                    .timeout(settings.timeout())
                    // No silent retries: a failure reaches the user at once, who can simply send again.
                    .maxRetries(0)
                    .build();
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
