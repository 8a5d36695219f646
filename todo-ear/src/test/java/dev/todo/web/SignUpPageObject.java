package dev.todo.web;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** {@code /sign-up}. */
public final class SignUpPageObject {

    private final Browser browser;

    SignUpPageObject(Browser browser) {
        this.browser = browser;
    }

    public static SignUpPageObject open(Browser browser) {
        browser.open("/sign-up");
        return new SignUpPageObject(browser);
    }

    public SignUpPageObject fill(String name, String email, String password) {
        type("signup:name", name);
        type("signup:email", email);
        type("signup:password", password);
        return this;
    }

    public void submit() {
        browser.driver().findElement(By.id("signup:submit")).click();
    }

    public TasksPageObject signUp(String name, String email, String password) {
        fill(name, email, password).submit();
        return TasksPageObject.awaitLoaded(browser);
    }

    /** The message shown next to one field: name, email or password. */
    public String fieldError(String field) {
        return browser.await(d -> {
            String text = d.findElement(By.id("signup:" + field + "-message")).getText();
            return text.isBlank() ? null : text;
        });
    }

    private void type(String id, String text) {
        WebElement input = browser.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
