package dev.todo.web.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /me}: the signed-in user's own account. */
@Path("me")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface MeApi {

    @GET
    User me();

    @PATCH
    User rename(NameChange change);

    /** Ends every session of the account and answers with a new one for this browser. */
    @POST
    @Path("password")
    Session changePassword(PasswordChange change);

    /** DELETE with a body: the API wants the password before it deletes anything. */
    @DELETE
    void deleteAccount(AccountDeletion deletion);
}
