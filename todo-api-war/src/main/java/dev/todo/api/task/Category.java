package dev.todo.api.task;

public enum Category {
    WORK,
    PERSONAL,
    HOME,
    OTHER
}
