package dev.todo.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Small faults never become the wrong page (issue 16, item 5): signing out from any page, a view state that cannot
 * be restored, and URL parameters the list does not know.
 */
class PageFaultsIT extends BrowserTest {

    private static void assertNoErrorPage() {
        String source = browser.driver().getPageSource();
        assertThat(source).doesNotContain("Exception").doesNotContain("went wrong");
        assertThat(browser.driver().findElements(By.id("error"))).isEmpty();
    }

    @Test
    void signingOutFromATaskPageSignsOut() {
        TasksPageObject tasks = signUpNewUser("Task Leaver");
        tasks.add("Look at me");
        tasks.edit("Look at me");
        assertThat(browser.currentPath()).startsWith("/task?id=");

        browser.driver().findElement(By.id("signout:go")).click();

        SignInPageObject signIn = SignInPageObject.awaitLoaded(browser);
        assertThat(signIn.messages()).contains("You are signed out.");
        assertThat(browser.cookie("todo_session")).isNull();
        browser.open("/tasks");
        assertThat(browser.currentPath()).startsWith("/sign-in");
    }

    @Test
    void signingOutWorksFromEveryPage() {
        for (String page : new String[] {"/tasks?status=all", "/profile", "/assistant"}) {
            signUpNewUser("Leaver");
            browser.open(page);
            browser.driver().findElement(By.id("signout:go")).click();
            assertThat(SignInPageObject.awaitLoaded(browser).messages())
                    .as(page)
                    .contains("signed out");
            assertThat(browser.cookie("todo_session")).as(page).isNull();
        }
    }

    @Test
    void aTamperedViewStateShowsTheSamePageAgainWithANotice() {
        TasksPageObject tasks = signUpNewUser("Tamperer");
        tasks.add("Edit me");
        tasks.edit("Edit me");
        String editUrl = browser.currentPath();
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "document.querySelectorAll('input[name=\"jakarta.faces.ViewState\"]')"
                                + ".forEach(function (s) { s.value = s.value.substring(0, 40) + 'AAAA' + s.value.substring(44); });");
        browser.driver().findElement(By.id("edit:title")).sendKeys(" now");
        browser.driver().findElement(By.id("edit:save")).click();

        TaskPageObject again = TaskPageObject.awaitLoaded(browser);
        browser.await(d -> d.findElement(By.id("messages-region")).getText().contains("expired"));
        assertThat(browser.currentPath()).startsWith(editUrl.substring(0, editUrl.indexOf('&')));
        assertThat(again.value("title")).isEqualTo("Edit me");
        assertNoErrorPage();
        browser.screenshot("view-state-expired");
    }

    @Test
    void aViewStateFromNowhereOnTheTasksPageIsAnExpiredPageNotAnError() {
        TasksPageObject tasks = signUpNewUser("Truncater");
        tasks.add("Stay");
        TasksPageObject.open(browser, "?status=all");
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.querySelectorAll('input[name=\"jakarta.faces.ViewState\"]')"
                        + ".forEach(function (s) { s.value = 'bm90IGEgdmlldyBzdGF0ZQ'; });");
        tasks.row("Stay")
                .orElseThrow()
                .findElement(By.cssSelector("button.check"))
                .click();

        browser.await(d -> d.findElement(By.id("messages-region")).getText().contains("expired"));
        assertThat(browser.currentPath()).contains("status=all");
        assertThat(new TasksPageObject(browser).isDone("Stay")).isFalse();
        assertNoErrorPage();
    }

    @Test
    void unknownListParametersFallBackToTheDefaultsWithANotice() {
        TasksPageObject tasks = signUpNewUser("Url Typer");
        ApiClient user = ApiClient.withToken(browser.cookie("todo_session").getValue());
        user.createTask("Visible anyway", "");

        TasksPageObject odd = TasksPageObject.open(browser, "?sort=bogus&status=x&page=-2&direction=up&due=someday");

        assertThat(odd.titles()).containsExactly("Visible anyway");
        assertThat(odd.notice())
                .contains("does not know (status, due, sort, direction, page)")
                .contains("back to the usual");
        assertNoErrorPage();
        browser.screenshot("tasks-unknown-parameters");
        assertThat(TasksPageObject.open(browser, "?sort=title").notice()).doesNotContain("does not know");
    }

    @Test
    void aTaskLinkWithoutAnIdLeadsToTheList() {
        signUpNewUser("No Id");
        browser.open("/task");

        TasksPageObject list = TasksPageObject.awaitLoaded(browser);
        assertThat(list.notice()).contains("names no task");
        assertNoErrorPage();
    }
}
