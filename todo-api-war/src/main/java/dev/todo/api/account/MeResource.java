package dev.todo.api.account;

import dev.todo.api.account.dto.AccountDeletion;
import dev.todo.api.account.dto.NameChange;
import dev.todo.api.account.dto.PasswordChange;
import dev.todo.api.account.dto.TokenResponse;
import dev.todo.api.account.dto.UserView;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/me}: the signed-in user's own account. */
@Path("me")
@RequestScoped
@SignedIn
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(
        responseCode = "403",
        description = "A read token changing the name, or a personal access token changing the password or deleting"
                + " the account",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class MeResource {

    @Inject
    AccountService accounts;

    @Inject
    CurrentUser user;

    @Inject
    RequestValidator validator;

    @GET
    @Operation(summary = "The signed-in user")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    public UserView get() {
        return accounts.profile(user.id());
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Change the name",
            description = "The account as GET returned it may be sent back changed: its read-only fields are "
                    + "ignored, but an id must be the account's.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NameChange.class)))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid request; the fields at fault are listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public UserView rename(String body) {
        JsonInput input = JsonInput.of(body, Set.of("name"), UserView.READ_ONLY, user.id());
        NameChange change = validator.valid(input, new NameChange(input.string("name")));
        return accounts.rename(user.id(), change.name());
    }

    @POST
    @Path("password")
    @SignInOnly
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change the password",
            description = "Needs the current password. Ends every session of the account, on every device, and"
                    + " answers with a new token for the caller.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PasswordChange.class)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; the account's other tokens no longer work",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Wrong current password or too short a new one",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TokenResponse changePassword(String body) {
        JsonInput input = JsonInput.of(body, Set.of("currentPassword", "newPassword"));
        PasswordChange change = validator.valid(
                input, new PasswordChange(input.string("currentPassword"), input.string("newPassword")));
        return accounts.changePassword(user.id(), change.currentPassword(), change.newPassword());
    }

    @DELETE
    @SignInOnly
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Delete the account",
            description = "Removes the account and all its tasks for good, after checking the password; its tokens"
                    + " stop working at once.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AccountDeletion.class)))
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "400",
            description = "Missing or wrong password",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response delete(String body) {
        JsonInput input = JsonInput.of(body, Set.of("password"));
        accounts.delete(
                user.id(),
                validator
                        .valid(input, new AccountDeletion(input.string("password")))
                        .password());
        return Response.noContent().build();
    }
}
