package dev.todo.api.security;

import dev.todo.api.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The account the verified token speaks for: its {@code sub} claim. The only source of an owner id. */
@RequestScoped
public class CurrentUser {

    @Inject
    JsonWebToken token;

    public UUID id() {
        String subject = token == null ? null : token.getSubject();
        if (subject == null) {
            throw ProblemException.unauthorized("Sign in first: send Authorization: Bearer <token>.");
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unauthorized("The token does not name an account.");
        }
    }
}
