package dev.todo.web.api;

/** The answer to {@code POST /tokens}: the only time the API shows the token. */
public record CreatedPersonalToken(String token, String tokenType, PersonalToken details) {}
