package dev.todo.web;

import static dev.todo.support.ModelStub.Reply.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ModelStub;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogEntry;

/**
 * The pages run under a Content-Security-Policy without inline script or style; anything in them that breaks it
 * (an inline handler, a style attribute a component writes) shows up as a violation in the browser console.
 */
@ResourceLock(ModelStub.LOCK)
class ContentSecurityPolicyIT extends BrowserTest {

    @Test
    void theConsoleReportsAViolationWhenThereIsOne() {
        browser.open("/sign-in");
        browser.console();

        ((JavascriptExecutor) browser.driver())
                .executeScript("var s = document.createElement('script'); s.textContent = 'window.inlineRan = true;';"
                        + "document.body.appendChild(s);");

        assertThat(violations(browser.console())).isNotEmpty();
    }

    @Test
    void theMainPagesCauseNoViolation() {
        ModelStub model = ModelStub.instance();
        model.reset();
        model.then(text("Hello there."));
        browser.open("/sign-in");
        SignUpPageObject.open(browser);
        List<LogEntry> seen = new ArrayList<>(browser.console());

        TasksPageObject tasks = signUpNewUser("Strict");
        tasks.add("Check the headers");
        seen.addAll(browser.console());
        tasks.edit("Check the headers");
        seen.addAll(browser.console());
        browser.open("/profile");
        seen.addAll(browser.console());
        AssistantPageObject.open(browser).send("Hi");
        seen.addAll(browser.console());
        browser.open("/unavailable");
        seen.addAll(browser.console());

        assertThat(violations(seen)).isEmpty();
    }

    private static List<String> violations(List<LogEntry> entries) {
        return entries.stream()
                .map(LogEntry::getMessage)
                .filter(message ->
                        message.contains("Content Security Policy") || message.contains("Content-Security-Policy"))
                .toList();
    }
}
