package dev.todo.web;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;

/** {@code /assistant}: the conversations, the open one, and the composer. */
public final class AssistantPageObject {

    private final Browser browser;

    private AssistantPageObject(Browser browser) {
        this.browser = browser;
    }

    public static AssistantPageObject open(Browser browser) {
        browser.open("/assistant");
        return awaitLoaded(browser);
    }

    /** Through the navigation link of another page, as a person gets there. */
    public static AssistantPageObject openFromNavigation(Browser browser) {
        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.driver().findElement(By.id("nav-assistant")).click();
        browser.await(ExpectedConditions.stalenessOf(page));
        return awaitLoaded(browser);
    }

    static AssistantPageObject awaitLoaded(Browser browser) {
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("composer:send")));
        return new AssistantPageObject(browser);
    }

    /** Types the message and presses Enter; waits for the streamed answer to finish and the conversation to load. */
    public AssistantPageObject send(String message) {
        WebElement page = browser.driver().findElement(By.tagName("html"));
        type(message).sendKeys(Keys.ENTER);
        browser.await(ExpectedConditions.stalenessOf(page));
        return awaitLoaded(browser);
    }

    /** Sends with Enter and waits for the page to say why there is no answer. */
    public String sendExpectingFailure(String message) {
        type(message).sendKeys(Keys.ENTER);
        return failure();
    }

    /** The form post that works without JavaScript: the streaming hook is taken off before sending. */
    public AssistantPageObject postWithoutStreaming(String message) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('composer').removeAttribute('data-stream')");
        type(message);
        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.driver().findElement(By.id("composer:send")).click();
        browser.await(ExpectedConditions.stalenessOf(page));
        return awaitLoaded(browser);
    }

    public String failure() {
        return new FluentWait<WebDriver>(browser.driver())
                .withTimeout(Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    String text = d.findElement(By.id("chat-error")).getText();
                    return text.isBlank() ? null : text;
                });
    }

    public String composerText() {
        return browser.driver().findElement(By.id("composer:message")).getAttribute("value");
    }

    /** The lines of the open conversation as shown, e.g. {@code user: Add milk}, {@code action: Created task...}. */
    public List<String> lines() {
        return browser.driver().findElements(By.cssSelector("#chat-log .chat-line")).stream()
                .map(line -> line.getAttribute("class").replace("chat-line ", "") + ": "
                        + line.findElement(By.className("chat-text")).getText())
                .toList();
    }

    public List<String> actions() {
        return browser.driver().findElements(By.cssSelector("#chat-log .chat-line.action .chat-text")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public String title() {
        return browser.driver().findElement(By.id("chat-title")).getText();
    }

    public List<String> conversations() {
        return browser.driver().findElements(By.cssSelector("#conversation-list .conversation-title")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public String openConversationId() {
        String path = browser.currentPath();
        return path.substring(path.indexOf("conversation=") + "conversation=".length());
    }

    public AssistantPageObject rename(String title) {
        browser.driver().findElement(By.id("rename")).click();
        WebElement input = browser.await(ExpectedConditions.presenceOfElementLocated(By.id("rename:title")));
        input.clear();
        input.sendKeys(title);
        submit(By.id("rename:save"));
        return awaitNotice("Renamed");
    }

    /** Asks to delete, sees the question, and answers yes. */
    public AssistantPageObject delete() {
        browser.driver().findElement(By.id("delete")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("delete-form:confirm-delete")));
        submit(By.id("delete-form:confirm-delete"));
        return awaitNotice("Deleted");
    }

    public String notice() {
        return browser.driver().findElement(By.id("messages-region")).getText();
    }

    private AssistantPageObject awaitNotice(String text) {
        browser.await(d -> d.findElement(By.id("messages-region")).getText().contains(text));
        return this;
    }

    private void submit(By button) {
        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.driver().findElement(button).click();
        browser.await(ExpectedConditions.stalenessOf(page));
        awaitLoaded(browser);
    }

    private WebElement type(String message) {
        WebElement input = browser.driver().findElement(By.id("composer:message"));
        input.clear();
        input.sendKeys(message);
        return input;
    }
}
