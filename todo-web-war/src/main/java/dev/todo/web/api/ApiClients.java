package dev.todo.web.api;

import dev.todo.web.account.AccessToken;
import dev.todo.web.config.ApiEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Builds the Rest Client proxies against {@link ApiEndpoint}. Built here rather than from mp-rest properties so that
 * the base URL is resolved once, in the application's context, whichever thread first uses a client.
 */
@ApplicationScoped
public class ApiClients {

    static final long CONNECT_TIMEOUT_MILLIS = 2_000;
    static final long READ_TIMEOUT_MILLIS = 10_000;
    /** One turn may take several model rounds of up to AI_TIMEOUT_SECONDS each; a stream may pause as long. */
    static final long ASSISTANT_READ_TIMEOUT_MILLIS = 180_000;

    static final long TRANSFER_READ_TIMEOUT_MILLIS = 120_000;

    @Inject
    ApiEndpoint endpoint;

    /** A request-scoped bean: each call reads the token of the request that makes it. */
    @Inject
    AccessToken accessToken;

    @Produces
    @ApplicationScoped
    PingApi pingApi() {
        return builder().build(PingApi.class);
    }

    @Produces
    @ApplicationScoped
    AuthApi authApi() {
        return builder().build(AuthApi.class);
    }

    @Produces
    @ApplicationScoped
    MeApi meApi() {
        return builder().register(new BearerTokenFilter(accessToken)).build(MeApi.class);
    }

    @Produces
    @ApplicationScoped
    TasksApi tasksApi() {
        return builder().register(new BearerTokenFilter(accessToken)).build(TasksApi.class);
    }

    @Produces
    @ApplicationScoped
    ChatApi chatApi() {
        return builder(ASSISTANT_READ_TIMEOUT_MILLIS)
                .register(new BearerTokenFilter(accessToken))
                .build(ChatApi.class);
    }

    @Produces
    @ApplicationScoped
    ConversationsApi conversationsApi() {
        return builder().register(new BearerTokenFilter(accessToken)).build(ConversationsApi.class);
    }

    @Produces
    @ApplicationScoped
    TokensApi tokensApi() {
        return builder().register(new BearerTokenFilter(accessToken)).build(TokensApi.class);
    }

    @Produces
    @ApplicationScoped
    CalendarApi calendarApi() {
        return builder().register(new BearerTokenFilter(accessToken)).build(CalendarApi.class);
    }

    /** An import of a few MiB may take the API a while to check and store. */
    @Produces
    @ApplicationScoped
    TransferApi transferApi() {
        return builder(TRANSFER_READ_TIMEOUT_MILLIS)
                .register(new BearerTokenFilter(accessToken))
                .build(TransferApi.class);
    }

    private RestClientBuilder builder() {
        return builder(READ_TIMEOUT_MILLIS);
    }

    private RestClientBuilder builder(long readTimeoutMillis) {
        return RestClientBuilder.newBuilder()
                .baseUri(endpoint.baseUri())
                .connectTimeout(CONNECT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .register(ProblemResponseMapper.class);
    }
}
