package dev.todo.api.security;

import dev.todo.api.account.AccountService;
import dev.todo.api.account.SessionGrant;
import java.util.Optional;

/** What makes a bearer token good for a signed-in request, shared by the REST filter and the MCP endpoint. */
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

    /**
     * Verifies the {@code Authorization} header's token (signature, issuer, audience, expiry, claims), then asks the
     * database about its session (one look-up by primary key).
     */
    public static Result check(String authorization, TokenVerifier verifier, AccountService accounts) {
        Optional<TokenVerifier.Outcome> outcome = verifier.verify(authorization);
        if (outcome.isEmpty()) {
            return Result.refused(SIGN_IN_FIRST);
        }
        TokenVerifier.Verified token = outcome.get().token();
        if (token == null) {
            return Result.refused(outcome.get().refusal());
        }
        return accounts.openSession(token.accountId(), token.sessionId())
                .map(grant -> new Result(grant, null))
                .orElseGet(() -> Result.refused(ENDED));
    }
}
