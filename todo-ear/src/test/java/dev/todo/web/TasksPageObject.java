package dev.todo.web;

import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WrapsDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * {@code /tasks}: quick add, filters, the list and its one-click actions. Adding, completing, reopening and deleting
 * answer in place (Faces Ajax); the methods wait for the part of the page that shows the answer to be redrawn.
 */
public final class TasksPageObject {

    private final Browser browser;

    TasksPageObject(Browser browser) {
        this.browser = browser;
    }

    public static TasksPageObject awaitLoaded(Browser browser) {
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("add:title")));
        return new TasksPageObject(browser);
    }

    public static TasksPageObject open(Browser browser, String query) {
        browser.open("/tasks" + query);
        return awaitLoaded(browser);
    }

    public TasksPageObject add(String title) {
        browser.driver().findElement(By.id("add:title")).sendKeys(title);
        submitAndAwaitRedraw(By.id("add:submit"));
        awaitToast("Added");
        return this;
    }

    /** Types a quick-add line and waits until its chips show {@code chips} of them. */
    public List<String> typeLine(String line, int chips) {
        WebElement title = browser.driver().findElement(By.id("add:title"));
        title.clear();
        title.sendKeys(line);
        return browser.await(d -> {
            List<String> shown = chips();
            return shown.size() == chips ? shown : null;
        });
    }

    public List<String> chips() {
        return browser.driver().findElements(By.cssSelector("#add\\:chips .chip")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Presses Add (or Enter) for what is in the form and waits for the answer. */
    public TasksPageObject submitAdd() {
        submitAndAwaitRedraw(By.id("add:submit"));
        return this;
    }

    /** Adds a task with details; {@code due} as the datetime-local input takes it, e.g. 2030-01-31T09:00, or null. */
    public TasksPageObject add(
            String title, String priority, String category, String tags, String due, String recurrence) {
        browser.driver().findElement(By.id("add-details")).click();
        browser.driver().findElement(By.id("add:title")).sendKeys(title);
        new Select(browser.driver().findElement(By.id("add:priority"))).selectByValue(priority);
        new Select(browser.driver().findElement(By.id("add:category"))).selectByValue(category);
        browser.driver().findElement(By.id("add:tags")).sendKeys(tags);
        if (due != null) {
            setValue(browser.driver().findElement(By.id("add:due")), due);
        }
        new Select(browser.driver().findElement(By.id("add:recurrence"))).selectByValue(recurrence);
        submitAndAwaitRedraw(By.id("add:submit"));
        awaitToast("Added");
        return this;
    }

    public List<String> titles() {
        return browser.driver().findElements(By.cssSelector("li.task")).stream()
                .map(task -> task.getAttribute("data-title"))
                .toList();
    }

    public Optional<WebElement> row(String title) {
        return browser.driver().findElements(By.cssSelector("li.task")).stream()
                .filter(task -> title.equals(task.getAttribute("data-title")))
                .findFirst();
    }

    /** Chooses in a filter select (status, priority, category, due, sort); the list reloads. */
    public TasksPageObject filter(String name, String value) {
        String before = browser.currentPath();
        WebElement select = browser.driver().findElement(By.id(name));
        if (!select.isDisplayed()) {
            browser.driver().findElement(By.id("filters-toggle")).click();
        }
        new Select(select).selectByValue(value);
        browser.await(d -> !browser.currentPath().equals(before));
        return awaitLoaded(browser);
    }

    /** Presses the order button, which reverses the list. */
    public TasksPageObject reverseOrder() {
        String before = browser.currentPath();
        browser.driver().findElement(By.id("direction")).click();
        browser.await(d -> !browser.currentPath().equals(before));
        return awaitLoaded(browser);
    }

    public String orderLabel() {
        return browser.driver()
                .findElement(By.cssSelector("#direction .order-label"))
                .getText();
    }

    public TasksPageObject search(String text) {
        WebElement q = browser.driver().findElement(By.id("q"));
        q.clear();
        String before = browser.currentPath();
        q.sendKeys(text, Keys.ENTER);
        browser.await(d -> !browser.currentPath().equals(before));
        return awaitLoaded(browser);
    }

    /** Completes or reopens the task in one click, and waits for the row to show it. */
    public TasksPageObject toggle(String title) {
        WebElement row = row(title).orElseThrow();
        boolean wasDone = row.getAttribute("class").contains("is-done");
        String id = row.getAttribute("id");
        row.findElement(By.cssSelector("button.check")).click();
        browser.await(d -> {
            List<WebElement> again = d.findElements(By.id(id));
            return again.isEmpty() || again.get(0).getAttribute("class").contains("is-done") != wasDone;
        });
        return this;
    }

    public boolean isDone(String title) {
        return row(title).orElseThrow().getAttribute("class").contains("is-done");
    }

    public TaskPageObject edit(String title) {
        row(title).orElseThrow().findElement(By.cssSelector("a.task-title")).click();
        return TaskPageObject.awaitLoaded(browser);
    }

    /** Asks to delete, and answers the confirmation with yes. */
    public TasksPageObject delete(String title) {
        askToDelete(title);
        row(title)
                .orElseThrow()
                .findElement(By.cssSelector("button[id^='confirm-delete-']"))
                .click();
        awaitToast("Deleted");
        return this;
    }

    public TasksPageObject askToDelete(String title) {
        row(title)
                .orElseThrow()
                .findElement(By.cssSelector("button[id^='delete-']"))
                .click();
        browser.await(d -> row(title)
                .map(r -> !r.findElements(By.cssSelector("button[id^='confirm-delete-']"))
                        .isEmpty())
                .orElse(false));
        return this;
    }

    /** Waits for the Undo toast to say {@code text}; answers the toast. */
    public WebElement awaitToast(String text) {
        return browser.await(d -> d.findElements(By.id("toast")).stream()
                .filter(t -> t.getText().contains(text))
                .findFirst()
                .orElse(null));
    }

    public TasksPageObject undo() {
        WebElement toast = browser.driver().findElement(By.id("toast"));
        toast.findElement(By.id("undo")).click();
        browser.await(ExpectedConditions.stalenessOf(toast));
        return this;
    }

    /** The id of the element that has the keyboard focus. */
    public String focused() {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("return document.activeElement.id");
    }

    public String notice() {
        return browser.driver().findElement(By.id("messages-region")).getText();
    }

    public TasksPageObject awaitNotice(String text) {
        browser.await(d -> d.findElement(By.id("messages-region")).getText().contains(text));
        return this;
    }

    public String count(String which) {
        return browser.driver()
                .findElement(By.cssSelector("#count-" + which + " .stat-value"))
                .getText();
    }

    public boolean hasEmptyState() {
        return !browser.driver().findElements(By.id("empty-state")).isEmpty();
    }

    public String reminders() {
        return browser.driver().findElements(By.id("reminders")).stream()
                .map(WebElement::getText)
                .findFirst()
                .orElse("");
    }

    public SignInPageObject signOut() {
        browser.driver().findElement(By.id("signout:go")).click();
        return SignInPageObject.awaitLoaded(browser);
    }

    /** Clicks a button whose answer redraws the messages (in place, or as a new page), and waits for that. */
    private void submitAndAwaitRedraw(By button) {
        WebElement messages = browser.driver().findElement(By.id("messages-region"));
        browser.driver().findElement(button).click();
        browser.await(ExpectedConditions.stalenessOf(messages));
        awaitLoaded(browser);
    }

    static void setValue(WebElement input, String value) {
        ((JavascriptExecutor) ((WrapsDriver) input).getWrappedDriver())
                .executeScript("arguments[0].value = arguments[1]", input, value);
    }
}
