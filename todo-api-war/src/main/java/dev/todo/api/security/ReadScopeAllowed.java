package dev.todo.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST that a {@code read} token may make because it changes no tasks by itself: talking to the assistant,
 * whose tools are then cut down to the reading ones. Every other request but GET, HEAD and OPTIONS needs
 * {@code read-write}; {@link SignedInFilter} answers 403 otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReadScopeAllowed {}
