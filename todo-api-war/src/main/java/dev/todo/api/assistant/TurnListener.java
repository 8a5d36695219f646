package dev.todo.api.assistant;

import dev.todo.api.assistant.dto.ToolCallView;
import java.util.UUID;

/** Follows one turn of the assistant as it happens; the streaming endpoint sends each step as an event. */
public interface TurnListener {

    TurnListener NONE = new TurnListener() {};

    default void started(UUID conversationId) {}

    /** A piece of the reply text, as the model produces it. */
    default void text(String delta) {}

    default void toolCalled(ToolCallView call) {}
}
