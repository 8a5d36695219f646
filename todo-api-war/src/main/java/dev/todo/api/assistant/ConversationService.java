package dev.todo.api.assistant;

import static dev.todo.api.json.SharedJsonProvider.JSON;

import dev.todo.api.assistant.dto.ConversationSummary;
import dev.todo.api.assistant.dto.ConversationView;
import dev.todo.api.assistant.dto.MessageView;
import dev.todo.api.assistant.dto.ToolCallView;
import dev.todo.api.database.Transactions;
import dev.todo.api.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** The owner's conversations with the assistant: each change in its own short transaction. */
@ApplicationScoped
public class ConversationService {

    static final int TITLE_LENGTH = 60;

    @Inject
    ConversationRepository conversations;

    @Inject
    Transactions transactions;

    Clock clock = Clock.systemUTC();

    /** A new conversation titled after its first message, which it holds. */
    public UUID start(UUID owner, String firstMessage) {
        return transactions.inTransaction(() -> {
            Conversation conversation = new Conversation(owner, titleFrom(firstMessage), now());
            conversations.add(conversation);
            conversations.flush();
            conversations.add(
                    new ConversationMessage(conversation.getId(), owner, 1, StoredMessage.user(firstMessage), now()));
            return conversation.getId();
        });
    }

    /** Adds a message at the end of the owner's conversation. */
    public void append(UUID owner, UUID id, StoredMessage message) {
        transactions.inTransaction(() -> {
            Conversation conversation = ownedForUpdate(owner, id);
            int position = conversations.lastPosition(owner, id) + 1;
            conversations.add(new ConversationMessage(id, owner, position, message, now()));
            conversation.touch(now());
        });
    }

    /** Fails with 404 unless the owner has this conversation. */
    public void require(UUID owner, UUID id) {
        transactions.inTransaction(() -> {
            owned(owner, id);
        });
    }

    /** The messages in order, as they are replayed to the model. */
    public List<StoredMessage> history(UUID owner, UUID id) {
        return transactions.inTransaction(() -> {
            owned(owner, id);
            return conversations.findMessages(owner, id).stream()
                    .map(ConversationMessage::toStored)
                    .toList();
        });
    }

    public List<ConversationSummary> list(UUID owner) {
        return transactions.inTransaction(() -> conversations.findAllOwned(owner).stream()
                .map(ConversationService::summary)
                .toList());
    }

    public ConversationView get(UUID owner, UUID id) {
        return transactions.inTransaction(() -> {
            Conversation conversation = owned(owner, id);
            List<MessageView> messages = conversations.findMessages(owner, id).stream()
                    .map(message -> view(message.toStored()))
                    .toList();
            return new ConversationView(
                    conversation.getId(),
                    conversation.getTitle(),
                    conversation.getCreatedAt(),
                    conversation.getUpdatedAt(),
                    messages);
        });
    }

    public ConversationSummary rename(UUID owner, UUID id, String title) {
        return transactions.inTransaction(() -> {
            Conversation conversation = ownedForUpdate(owner, id);
            conversation.setTitle(title.strip());
            conversation.touch(now());
            conversations.flush();
            return summary(conversation);
        });
    }

    public void delete(UUID owner, UUID id) {
        transactions.inTransaction(() -> {
            conversations.remove(ownedForUpdate(owner, id));
        });
    }

    /** Every conversation of the owner with all its messages, oldest first: what an export holds. */
    public List<ConversationRecord> all(UUID owner) {
        return transactions.inTransaction(() -> conversations.findEveryOwned(owner).stream()
                .map(conversation -> new ConversationRecord(
                        conversation.getId(),
                        conversation.getTitle(),
                        conversation.getCreatedAt(),
                        conversation.getUpdatedAt(),
                        conversations.findMessages(owner, conversation.getId()).stream()
                                .map(ConversationMessage::toStored)
                                .toList()))
                .toList());
    }

    /** Which of the given ids are the owner's conversations. */
    public Set<UUID> existing(UUID owner, Collection<UUID> ids) {
        return transactions.inTransaction(() -> {
            Set<UUID> found = new HashSet<>();
            for (UUID id : ids) {
                conversations.findOwned(owner, id).ifPresent(conversation -> found.add(id));
            }
            return Set.copyOf(found);
        });
    }

    /**
     * Adds a conversation brought from elsewhere (an import), under a new id, with its title, times and messages as
     * they were; a message without a time gets the conversation's.
     */
    public UUID restore(UUID owner, ConversationRecord record) {
        return transactions.inTransaction(() -> {
            Conversation conversation = new Conversation(owner, record.title(), record.createdAt());
            conversation.touch(record.updatedAt());
            conversations.add(conversation);
            conversations.flush();
            int position = 0;
            for (StoredMessage message : record.messages()) {
                Instant at = message.createdAt() == null ? record.createdAt() : message.createdAt();
                conversations.add(new ConversationMessage(conversation.getId(), owner, ++position, message, at));
            }
            return conversation.getId();
        });
    }

    /** The first line of the first message, cut at a word near {@value #TITLE_LENGTH} characters. */
    static String titleFrom(String message) {
        String text = message.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return "New conversation";
        }
        if (text.length() <= TITLE_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', TITLE_LENGTH);
        return text.substring(0, cut > TITLE_LENGTH / 2 ? cut : TITLE_LENGTH).strip() + "…";
    }

    static MessageView view(StoredMessage message) {
        List<ToolCallView> calls = message.toolCalls() == null
                ? null
                : toolCalls(message.toolCalls()).stream()
                        .map(call -> call.asJsonObject())
                        .map(call -> new ToolCallView(
                                call.getString("name"), parsedOrText(call.getString("arguments")), null, false))
                        .toList();
        return new MessageView(
                message.role().name().toLowerCase(Locale.ROOT),
                message.content(),
                calls,
                message.toolName(),
                message.summary(),
                message.createdAt());
    }

    static JsonArray toolCalls(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    /** Arguments as JSON when they are JSON; a model can send anything, and then it is shown as text. */
    public static JsonValue parsedOrText(String arguments) {
        try (JsonReader reader = JSON.createReader(new StringReader(arguments))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            return JSON.createValue(arguments);
        }
    }

    private static ConversationSummary summary(Conversation conversation) {
        return new ConversationSummary(
                conversation.getId(),
                conversation.getTitle(),
                conversation.getCreatedAt(),
                conversation.getUpdatedAt());
    }

    private Conversation owned(UUID owner, UUID id) {
        return conversations.findOwned(owner, id).orElseThrow(() -> ProblemException.notFound("Conversation " + id));
    }

    private Conversation ownedForUpdate(UUID owner, UUID id) {
        return conversations
                .findOwnedForUpdate(owner, id)
                .orElseThrow(() -> ProblemException.notFound("Conversation " + id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
