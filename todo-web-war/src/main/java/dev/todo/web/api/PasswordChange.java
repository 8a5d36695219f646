package dev.todo.web.api;

/** Body of {@code POST /me/password}. */
public record PasswordChange(String currentPassword, String newPassword) {}
