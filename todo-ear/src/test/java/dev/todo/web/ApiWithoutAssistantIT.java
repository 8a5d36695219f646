package dev.todo.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.LibertyServer;
import dev.todo.support.TestDatabase;
import dev.todo.support.TestServers;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;

/**
 * The web UI in front of an api server that has no model provider key, as the two servers run in production: the
 * assistant page says plainly that the assistant is not configured. The local-it server always has the stub's key,
 * so this needs servers of its own; the same pair then shows what people see when the api server stops (last,
 * because it does not come back).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(Browser.LOCK)
class ApiWithoutAssistantIT {

    private static final String AUTH_SECRET = "web-without-assistant-test-secret-32-bytes";

    @RegisterExtension
    static final TestServers servers = new TestServers("api-without-assistant");

    private static LibertyServer api;
    private static Browser browser;

    @RegisterExtension
    final ScreenshotOnFailure screenshotOnFailure = new ScreenshotOnFailure(() -> browser);

    @BeforeAll
    static void startServersWithoutAModelKey() {
        TestDatabase database = servers.database();
        api = servers.api(Map.of("DATABASE_URL", database.url(), "AUTH_SECRET", AUTH_SECRET))
                .awaitReady();
        LibertyServer web = servers.web(Map.of("TODO_API_URL", api.baseUrl() + "/api", "AUTH_SECRET", AUTH_SECRET))
                .awaitReady();
        browser = servers.track(new Browser(web.baseUrl()));
    }

    @Test
    @Order(1)
    void theStreamedChatSaysTheAssistantIsNotConfigured() {
        signUp("Streamer");

        String failure = AssistantPageObject.open(browser).sendExpectingFailure("Add buy milk");

        assertThat(failure).startsWith("The assistant is not configured on this server");
        AssistantPageObject chat = AssistantPageObject.awaitLoaded(browser);
        assertThat(chat.composerText()).isEqualTo("Add buy milk");
        assertThat(chat.lines())
                .as("nothing was kept, so nothing is shown as sent")
                .isEmpty();
        browser.screenshot("assistant-not-configured");
    }

    @Test
    @Order(2)
    void theFormPostSaysTheAssistantIsNotConfiguredToo() {
        signUp("Poster");

        AssistantPageObject chat = AssistantPageObject.open(browser).postWithoutStreaming("Add bread");

        assertThat(chat.failure()).startsWith("The assistant is not configured on this server");
        assertThat(chat.conversations()).isEmpty();
    }

    @Test
    @Order(3)
    void withTheApiDownTheChatAndThePagesSayItKindlyWithoutAnyStackTrace() {
        signUp("Stranded");
        AssistantPageObject chat = AssistantPageObject.open(browser);

        api.stop();
        String failure = chat.sendExpectingFailure("Anyone there?");
        browser.open("/tasks");

        assertThat(failure).startsWith("The assistant cannot be reached right now");
        assertThat(browser.currentPath()).startsWith("/unavailable");
        assertThat(browser.driver().findElement(By.id("unavailable")).getText()).contains("out of reach for a moment");
        assertThat(browser.driver().getPageSource()).doesNotContain("Exception").doesNotContain("at dev.todo");
        browser.screenshot("api-down");
    }

    private static void signUp(String name) {
        browser.open("/not-a-page");
        browser.driver().manage().deleteAllCookies();
        SignUpPageObject.open(browser).signUp(name, BrowserTest.uniqueEmail(name.toLowerCase()), BrowserTest.PASSWORD);
    }
}
