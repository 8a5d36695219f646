package dev.todo.web.api;

/** Body of {@code POST /auth/login}. */
public record Login(String email, String password) {}
