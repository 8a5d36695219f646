package dev.todo.web.api;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Waiting for an asynchronous API call. Such a call runs on another thread, where the request scope and so the
 * {@link dev.todo.web.account.AccessToken} of the page are not there; the page passes {@code accessToken.bearer()}
 * with the call instead, and {@link BearerTokenFilter} leaves that header alone.
 */
public final class ApiCalls {

    private ApiCalls() {}

    /** The answer, or the same {@link ApiException} or {@code ProcessingException} the blocking call would throw. */
    public static <T> T await(CompletionStage<T> call) {
        try {
            return call.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }
}
