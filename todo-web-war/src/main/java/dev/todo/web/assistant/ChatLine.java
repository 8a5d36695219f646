package dev.todo.web.assistant;

/**
 * One line of a conversation as the page shows it: what the user wrote ({@code user}), what the assistant answered
 * ({@code assistant}), or an action it took ({@code action}, {@code action failed}). The kind is also the CSS class.
 */
public record ChatLine(String kind, String text) {

    public boolean isAction() {
        return kind.startsWith("action");
    }
}
