package dev.todo.api.account;

import java.util.UUID;

/**
 * Every session of the account has just been ended ("sign out everywhere", a password change): fired inside that
 * transaction, so that a feature with a way in of its own ends it in the same commit.
 */
public record SessionsEnded(UUID accountId) {}
