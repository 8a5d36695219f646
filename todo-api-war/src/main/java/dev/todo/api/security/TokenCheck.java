package dev.todo.api.security;

import dev.todo.api.account.AccountService;
import dev.todo.api.account.SessionGrant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What makes a verified token good for a signed-in request, shared by the REST filter and the MCP endpoint. */
public final class TokenCheck {

    public static final String SIGN_IN_FIRST =
            "A valid bearer token is required: sign in and send Authorization: Bearer <token>.";
    public static final String ENDED = "This token no longer works: it was signed out, revoked or has expired, the"
            + " password was changed, or the account deleted. Sign in again, or make a new token.";
    public static final String READ_ONLY = "This token has the read scope: it can list and read tasks, but not"
            + " create, change, complete or delete anything. Use a read-write token for that.";

    /** The outcome: what the token may do, or why it may not be used. */
    public record Result(SessionGrant grant, String refusal) {

        static Result refused(String why) {
            return new Result(null, why);
        }
    }

    private TokenCheck() {}

    /** Checks the token's claims, then asks the database about its session (one look-up by primary key). */
    public static Result check(JsonWebToken token, AccountService accounts) {
        if (token == null) {
            return Result.refused(SIGN_IN_FIRST);
        }
        if (token.getGroups() == null || !token.getGroups().contains("user")) {
            return Result.refused("The token does not grant access to tasks.");
        }
        Optional<UUID> account = uuid(token.getSubject());
        if (account.isEmpty()) {
            return Result.refused("The token does not name an account.");
        }
        Optional<UUID> session = uuid(token.getTokenID());
        if (session.isEmpty()) {
            return Result.refused("The token names no session (jti); sign in again for a new one.");
        }
        return accounts.openSession(account.get(), session.get())
                .map(grant -> new Result(grant, null))
                .orElseGet(() -> Result.refused(ENDED));
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
