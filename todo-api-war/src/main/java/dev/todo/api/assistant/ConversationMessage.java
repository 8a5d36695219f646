package dev.todo.api.assistant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One message of a conversation, stored so that the conversation can be replayed to the model exactly. */
@Entity
@Table(name = "conversation_message")
public class ConversationMessage {

    @Id
    private UUID id;

    @Column(name = "conversation_id", nullable = false, updatable = false)
    private UUID conversationId;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private UUID ownerId;

    @Column(nullable = false, updatable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MessageRole role;

    @Column(nullable = false, updatable = false)
    private String content;

    @Column(name = "tool_calls", updatable = false)
    private String toolCalls;

    @Column(name = "tool_call_id", updatable = false)
    private String toolCallId;

    @Column(name = "tool_name", updatable = false)
    private String toolName;

    @Column(updatable = false)
    private String summary;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ConversationMessage() {}

    ConversationMessage(UUID conversationId, UUID ownerId, int position, StoredMessage message, Instant now) {
        this.id = UUID.randomUUID();
        this.conversationId = conversationId;
        this.ownerId = ownerId;
        this.position = position;
        this.role = message.role();
        this.content = message.content() == null ? "" : message.content();
        this.toolCalls = message.toolCalls();
        this.toolCallId = message.toolCallId();
        this.toolName = message.toolName();
        this.summary = message.summary();
        this.createdAt = now;
    }

    StoredMessage toStored() {
        return new StoredMessage(role, content, toolCalls, toolCallId, toolName, summary, createdAt);
    }

    public UUID getConversationId() {
        return conversationId;
    }

    public int getPosition() {
        return position;
    }
}
