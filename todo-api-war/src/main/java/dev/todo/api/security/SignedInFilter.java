package dev.todo.api.security;

import dev.todo.api.account.AccountService;
import dev.todo.api.account.SessionGrant;
import dev.todo.api.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.util.Set;

/**
 * Lets a request through to a {@link SignedIn} resource only with a bearer token that {@link TokenVerifier} verified
 * (signature, issuer, audience, expiry), in the {@code user} group, whose session is still open: not signed out, not
 * revoked, not ended by a password change, and of an account that still exists (one look-up by the token's
 * {@code jti}). Everything else gets 401 as problem+json that says which of these failed. Then what the session may
 * do: a {@code read} token only reads ({@link ReadScopeAllowed} marks the exceptions), and a personal access token
 * never reaches {@link SignInOnly} resources; both get 403. A filter rather than {@code @RolesAllowed}: a role
 * check cannot know that a still-valid token has been revoked.
 */
@Provider
@SignedIn
@Priority(Priorities.AUTHENTICATION)
public class SignedInFilter implements ContainerRequestFilter {

    static final String PERSONAL_TOKEN_REFUSED = "Personal access tokens cannot manage tokens, the calendar link,"
            + " the password or the account, nor sign out: sign in with your email and password for that.";

    private static final Set<String> READING_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    AccountService accounts;

    @Inject
    TokenVerifier verifier;

    @Inject
    CurrentUser user;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        TokenCheck.Result result = TokenCheck.check(request.getHeaderString("Authorization"), verifier, accounts);
        if (result.grant() == null) {
            refuse(request, 401, "Unauthorized", result.refusal());
            return;
        }
        SessionGrant grant = result.grant();
        if (grant.personal() && marked(SignInOnly.class)) {
            refuse(request, 403, "Forbidden", PERSONAL_TOKEN_REFUSED);
        } else if (!grant.mayWrite()
                && !READING_METHODS.contains(request.getMethod())
                && !marked(ReadScopeAllowed.class)) {
            refuse(request, 403, "Forbidden", TokenCheck.READ_ONLY);
        } else {
            user.admit(grant);
        }
    }

    private boolean marked(Class<? extends Annotation> annotation) {
        return resource.getResourceMethod().isAnnotationPresent(annotation)
                || resource.getResourceClass().isAnnotationPresent(annotation);
    }

    private static void refuse(ContainerRequestContext request, int status, String title, String detail) {
        Response.ResponseBuilder response = Response.fromResponse(Problem.of(status, title, detail)
                .toResponse(request.getUriInfo().getRequestUri().getRawPath()));
        if (status == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        request.abortWith(response.build());
    }
}
