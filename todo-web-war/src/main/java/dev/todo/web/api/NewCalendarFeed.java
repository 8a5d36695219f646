package dev.todo.web.api;

/** The body of {@code POST /calendar/feed}. */
public record NewCalendarFeed(String timeZone) {}
