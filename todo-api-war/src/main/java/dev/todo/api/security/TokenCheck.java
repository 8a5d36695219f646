package dev.todo.api.security;

import dev.todo.api.account.AccountService;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What makes a verified token good for a signed-in request, shared by the REST filter and the MCP endpoint. */
public final class TokenCheck {

    public static final String SIGN_IN_FIRST =
            "A valid bearer token is required: sign in and send Authorization: Bearer <token>.";
    public static final String ENDED =
            "This sign-in has ended (signed out, the password changed, or the account" + " deleted). Sign in again.";

    private TokenCheck() {}

    /** Why the token may not be used, or empty when it may; the last check asks the database. */
    public static Optional<String> refusal(JsonWebToken token, AccountService accounts) {
        if (token == null) {
            return Optional.of(SIGN_IN_FIRST);
        }
        if (token.getGroups() == null || !token.getGroups().contains("user")) {
            return Optional.of("The token does not grant access to tasks.");
        }
        Optional<UUID> account = uuid(token.getSubject());
        if (account.isEmpty()) {
            return Optional.of("The token does not name an account.");
        }
        Optional<UUID> session = uuid(token.getTokenID());
        if (session.isEmpty()) {
            return Optional.of("The token names no session (jti); sign in again for a new one.");
        }
        return accounts.isSignedIn(account.get(), session.get()) ? Optional.empty() : Optional.of(ENDED);
    }

    private static Optional<UUID> uuid(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
