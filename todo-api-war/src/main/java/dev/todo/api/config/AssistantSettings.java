package dev.todo.api.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the assistant's model lives and how long to wait for it. Any OpenAI-compatible endpoint works:
 * {@code OPENAI_API_KEY} with {@code OPENAI_BASE_URL} and {@code AI_MODEL}; with only the seed's
 * {@code XIAOMI_API_KEY} set, Xiaomi MiMo's endpoint and model are the defaults. The only Java code that reads the
 * provider keys.
 */
@ApplicationScoped
public class AssistantSettings {

    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
    public static final String OPENAI_MODEL = "gpt-4o-mini";
    /** Xiaomi MiMo's OpenAI-compatible endpoint, as its platform documentation gives it (".../v1/chat/completions"). */
    public static final String XIAOMI_BASE_URL = "https://api.xiaomimimo.com/v1";
    /**
     * The MiMo model with thinking off by default. With thinking on (the other MiMo chat models), the API refuses a
     * conversation with earlier tool calls unless each assistant message carries back its {@code reasoning_content},
     * which this assistant does not store.
     */
    public static final String XIAOMI_MODEL = "mimo-v2-flash";

    @Inject
    @ConfigProperty(name = "OPENAI_API_KEY")
    Optional<String> openAiKey;

    @Inject
    @ConfigProperty(name = "XIAOMI_API_KEY")
    Optional<String> xiaomiKey;

    @Inject
    @ConfigProperty(name = "OPENAI_BASE_URL")
    Optional<String> baseUrl;

    @Inject
    @ConfigProperty(name = "AI_MODEL")
    Optional<String> model;

    @Inject
    @ConfigProperty(name = "AI_TIMEOUT_SECONDS", defaultValue = "60")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "AI_MAX_TOOL_ROUNDS", defaultValue = "6")
    int maxToolRounds;

    public boolean configured() {
        return apiKey().isPresent();
    }

    /** The key to send: OPENAI_API_KEY first, else XIAOMI_API_KEY. */
    public Optional<String> apiKey() {
        return usable(openAiKey).or(() -> usable(xiaomiKey));
    }

    public String baseUrl() {
        return usable(baseUrl).orElse(onlyXiaomi() ? XIAOMI_BASE_URL : OPENAI_BASE_URL);
    }

    public String model() {
        return usable(model).orElse(onlyXiaomi() ? XIAOMI_MODEL : OPENAI_MODEL);
    }

    /** How long one model request may take, streamed or not. */
    public Duration timeout() {
        return Duration.ofSeconds(Math.max(1, timeoutSeconds));
    }

    /** How many times in one turn the model may call tools before the assistant stops it. */
    public int maxToolRounds() {
        return Math.max(1, maxToolRounds);
    }

    private boolean onlyXiaomi() {
        return usable(openAiKey).isEmpty() && usable(xiaomiKey).isPresent();
    }

    private static Optional<String> usable(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty() && !v.contains("${"));
    }
}
