package dev.todo.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks what only a signed-in session (email and password) may do, never a personal access token: manage tokens and
 * the calendar link, change the password, delete the account, sign out. A leaked token then cannot make more
 * tokens, lock its owner out or outlive its own revocation. {@link SignedInFilter} answers 403 otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SignInOnly {}
