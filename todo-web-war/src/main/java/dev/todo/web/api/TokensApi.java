package dev.todo.web.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /tokens}: the signed-in user's personal access tokens. */
@Path("tokens")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface TokensApi {

    @GET
    List<PersonalToken> list();

    @POST
    CreatedPersonalToken create(NewPersonalToken token);

    @DELETE
    @Path("{id}")
    void revoke(@PathParam("id") String id);
}
