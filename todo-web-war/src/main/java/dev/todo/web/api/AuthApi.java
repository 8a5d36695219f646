package dev.todo.web.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /auth}: creating an account and signing in, the only calls made without a token, and signing out. Sign-up
 * and sign-in name the browser's address in {@code X-Forwarded-For}: the API counts failed sign-ins per client, and
 * it believes the header because this server is one of its trusted proxies.
 */
@Path("auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface AuthApi {

    String FORWARDED_FOR = "X-Forwarded-For";

    @POST
    @Path("signup")
    Session signUp(SignUp request, @HeaderParam(FORWARDED_FOR) String browserAddress);

    @POST
    @Path("login")
    Session login(Login request, @HeaderParam(FORWARDED_FOR) String browserAddress);

    /** Ends the session of the token in {@code bearer}; with {@code everywhere} every session of its account. */
    @POST
    @Path("logout")
    void logout(@QueryParam("everywhere") boolean everywhere, @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);
}
