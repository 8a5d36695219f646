package dev.todo.web.api;

import java.util.List;

/** {@code POST /chat}: the assistant's answer and the task tools it used on the way. */
public record ChatReply(String conversationId, String reply, List<ToolCall> toolCalls) {

    public List<ToolCall> toolCalls() {
        return toolCalls == null ? List.of() : toolCalls;
    }
}
