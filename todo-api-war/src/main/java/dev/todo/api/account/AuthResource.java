package dev.todo.api.account;

import dev.todo.api.account.dto.LoginRequest;
import dev.todo.api.account.dto.SignupRequest;
import dev.todo.api.account.dto.TokenResponse;
import dev.todo.api.json.JsonInput;
import dev.todo.api.json.RequestValidator;
import dev.todo.api.problem.Problem;
import dev.todo.api.security.ClientAddress;
import dev.todo.api.security.CurrentUser;
import dev.todo.api.security.SignInOnly;
import dev.todo.api.security.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/auth}: create an account and sign in, both answering with a bearer token, and sign out, which ends
 * that token (or every token of the account) at once on every replica.
 */
@Path("auth")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class AuthResource {

    @Inject
    AccountService accounts;

    @Inject
    RequestValidator validator;

    @Inject
    CurrentUser user;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest request;

    @POST
    @Path("signup")
    @Operation(
            summary = "Create an account",
            description = "Email is unique ignoring case; password at least 8 characters.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SignupRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid request; the fields at fault are listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "Email already registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response signUp(String body) {
        JsonInput input = JsonInput.of(body, Set.of("name", "email", "password"));
        SignupRequest signup = new SignupRequest(input.string("name"), input.string("email"), input.string("password"));
        TokenResponse token = accounts.signUp(validator.valid(input, signup));
        return Response.status(Response.Status.CREATED).entity(token).build();
    }

    @POST
    @Path("login")
    @Operation(summary = "Sign in", description = "Repeated failures are refused for a while (429 with Retry-After).")
    @RequestBody(content = @Content(schema = @Schema(implementation = LoginRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(
            responseCode = "401",
            description = "Wrong email or password",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "429",
            description = "Too many failures",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TokenResponse logIn(String body) {
        JsonInput input = JsonInput.of(body, Set.of("email", "password"));
        LoginRequest login = new LoginRequest(input.string("email"), input.string("password"));
        return accounts.logIn(validator.valid(input, login), client());
    }

    @POST
    @Path("logout")
    @SignedIn
    @SignInOnly
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Sign out",
            description = "Ends this token's session at once; with everywhere=true every session of the account.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(
            responseCode = "401",
            description = "No valid token (already signed out, for one)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "403",
            description = "A personal access token: revoke it with DELETE /api/tokens/{id} instead",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response logOut(
            @Parameter(description = "End every session of the account, on every device")
                    @QueryParam("everywhere")
                    @DefaultValue("false")
                    boolean everywhere) {
        if (everywhere) {
            accounts.signOutEverywhere(user.id());
        } else {
            accounts.signOut(user.id(), user.sessionId());
        }
        return Response.noContent().build();
    }

    /** The client's address: X-Forwarded-For only as far as trusted proxies (the web server, an ingress) wrote it. */
    private String client() {
        return clientAddress.of(request);
    }
}
