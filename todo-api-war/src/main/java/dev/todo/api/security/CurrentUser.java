package dev.todo.api.security;

import dev.todo.api.account.SessionGrant;
import dev.todo.api.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The account the verified token speaks for (its {@code sub} claim), the only source of an owner id, and the session
 * the token belongs to (its {@code jti}), with what that session may do.
 */
@RequestScoped
public class CurrentUser {

    @Inject
    JsonWebToken token;

    private SessionGrant grant;

    /** What the token's open session may do, as {@link SignedInFilter} found it. */
    void admit(SessionGrant grant) {
        this.grant = grant;
    }

    /** Whether the token may create, change and delete; false for a {@code read} token. */
    public boolean mayWrite() {
        return grant != null && grant.mayWrite();
    }

    public UUID id() {
        return claim(token == null ? null : token.getSubject(), "The token does not name an account.");
    }

    public UUID sessionId() {
        return claim(token == null ? null : token.getTokenID(), "The token names no session (jti).");
    }

    private static UUID claim(String value, String whenInvalid) {
        if (value == null) {
            throw ProblemException.unauthorized(TokenCheck.SIGN_IN_FIRST);
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unauthorized(whenInvalid);
        }
    }
}
