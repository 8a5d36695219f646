package dev.todo.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Errors where the user looks, in plain words: the field at fault is shown, focused and named in a sentence, nothing
 * typed is lost, and the forms take what the API takes (issue 18, item 4; issue 16, item 5).
 */
class FormErrorsIT extends BrowserTest {

    private static WebElement byId(String id) {
        return browser.driver().findElement(By.id(id));
    }

    private static String messages() {
        return byId("messages-region").getText();
    }

    private static void assertNoComponentIds(String text) {
        assertThat(text).doesNotContainPattern("\\b(add|edit|signup|signin|password|name-form|delete):\\w");
        assertThat(text).doesNotContain("Validation Error").doesNotContain("must be");
    }

    @Test
    void overlongNotesInQuickAddOpenTheDetailsFocusTheFieldAndSaySoWithoutLosingAnything() {
        TasksPageObject tasks = signUpNewUser("Long Notes");
        byId("add-details").click();
        String notes = "n".repeat(4120);
        TasksPageObject.setValue(byId("add:description"), notes);
        byId("add:title").sendKeys("Write it all down tomorrow");
        tasks.submitAdd();

        browser.await(d -> messages().contains("not added"));
        assertThat(messages())
                .contains("The task is not added yet. The notes can have at most 4,000 characters; they have 4,120.");
        assertThat(byId("add:description-message").getText()).contains("at most 4,000 characters");
        assertThat(byId("add:description").isDisplayed()).as("details opened").isTrue();
        assertThat(tasks.focused()).isEqualTo("add:description");
        assertThat(byId("add:description").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(byId("add:description").getAttribute("value")).isEqualTo(notes);
        assertThat(byId("add:title").getAttribute("value")).isEqualTo("Write it all down tomorrow");
        assertNoComponentIds(messages());
        assertThat(tasks.titles()).isEmpty();
        browser.screenshot("quick-add-error-in-details");
    }

    @Test
    void aDateTheFormCannotReadIsNamedAndFocused() {
        TasksPageObject tasks = signUpNewUser("Bad Date");
        byId("add-details").click();
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "var f = document.getElementById('add:due'); f.type = 'text'; f.value = 'next blue moon';");
        byId("add:title").sendKeys("Moon walk");
        tasks.submitAdd();

        browser.await(d -> !byId("add:due-message").getText().isBlank());
        assertThat(byId("add:due-message").getText()).contains("Enter the due date as a date and a time");
        assertThat(messages()).contains("Enter the due date");
        assertThat(tasks.focused()).isEqualTo("add:due");
        assertNoComponentIds(messages());
    }

    @Test
    void theFormTakesTwentyTagsAsTheApiDoesAndSaysWhenThereAreMore() {
        TasksPageObject tasks = signUpNewUser("Tagger");
        byId("add-details").click();
        byId("add:tags").sendKeys(IntStream.range(0, 20).mapToObj(i -> "t" + i).collect(Collectors.joining(", ")));
        byId("add:title").sendKeys("Twenty tags");
        tasks.submitAdd().awaitToast("Added");
        ApiClient user = ApiClient.withToken(browser.cookie("todo_session").getValue());
        assertThat(Http.json(user.get("/tasks"))
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getJsonArray("tags"))
                .hasSize(20);

        byId("add-details").click();
        byId("add:tags").sendKeys(IntStream.range(0, 23).mapToObj(i -> "u" + i).collect(Collectors.joining(", ")));
        byId("add:title").sendKeys("Too many tags");
        tasks.submitAdd();
        browser.await(d -> messages().contains("not added"));
        assertThat(byId("add:tags-message").getText()).isEqualTo("A task can have at most 20 tags; this one has 23.");
        assertThat(tasks.focused()).isEqualTo("add:tags");
    }

    @Test
    void anOverlongTitleOnTheEditPageIsNamedWithItsLength() {
        TasksPageObject tasks = signUpNewUser("Long Title");
        tasks.add("Short");
        TaskPageObject edit = tasks.edit("Short");
        TasksPageObject.setValue(byId("edit:title"), "t".repeat(300));
        byId("edit:save").click();

        browser.await(d -> !byId("edit:title-message").getText().isBlank());
        assertThat(byId("edit:title-message").getText())
                .isEqualTo("The title can have at most 255 characters; it has 300.");
        assertThat(messages()).startsWith("The changes are not saved yet.");
        assertThat(edit.value("title")).hasSize(300);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                .isEqualTo("edit:title");
    }

