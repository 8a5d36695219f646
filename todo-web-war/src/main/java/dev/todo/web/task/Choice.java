package dev.todo.web.task;

/** One option of a select: the API's value and the words shown. */
public record Choice(String value, String label) {

    public String getValue() {
        return value;
    }

    public String getLabel() {
        return label;
    }
}
