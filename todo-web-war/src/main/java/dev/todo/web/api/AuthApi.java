package dev.todo.web.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /auth}: creating an account and signing in, the only calls made without a token. */
@Path("auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface AuthApi {

    @POST
    @Path("signup")
    Session signUp(SignUp request);

    @POST
    @Path("login")
    Session login(Login request);
}
