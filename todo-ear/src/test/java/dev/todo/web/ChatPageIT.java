package dev.todo.web;

import static dev.todo.support.ModelStub.Reply.call;
import static dev.todo.support.ModelStub.Reply.text;
import static dev.todo.support.ModelStub.Reply.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ModelStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;

/** The assistant page in Chromium against the local-it server, whose model is the scripted stub of this JVM. */
@ResourceLock(ModelStub.LOCK)
class ChatPageIT extends BrowserTest {

    private final ModelStub model = ModelStub.instance();

    @BeforeEach
    void freshScript() {
        model.reset();
    }

    @Test
    void aToolCallCreatesTheTaskShowsWhatItDidAndTheTaskIsOnTheTasksPage() {
        TasksPageObject tasks = signUpNewUser("Chatty");
        model.then(toolCalls(call("call_1", "create_task", "{\"title\": \"Buy milk\"}")))
                .then(text("Added 'Buy milk' to your list."));

        AssistantPageObject chat =
                AssistantPageObject.openFromNavigation(browser).send("Add buy milk");

        assertThat(chat.lines())
                .containsExactly(
                        "user: Add buy milk",
                        "action: Created task 'Buy milk'",
                        "assistant: Added 'Buy milk' to your list.");
        assertThat(model.lastRequest().streamed()).as("the reply was streamed").isTrue();
        assertThat(chat.conversations()).containsExactly("Add buy milk");
        browser.screenshot("assistant");
        browser.width(375);
        browser.darkMode(true);
        Long overflow = (Long) browser.driver()
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("wider than a phone").isLessThanOrEqualTo(0L);
        browser.screenshot("assistant-phone-dark");
        assertThat(TasksPageObject.open(browser, "").titles()).containsExactly("Buy milk");
    }

    @Test
    void theNextMessageContinuesTheOpenConversation() {
        signUpNewUser("Follow Up");
        model.then(text("Hello! What shall I do?")).then(text("Nothing is overdue."));
        AssistantPageObject chat = AssistantPageObject.open(browser).send("Hi");

        chat.send("What is overdue?");

        assertThat(chat.lines())
                .containsExactly(
                        "user: Hi",
                        "assistant: Hello! What shall I do?",
                        "user: What is overdue?",
                        "assistant: Nothing is overdue.");
        assertThat(chat.conversations()).hasSize(1);
        assertThat(model.lastRequest().messages()).hasSize(4);
    }

    @Test
    void withoutStreamingTheComposerIsAPlainFormPostWithTheSameResult() {
        signUpNewUser("No Script");
        model.then(toolCalls(call("call_1", "create_task", "{\"title\": \"Call the plumber\"}")))
                .then(text("Done."));

        AssistantPageObject chat =
                AssistantPageObject.open(browser).postWithoutStreaming("Remind me to call the plumber");

        assertThat(model.lastRequest().streamed()).isFalse();
        assertThat(chat.lines())
                .containsExactly(
                        "user: Remind me to call the plumber",
                        "action: Created task 'Call the plumber'",
                        "assistant: Done.");
    }

    @Test
    void whatTheUserAndTheModelWriteIsShownAsTextNeverAsMarkup() {
        signUpNewUser("Markup");
        model.then(text("<img src=x id=injected-reply> <b>bold</b>"));

        AssistantPageObject chat = AssistantPageObject.open(browser).send("<img src=x id=injected-message>");

        assertThat(chat.lines())
                .containsExactly(
                        "user: <img src=x id=injected-message>",
                        "assistant: <img src=x id=injected-reply> <b>bold</b>");
        assertThat(browser.driver().findElements(By.cssSelector("#chat-log img, #chat-log b")))
                .isEmpty();
        assertThat(chat.conversations()).containsExactly("<img src=x id=injected-message>");
    }

    @Test
    void aConversationCanBeRenamed() {
        signUpNewUser("Renamer");
        model.then(text("Sure."));
        AssistantPageObject chat = AssistantPageObject.open(browser).send("Plan the week");

        chat.rename("Weekly plan");

        assertThat(chat.title()).isEqualTo("Weekly plan");
        assertThat(chat.conversations()).containsExactly("Weekly plan");
        assertThat(chat.lines()).containsExactly("user: Plan the week", "assistant: Sure.");
    }

    @Test
    void aConversationIsDeletedAfterConfirming() {
        signUpNewUser("Deleter");
        model.then(text("One.")).then(text("Two."));
        String first = AssistantPageObject.open(browser).send("First chat").openConversationId();
        AssistantPageObject.open(browser).send("Second chat");
        browser.open("/assistant?conversation=" + first);

        AssistantPageObject after = AssistantPageObject.awaitLoaded(browser).delete();

        assertThat(after.notice()).contains("Deleted “First chat”");
        assertThat(after.conversations()).containsExactly("Second chat");
        assertThat(after.title()).isEqualTo("New conversation");
    }

    @Test
    void aModelFailureSaysSoAndKeepsTheMessageToSendAgain() {
        signUpNewUser("Unlucky");
        model.then(ModelStub.Reply.status(500, "The server had an error"));

        String failure = AssistantPageObject.open(browser).sendExpectingFailure("Add bread");

        assertThat(failure)
                .isEqualTo("The assistant could not answer. The model provider had an error. "
                        + "Send your message again in a moment.");
        AssistantPageObject chat = AssistantPageObject.awaitLoaded(browser);
        assertThat(chat.composerText()).isEqualTo("Add bread");
        assertThat(chat.lines()).as("the conversation kept the message").containsExactly("user: Add bread");
    }
}
