package dev.todo.web.api;

/** The body of {@code DELETE /me}: the account's password. */
public record AccountDeletion(String password) {}
