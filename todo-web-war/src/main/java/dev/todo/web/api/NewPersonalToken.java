package dev.todo.web.api;

/** The body of {@code POST /tokens}: {@code expiresInDays} 30, 90, 365 or null for never. */
public record NewPersonalToken(String name, String scope, Integer expiresInDays) {}
