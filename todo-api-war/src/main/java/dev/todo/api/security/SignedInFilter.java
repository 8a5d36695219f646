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
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Lets a request through to a {@link SignedIn} resource only with a token that MicroProfile JWT verified
 * (signature, issuer, audience, expiry), in the {@code user} group, whose session is still open: not signed out, not
 * ended by a password change, and of an account that still exists (one look-up by the token's {@code jti}).
 * Everything else gets 401 as problem+json that says which of these failed. A filter rather than
 * {@code @RolesAllowed}: a role check cannot know that a still-valid token has been revoked.
 */
@Provider
@SignedIn
@Priority(Priorities.AUTHENTICATION)
public class SignedInFilter implements ContainerRequestFilter {

    @Inject
    AccountService accounts;

    @Override
    public void filter(ContainerRequestContext request) {
        JsonWebToken token =
                request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken verified ? verified : null;
        Optional<String> refusal = TokenCheck.refusal(token, accounts);
        refusal.ifPresent(detail -> refuse(request, detail));
    }

    private static void refuse(ContainerRequestContext request, String detail) {
        request.abortWith(Response.fromResponse(Problem.of(401, "Unauthorized", detail)
                        .toResponse(request.getUriInfo().getRequestUri().getRawPath()))
                .header("WWW-Authenticate", "Bearer")
                .build());
    }
}