    @Test
    void signingUpWithARegisteredEmailOffersToSignInInsteadWithTheEmailFilledIn() {
        String email = uniqueEmail("taken");
        SignUpPageObject.open(browser).signUp("First", email, PASSWORD).signOut();

        SignUpPageObject second = SignUpPageObject.open(browser);
        second.fill("Second", email, PASSWORD).submit();
        assertThat(second.fieldError("email")).isEqualTo("There is already an account with this email.");
        assertNoComponentIds(messages());
        browser.screenshot("sign-up-email-taken");

        byId("sign-in-instead").click();
        SignInPageObject signIn = SignInPageObject.awaitLoaded(browser);
        assertThat(byId("signin:email").getAttribute("value")).isEqualTo(email);
        signIn.signIn(email, PASSWORD);
        TasksPageObject.awaitLoaded(browser);
    }

    @Test
    void aShortPasswordAtSignUpIsExplainedAsTheHintSaysIt() {
        SignUpPageObject signUp = SignUpPageObject.open(browser);
        signUp.fill("Shorty", uniqueEmail("shorty"), "short").submit();

        assertThat(signUp.fieldError("password")).isEqualTo("Choose a password of at least 8 characters.");
        assertThat(byId("signup:name").getAttribute("value")).isEqualTo("Shorty");
        assertNoComponentIds(messages());
    }

    @Test
    void theProfileKeepsTheNameWhenThePasswordFormFailsAndSaysWhy() {
        signUpNewUser("Ayesha K.");
        browser.open("/profile");
        byId("password:current").sendKeys("not my password");
        byId("password:new").sendKeys("brand new password");
        byId("password:repeat").sendKeys("brand new password");
        byId("password:change").click();

        browser.await(d -> !byId("password:current-message").getText().isBlank());
        assertThat(byId("password:current-message").getText()).isEqualTo("That is not your current password.");
        assertThat(byId("name-form:name").getAttribute("value")).isEqualTo("Ayesha K.");
        assertNoComponentIds(messages());

        byId("password:current").sendKeys(PASSWORD);
        byId("password:new").sendKeys("brand new password");
        byId("password:repeat").sendKeys("another password");
        byId("password:change").click();
        browser.await(d -> !byId("password:repeat-message").getText().isBlank());
        assertThat(byId("password:repeat-message").getText()).isEqualTo("Type the same new password twice.");
        assertThat(byId("name-form:name").getAttribute("value")).isEqualTo("Ayesha K.");

        byId("name-form:save").click();
        browser.await(d -> messages().contains("Your name is now"));
        assertThat(messages()).contains("Your name is now Ayesha K.").doesNotContain("K..");
        browser.screenshot("profile-after-rename");
    }

    @Test
    void deletingTheAccountAsksForThePassword() {
        String email = uniqueEmail("careful");
        SignUpPageObject.open(browser).signUp("Careful", email, PASSWORD);
        browser.open("/profile");
        byId("delete-account").click();
        byId("delete:password").sendKeys("wrong password");
        byId("delete:confirm").click();

        browser.await(d -> !byId("delete:password-message").getText().isBlank());
        assertThat(byId("delete:password-message").getText()).isEqualTo("That is not your password.");
        assertThat(messages()).contains("Your account is not deleted.");
        browser.screenshot("profile-delete-wrong-password");

        byId("delete:password").sendKeys(PASSWORD);
        byId("delete:confirm").click();
        SignInPageObject signIn = SignInPageObject.awaitLoaded(browser);
        assertThat(signIn.messages()).contains("deleted");
        signIn.signIn(email, PASSWORD);
        assertThat(SignInPageObject.awaitLoaded(browser).messages()).contains("do not match");
    }

    @Test
    void aReminderAfterTheDueTimeIsSavedWithAWarning() {
        TasksPageObject tasks = signUpNewUser("Late Reminder");
        byId("add-details").click();
        TasksPageObject.setValue(byId("add:due"), "2031-03-01T09:00");
        TasksPageObject.setValue(byId("add:remind"), "2031-03-01T10:00");
        byId("add:title").sendKeys("Reminded too late");
        tasks.submitAdd();

        assertThat(tasks.awaitToast("Added").getText()).contains("Its reminder comes after it is due.");
        assertThat(tasks.titles()).containsExactly("Reminded too late");
    }
}
