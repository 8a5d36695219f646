package dev.todo.api.security;

import dev.todo.api.account.AccountService;
import dev.todo.api.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Lets a request through to a {@link SignedIn} resource only with a token that MicroProfile JWT verified
 * (signature, issuer, audience, expiry), in the {@code user} group, for an account that still exists. Everything
 * else gets 401 as problem+json that says which of these failed. A filter rather than {@code @RolesAllowed}: a role
 * check cannot know that the account behind a still-valid token has been deleted.
 */
@Provider
@SignedIn
@Priority(Priorities.AUTHENTICATION)
public class SignedInFilter implements ContainerRequestFilter {

    @Inject
    AccountService accounts;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
            refuse(request, "A valid bearer token is required: sign in and send Authorization: Bearer <token>.");
            return;
        }
        if (token.getGroups() == null || !token.getGroups().contains("user")) {
            refuse(request, "The token does not grant access to tasks.");
            return;
        }
        UUID account;
        try {
            account = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            refuse(request, "The token does not name an account.");
            return;
        }
        if (!accounts.exists(account)) {
            refuse(request, "This account no longer exists.");
        }
    }

    private static void refuse(ContainerRequestContext request, String detail) {
        request.abortWith(Response.fromResponse(Problem.of(401, "Unauthorized", detail)
                        .toResponse(request.getUriInfo().getRequestUri().getRawPath()))
                .header("WWW-Authenticate", "Bearer")
                .build());
    }
}
