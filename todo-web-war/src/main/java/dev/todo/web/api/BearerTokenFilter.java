package dev.todo.web.api;

import dev.todo.web.account.AccessToken;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends the signed-in user's token with every call; the API alone decides whether it is still good. An asynchronous
 * call brings its own header (see {@link ApiCalls}): its thread has no request scope to read the token from.
 */
class BearerTokenFilter implements ClientRequestFilter {

    private final AccessToken accessToken;

    BearerTokenFilter(AccessToken accessToken) {
        this.accessToken = accessToken;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            return;
        }
        String bearer = accessToken.bearer();
        if (bearer != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, bearer);
        }
    }
}
