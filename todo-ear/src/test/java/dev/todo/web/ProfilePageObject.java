package dev.todo.web;

import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** {@code /profile}: its tokens, MCP, calendar and export/import sections. */
public final class ProfilePageObject {

    private final Browser browser;

    private ProfilePageObject(Browser browser) {
        this.browser = browser;
    }

    public static ProfilePageObject open(Browser browser) {
        browser.open("/profile");
        return awaitLoaded(browser);
    }

    static ProfilePageObject awaitLoaded(Browser browser) {
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("tokens-heading")));
        return new ProfilePageObject(browser);
    }

    /** Makes a token and returns it as the page shows it, this once. */
    public String makeToken(String name, String scope, String expiry) {
        WebElement field = browser.driver().findElement(By.id("token-form:token-name"));
        field.clear();
        field.sendKeys(name);
        new Select(browser.driver().findElement(By.id("token-form:token-expiry"))).selectByValue(expiry);
        browser.driver()
                .findElement(By.cssSelector("input[name='token-form:token-scope'][value='" + scope + "']"))
                .click();
        return submitAndReadToken("token-form:create-token");
    }

    public String makeMcpToken(String scope) {
        browser.driver()
                .findElement(By.cssSelector("input[name='mcp-form:mcp-scope'][value='" + scope + "']"))
                .click();
        return submitAndReadToken("mcp-form:create-mcp-token");
    }

    private String submitAndReadToken(String button) {
        browser.driver().findElement(By.id(button)).click();
        return browser.await(driver -> {
            var shown = driver.findElements(By.id("new-token-value"));
            return shown.isEmpty() ? null : shown.get(0).getText();
        });
    }

    public String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    public boolean has(String id) {
        return !browser.driver().findElements(By.id(id)).isEmpty();
    }

    public String tokenList() {
        return has("token-list") ? text("token-list") : "";
    }

    public ProfilePageObject revoke(String tokenName) {
        browser.driver()
                .findElement(By.cssSelector("a[aria-label='Revoke " + tokenName + "']"))
                .click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("revoke-form:confirm-revoke")));
        return this;
    }

    public ProfilePageObject confirmRevoke() {
        return clickAndAwaitNotice("revoke-form:confirm-revoke");
    }

    public ProfilePageObject makeCalendarLink() {
        return clickAndReload("calendar-make-form:make-calendar-link");
    }

    public ProfilePageObject turnCalendarOff() {
        browser.driver().findElement(By.id("calendar-off")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("calendar-off-form:confirm-calendar-off")));
        return clickAndAwaitNotice("calendar-off-form:confirm-calendar-off");
    }

    /** Uploads the file and presses "Check the file" or "Import"; the report is then on the page. */
    public ProfilePageObject importFile(Path file, boolean check) {
        browser.driver()
                .findElement(By.id("import-form:import-file"))
                .sendKeys(file.toAbsolutePath().toString());
        // A report from an earlier import is still on the page until the answer replaces it.
        List<WebElement> earlierReport = browser.driver().findElements(By.id("import-report"));
        browser.driver()
                .findElement(By.id(check ? "import-form:check-import" : "import-form:run-import"))
                .click();
        earlierReport.forEach(report -> browser.await(ExpectedConditions.stalenessOf(report)));
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("import-report")));
        return this;
    }

    /** The notice or messages at the top of the page. */
    public String messages() {
        return browser.driver().findElement(By.id("messages-region")).getText();
    }

    /** Presses a button whose action redirects back to the profile with a notice, and waits for that page. */
    private ProfilePageObject clickAndAwaitNotice(String id) {
        browser.driver().findElement(By.id(id)).click();
        try {
            browser.await(driver -> !driver.findElements(By.id("notice")).isEmpty()
                    && !driver.getCurrentUrl().contains("?"));
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "no notice after pressing " + id + "; at " + browser.currentPath() + ": "
                            + browser.driver().findElement(By.tagName("main")).getText(),
                    e);
        }
        return awaitLoaded(browser);
    }

    private ProfilePageObject clickAndReload(String id) {
        WebElement button = browser.driver().findElement(By.id(id));
        button.click();
        browser.await(ExpectedConditions.stalenessOf(button));
        return awaitLoaded(browser);
    }
}
