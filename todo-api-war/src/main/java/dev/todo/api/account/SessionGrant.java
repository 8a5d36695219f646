package dev.todo.api.account;

import java.util.UUID;

/**
 * What a verified token whose session is open may do: act for {@code accountId}; {@code personal} for a personal
 * access token (which cannot manage tokens, the password or the account); read only, or also write.
 */
public record SessionGrant(UUID accountId, UUID sessionId, boolean personal, TokenScope scope) {

    public boolean mayWrite() {
        return scope == TokenScope.READ_WRITE;
    }
}
