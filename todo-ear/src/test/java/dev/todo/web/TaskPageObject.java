package dev.todo.web;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** {@code /task?id=...}: editing one task. */
public final class TaskPageObject {

    private final Browser browser;

    private TaskPageObject(Browser browser) {
        this.browser = browser;
    }

    static TaskPageObject awaitLoaded(Browser browser) {
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("edit:save")));
        return new TaskPageObject(browser);
    }

    public TaskPageObject title(String title) {
        return type("edit:title", title);
    }

    public TaskPageObject description(String text) {
        return type("edit:description", text);
    }

    public TaskPageObject tags(String tags) {
        return type("edit:tags", tags);
    }

    public TaskPageObject priority(String value) {
        new Select(browser.driver().findElement(By.id("edit:priority"))).selectByValue(value);
        return this;
    }

    public TaskPageObject category(String value) {
        new Select(browser.driver().findElement(By.id("edit:category"))).selectByValue(value);
        return this;
    }

    public TaskPageObject recurrence(String value) {
        new Select(browser.driver().findElement(By.id("edit:recurrence"))).selectByValue(value);
        return this;
    }

    /** As the datetime-local input takes it: 2030-01-31T09:00. */
    public TaskPageObject due(String local) {
        TasksPageObject.setValue(browser.driver().findElement(By.id("edit:due")), local);
        return this;
    }

    public TaskPageObject remind(String local) {
        TasksPageObject.setValue(browser.driver().findElement(By.id("edit:remind")), local);
        return this;
    }

    public String value(String field) {
        return browser.driver().findElement(By.id("edit:" + field)).getAttribute("value");
    }

    public TasksPageObject save() {
        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.driver().findElement(By.id("edit:save")).click();
        browser.await(ExpectedConditions.stalenessOf(page));
        return TasksPageObject.awaitLoaded(browser).awaitNotice("Saved");
    }

    /** Saves when the task changed elsewhere since this page loaded: the page stays, and says so. */
    public String saveExpectingConflict() {
        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.driver().findElement(By.id("edit:save")).click();
        browser.await(ExpectedConditions.stalenessOf(page));
        awaitLoaded(browser);
        return browser.await(d -> {
            String text = d.findElement(By.id("messages-region")).getText();
            return text.isBlank() ? null : text;
        });
    }

    private TaskPageObject type(String id, String text) {
        WebElement input = browser.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
        return this;
    }
}
