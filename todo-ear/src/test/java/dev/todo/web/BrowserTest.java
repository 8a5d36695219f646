package dev.todo.web;

import dev.todo.support.Http;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/** One browser per test class against the local-it server; each test starts signed out with a new account. */
@ResourceLock(Browser.LOCK)
abstract class BrowserTest {

    static final String PASSWORD = "correct horse battery";

    static Browser browser;

    @RegisterExtension
    final ScreenshotOnFailure screenshotOnFailure = new ScreenshotOnFailure(() -> browser);

    @BeforeAll
    static void startBrowser() {
        Http.awaitResponse(Http.baseUrl() + "/health/ready", Http::isUp, Duration.ofSeconds(90));
        browser = new Browser(Http.baseUrl());
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @BeforeEach
    void signedOut() {
        browser.open("/not-a-page");
        browser.driver().manage().deleteAllCookies();
        browser.width(1280);
        browser.darkMode(false);
    }

    static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static TasksPageObject signUpNewUser(String name) {
        return SignUpPageObject.open(browser)
                .signUp(name, uniqueEmail(name.toLowerCase().replace(' ', '-')), PASSWORD);
    }
}
