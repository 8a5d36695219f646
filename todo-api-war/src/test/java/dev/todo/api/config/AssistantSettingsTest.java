package dev.todo.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssistantSettingsTest {

    @Test
    void onlyAXiaomiKeyMeansXiaomiMimosEndpointAndModel() {
        AssistantSettings settings = settings(Optional.empty(), Optional.of("mimo-key"));

        assertThat(settings.apiKey()).hasValue("mimo-key");
        assertThat(settings.baseUrl()).isEqualTo("https://api.xiaomimimo.com/v1");
        assertThat(settings.model()).isEqualTo("mimo-v2-flash");
    }

    @Test
    void anOpenAiKeyWinsOverAXiaomiKey() {
        AssistantSettings settings = settings(Optional.of("openai-key"), Optional.of("mimo-key"));

        assertThat(settings.apiKey()).hasValue("openai-key");
        assertThat(settings.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(settings.model()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void configuredBaseUrlAndModelWinOverTheDefaults() {
        AssistantSettings settings = settings(Optional.empty(), Optional.of("mimo-key"));
        settings.baseUrl = Optional.of("http://localhost:11434/v1");
        settings.model = Optional.of("mimo-v2.5-pro");

        assertThat(settings.baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(settings.model()).isEqualTo("mimo-v2.5-pro");
    }

    private static AssistantSettings settings(Optional<String> openAiKey, Optional<String> xiaomiKey) {
        AssistantSettings settings = new AssistantSettings();
        settings.openAiKey = openAiKey;
        settings.xiaomiKey = xiaomiKey;
        settings.baseUrl = Optional.empty();
        settings.model = Optional.empty();
        return settings;
    }
}
