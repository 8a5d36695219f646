package dev.todo.api.security;

import dev.todo.api.account.SessionGrant;
import dev.todo.api.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * The account the verified token speaks for (its {@code sub} claim), the only source of an owner id, and the session
 * the token belongs to (its {@code jti}), with what that session may do; {@link SignedInFilter} admits it.
 */
@RequestScoped
public class CurrentUser {

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
        return admitted().accountId();
    }

    public UUID sessionId() {
        return admitted().sessionId();
    }

    private SessionGrant admitted() {
        if (grant == null) {
            throw ProblemException.unauthorized(TokenCheck.SIGN_IN_FIRST);
        }
        return grant;
    }
}
