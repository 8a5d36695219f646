package dev.todo.web.assistant;

import dev.todo.web.api.ApiException;
import dev.todo.web.api.ChatApi;
import dev.todo.web.api.ChatReply;
import dev.todo.web.api.ChatRequest;
import dev.todo.web.api.Conversation;
import dev.todo.web.api.ConversationSummary;
import dev.todo.web.api.ConversationsApi;
import dev.todo.web.api.TitleChange;
import dev.todo.web.page.Pages;
import dev.todo.web.time.UserZone;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * {@code /assistant?conversation=...}: the conversations, the one open, and the composer. Sending through this bean
 * is the plain form post that works without JavaScript; with it, chat.js streams the reply through
 * {@link ChatStreamServlet} instead. Renaming and deleting ask on their own URL first, like the task page.
 */
@Named
@RequestScoped
public class AssistantPage {

    static final String PATH = "/assistant";

    @Inject
    ChatApi chatApi;

    @Inject
    ConversationsApi conversationsApi;

    @Inject
    UserZone userZone;

    /** The open conversation; from the URL, and from a hidden input on postbacks. */
    private String conversation;
    /** {@code title} while renaming, from the URL. */
    private String edit;
    /** {@code delete} while asking to confirm deleting, from the URL. */
    private String confirm;

    private String message;
    private String title;
    /** Why the last message got no answer, shown above the composer. */
    private String failure;

    private List<ConversationSummary> conversations;
    private Conversation open;
    private boolean opened;

    public void load() {
        getConversations();
        getOpen();
        if (title == null && open != null) {
            title = open.title();
        }
    }

    public void send() {
        String text = message == null ? "" : message.strip();
        if (text.isEmpty()) {
            Pages.fieldError("composer:message", AssistantMessages.EMPTY);
            return;
        }
        try {
            ChatReply reply = chatApi.chat(new ChatRequest(conversation(), text, userZone.id()));
            Pages.redirect(urlOf(reply.conversationId()));
        } catch (ApiException e) {
            if (e.isUnauthorized()) {
                throw e;
            } else if (e.isNotFound()) {
                Pages.redirect(PATH, "That conversation no longer exists.");
            } else if (e.status() == 400) {
                Pages.showProblem(
                        e,
                        Map.of(
                                "message",
                                new Pages.Field("composer:message", "A message can have at most 4,000 characters.")),
                        "The message is not sent yet.");
            } else {
                failure = AssistantMessages.of(e);
                // A failed turn in a new conversation still started it: show it, with the message kept in the box.
                e.problem().map(p -> p.conversationId()).ifPresent(id -> {
                    conversation = id;
                    opened = false;
                });
            }
        }
    }

    public void rename() {
        try {
            ConversationSummary renamed =
                    conversationsApi.rename(conversation(), new TitleChange(title == null ? null : title.strip()));
            Pages.redirect(urlOf(renamed.id()), "Renamed to “" + renamed.title() + "”.");
        } catch (ApiException e) {
            if (e.status() == 400) {
                Pages.showProblem(
                        e,
                        Map.of(
                                "title",
                                new Pages.Field(
                                        "rename:title", "Give the conversation a name of up to 200 characters.")),
                        "The name is not changed yet.");
            } else if (e.isNotFound()) {
                Pages.redirect(PATH, "That conversation no longer exists.");
            } else {
                throw e;
            }
        }
    }

    public void delete() {
        String name = getOpen() == null ? "the conversation" : "“" + open.title() + "”";
        try {
            conversationsApi.delete(conversation());
        } catch (ApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
        Pages.redirect(PATH, "Deleted " + name + ".");
    }

    public List<ConversationSummary> getConversations() {
        if (conversations == null) {
            conversations = conversationsApi.list();
        }
        return conversations;
    }

    /** The open conversation, or null for a new one. */
    public Conversation getOpen() {
        if (!opened) {
            opened = true;
            String id = conversation();
            open = null;
            if (id != null) {
                try {
                    open = conversationsApi.get(id);
                } catch (ApiException e) {
                    if (!e.isNotFound()) {
                        throw e;
                    }
                    Pages.redirect(PATH, "That conversation no longer exists.");
                }
            }
        }
        return open;
    }

    public List<ChatLine> getLines() {
        return getOpen() == null ? List.of() : ChatLines.of(open.messages());
    }

    public boolean isOpen(ConversationSummary summary) {
        return summary.id().equals(conversation());
    }

    public boolean isRenaming() {
        return getOpen() != null && "title".equals(edit != null ? edit : Pages.viewParameter("edit"));
    }

    public boolean isConfirmingDelete() {
        return getOpen() != null && "delete".equals(confirm != null ? confirm : Pages.viewParameter("confirm"));
    }

    public String urlOf(String id) {
        return id == null ? PATH : PATH + "?conversation=" + Pages.encode(id);
    }

    public String getOpenUrl() {
        return urlOf(conversation());
    }

    private String conversation() {
        if (conversation == null) {
            conversation = Pages.viewParameter("conversation");
        }
        return conversation;
    }

    public String getConversation() {
        return conversation();
    }

    public void setConversation(String conversation) {
        this.conversation = conversation == null || conversation.isBlank() ? null : conversation;
    }

    public String getEdit() {
        return edit;
    }

    public void setEdit(String edit) {
        this.edit = edit;
    }

    public String getConfirm() {
        return confirm;
    }

    public void setConfirm(String confirm) {
        this.confirm = confirm;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getFailure() {
        return failure;
    }
}
