package dev.todo.api.assistant;

/** Who wrote a message of a conversation. */
public enum MessageRole {
    USER,
    ASSISTANT,
    TOOL
}
