package dev.todo.web;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** {@code /sign-in}. */
public final class SignInPageObject {

    private final Browser browser;

    SignInPageObject(Browser browser) {
        this.browser = browser;
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("signin:email")));
    }

    public static SignInPageObject open(Browser browser) {
        browser.open("/sign-in");
        return new SignInPageObject(browser);
    }

    public static SignInPageObject awaitLoaded(Browser browser) {
        browser.await(d -> browser.currentPath().startsWith("/sign-in")
                && !d.findElements(By.id("signin:submit")).isEmpty());
        return new SignInPageObject(browser);
    }

    /** Fills in and sends the form, and waits for the page that answers (this one again, or where it leads). */
    public void signIn(String email, String password) {
        type("signin:email", email);
        type("signin:password", password);
        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.driver().findElement(By.id("signin:submit")).click();
        browser.await(ExpectedConditions.stalenessOf(page));
    }

    public TasksPageObject signInToTasks(String email, String password) {
        signIn(email, password);
        return TasksPageObject.awaitLoaded(browser);
    }

    /** Why the user was sent here, e.g. after the session ended; empty when there is no such line. */
    public String reason() {
        return browser.driver().findElements(By.id("reason")).stream()
                .map(WebElement::getText)
                .findFirst()
                .orElse("");
    }

    public String messages() {
        return browser.await(
                driver -> driver.findElement(By.id("messages-region")).getText());
    }

    private void type(String id, String text) {
        WebElement input = browser.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
