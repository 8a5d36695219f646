package dev.todo.web.api;

/** Body of {@code POST /auth/signup}. */
public record SignUp(String name, String email, String password) {}
