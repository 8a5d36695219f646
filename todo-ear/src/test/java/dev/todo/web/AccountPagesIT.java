package dev.todo.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/** Signing up, in and out, the session cookie, and what every response carries. */
class AccountPagesIT extends BrowserTest {

    @Test
    void rootLeadsToSignInWhenSignedOutAndToTasksWhenSignedIn() {
        browser.open("/");
        assertThat(browser.currentPath()).isEqualTo("/sign-in");
        browser.screenshot("sign-in");

        signUpNewUser("Rooted");
        browser.open("/");
        assertThat(browser.currentPath()).startsWith("/tasks");
    }

    @Test
    void signUpShowsTheApiValidationErrorNextToItsField() {
        SignUpPageObject signUp = SignUpPageObject.open(browser);
        signUp.fill("Shorty", uniqueEmail("shorty"), "short").submit();

        assertThat(signUp.fieldError("password")).isNotBlank();
        assertThat(browser.driver().findElement(By.id("signup:email-message")).getText())
                .isEmpty();
        browser.screenshot("sign-up-validation-error");
    }

    @Test
    void takenEmailIsReportedNextToTheEmailField() {
        String email = uniqueEmail("twice");
        SignUpPageObject.open(browser).signUp("First", email, PASSWORD).signOut();

        SignUpPageObject second = SignUpPageObject.open(browser);
        second.fill("Second", email, PASSWORD).submit();

        assertThat(second.fieldError("email")).isNotBlank();
    }

    @Test
    void signingOutAndInAgainShowsTheSameTasks() {
        String email = uniqueEmail("returning");
        TasksPageObject tasks = SignUpPageObject.open(browser).signUp("Returning", email, PASSWORD);
        tasks.add("Water the plants");

        SignInPageObject signIn = tasks.signOut();
        assertThat(signIn.messages()).contains("signed out");
        assertThat(browser.cookie("todo_session")).isNull();

        TasksPageObject again = signIn.signInToTasks(email, PASSWORD);
        assertThat(again.titles()).containsExactly("Water the plants");
    }

    @Test
    void aCopyOfTheCookieIsRefusedOnceTheUserSignedOut() {
        SignUpPageObject.open(browser).signUp("Copied", uniqueEmail("copied"), PASSWORD);
        String copied = browser.cookie("todo_session").getValue();
        assertThat(tasksPageWith(copied).statusCode()).isEqualTo(200);

        TasksPageObject.open(browser, "").signOut();

        assertThat(tasksPageWith(copied).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("/sign-in"));
    }

    @Test
    void signingOutEverywhereRefusesTheSessionsOfOtherBrowsers() {
        String email = uniqueEmail("everywhere");
        SignUpPageObject.open(browser).signUp("Everywhere", email, PASSWORD).signOut();
        String otherBrowser = Http.json(ApiClient.anonymous(
                        "POST",
                        "/auth/login",
                        Json.createObjectBuilder()
                                .add("email", email)
                                .add("password", PASSWORD)
                                .build()
                                .toString()))
                .getString("token");
        SignInPageObject.open(browser).signInToTasks(email, PASSWORD);

        browser.open("/profile");
        browser.driver().findElement(By.id("sign-out-everywhere")).click();

        assertThat(SignInPageObject.awaitLoaded(browser).messages()).contains("every device");
        assertThat(tasksPageWith(otherBrowser).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("/sign-in"));
    }

    private static HttpResponse<String> tasksPageWith(String token) {
        return Http.send(HttpRequest.newBuilder(URI.create(Http.baseUrl() + "/tasks"))
                .header("Cookie", "todo_session=" + token)
                .GET()
                .build());
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() {
        String email = uniqueEmail("forgetful");
        SignUpPageObject.open(browser).signUp("Forgetful", email, PASSWORD).signOut();

        SignInPageObject signIn = SignInPageObject.open(browser);
        signIn.signIn(email, "not the password");

        assertThat(browser.currentPath()).startsWith("/sign-in");
        assertThat(signIn.messages()).contains("do not match");
    }

    @Test
    void aProtectedPageRemembersWhereTheUserWantedToGo() {
        String email = uniqueEmail("bookmarker");
        SignUpPageObject.open(browser).signUp("Bookmarker", email, PASSWORD).signOut();

        browser.open("/profile");
        assertThat(browser.currentPath()).startsWith("/sign-in?next=");
        SignInPageObject.awaitLoaded(browser).signIn(email, PASSWORD);

        browser.await(d -> browser.currentPath().startsWith("/profile"));
        assertThat(browser.driver().findElement(By.id("profile-email")).getText())
                .isEqualTo(email);
    }

    @Test
    void aTokenTheApiRefusesLeadsBackToSignInWithAMessage() {
        signUpNewUser("Expired");
        browser.driver()
                .manage()
                .addCookie(new Cookie.Builder("todo_session", "not.a.valid-token")
                        .path("/")
                        .isHttpOnly(true)
                        .build());

        browser.open("/tasks?status=all");

        SignInPageObject signIn = SignInPageObject.awaitLoaded(browser);
        assertThat(signIn.reason()).contains("session has ended");
        assertThat(browser.currentPath()).contains("next=");
        assertThat(browser.driver().getPageSource()).doesNotContain("Exception");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndLaxAndNoHttpSessionIsCreated() {
        TasksPageObject tasks = signUpNewUser("Cookie");
        tasks.add("One").toggle("One");
        browser.open("/profile");

        Cookie session = browser.cookie("todo_session");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(browser.driver().manage().getCookies())
                .extracting(Cookie::getName)
                .noneMatch(name -> name.equalsIgnoreCase("JSESSIONID"));
    }

    @Test
    void profileShowsTheAccountAndRenamesIt() {
        signUpNewUser("Old Name");
        browser.open("/profile");
        browser.screenshot("profile");

        var name = browser.driver().findElement(By.id("name-form:name"));
        name.clear();
        name.sendKeys("New Name");
        browser.driver().findElement(By.id("name-form:save")).click();

        browser.await(d -> d.findElement(By.id("profile-name")).getText().equals("New Name"));
    }

    @Test
    void deletingTheAccountAsksFirstAndForThePasswordThenSignsOut() {
        String email = uniqueEmail("leaving");
        SignUpPageObject.open(browser).signUp("Leaving", email, PASSWORD);
        browser.open("/profile");
        browser.driver().findElement(By.id("delete-account")).click();
        browser.driver().findElement(By.id("delete:password")).sendKeys(PASSWORD);
        browser.driver().findElement(By.id("delete:confirm")).click();

        SignInPageObject signIn = SignInPageObject.awaitLoaded(browser);
        assertThat(signIn.messages()).contains("deleted");
        signIn.signIn(email, PASSWORD);
        assertThat(SignInPageObject.awaitLoaded(browser).messages()).contains("do not match");
    }

    @Test
    void everyPageCarriesTheSecurityHeadersAndIsNotCached() {
        HttpResponse<String> page = Http.get(Http.baseUrl() + "/sign-in");

        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("default-src 'self'", "frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).isPresent();
        assertThat(page.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("onclick=");
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefused() {
        HttpResponse<String> answer = Http.send(HttpRequest.newBuilder(URI.create(Http.baseUrl() + "/sign-in"))
                .header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("signin%3Aemail=a%40b.c"))
                .build());

        assertThat(answer.statusCode()).isEqualTo(403);
    }

    @Test
    void anUnknownPageGetsAFriendlyNotFoundPage() {
        browser.open("/no-such-page");

        assertThat(browser.driver().findElement(By.id("not-found")).getText()).contains("no page here");
    }
}
