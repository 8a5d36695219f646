package dev.todo.web.api;

import dev.todo.web.account.AccessToken;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** Sends the signed-in user's token with every call; the API alone decides whether it is still good. */
class BearerTokenFilter implements ClientRequestFilter {

    private final AccessToken accessToken;

    BearerTokenFilter(AccessToken accessToken) {
        this.accessToken = accessToken;
    }

    @Override
    public void filter(ClientRequestContext request) {
        accessToken.value().ifPresent(token -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}
