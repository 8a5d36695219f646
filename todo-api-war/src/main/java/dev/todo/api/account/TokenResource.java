package dev.todo.api.account;

import dev.todo.api.account.dto.CreatedPersonalToken;
import dev.todo.api.account.dto.PersonalTokenRequest;
import dev.todo.api.account.dto.PersonalTokenView;
import dev.todo.api.json.JsonInput;
import dev.todo.api.json.RequestValidator;
import dev.todo.api.problem.Problem;
import dev.todo.api.security.CurrentUser;
import dev.todo.api.security.SignInOnly;
import dev.todo.api.security.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/tokens}: the account's personal access tokens, for scripts and MCP clients. Only a signed-in session
 * manages them; a personal token cannot make or revoke tokens.
 */
@Path("tokens")
@RequestScoped
@SignedIn
@SignInOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(
        responseCode = "403",
        description = "A personal access token: only a signed-in session manages tokens",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class TokenResource {

    @Inject
    PersonalTokenService tokens;

    @Inject
    CurrentUser user;

    @Inject
    RequestValidator validator;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            summary = "List the personal access tokens",
            description = "Newest first, with when each was created, last used (to the minute) and expires; never"
                    + " the token itself.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = PersonalTokenView[].class)))
    public List<PersonalTokenView> list() {
        return tokens.list(user.id());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a personal access token",
            description = "scope read (list and read) or read-write; expiresInDays 30, 90, 365 or null (never). The"
                    + " answer is the only time the token is shown.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PersonalTokenRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = CreatedPersonalToken.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid request; the fields at fault are listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "The account has as many tokens in use as it may",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(String body) {
        JsonInput input = JsonInput.of(body, PersonalTokenRequest.FIELDS);
        PersonalTokenRequest request = validator.valid(
                input,
                new PersonalTokenRequest(
                        input.string("name"), input.string("scope"), input.wholeNumber("expiresInDays")));
        CreatedPersonalToken created = tokens.create(user.id(), request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.details().id().toString())
                        .build())
                .entity(created)
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a personal access token", description = "It stops working at once, on every replica.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(
            responseCode = "404",
            description = "No such token of this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response revoke(@PathParam("id") UUID id) {
        tokens.revoke(user.id(), id);
        return Response.noContent().build();
    }
}
