package dev.todo.web.account;

import dev.todo.web.api.ApiException;
import dev.todo.web.api.CreatedPersonalToken;
import dev.todo.web.api.NewPersonalToken;
import dev.todo.web.api.PersonalToken;
import dev.todo.web.api.TokensApi;
import dev.todo.web.config.PublicApi;
import dev.todo.web.page.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The profile's "API tokens" and "Connect an MCP client" sections: make a token (shown on the answering page only,
 * never again), list them, revoke one after confirming, and the MCP configuration filled in with the server's URL
 * and, right after it was made, the new token.
 */
@Named
@RequestScoped
public class ProfileTokens {

    static final String PLACEHOLDER = "<your token>";

    @Inject
    TokensApi tokensApi;

    @Inject
    PublicApi publicApi;

    private List<PersonalToken> tokens;
    private String name;
    private String scope = "read-write";
    private String expiry = "90";
    private String mcpScope = "read-write";
    /** The id of the token whose revoking is being confirmed; from the URL. */
    private String revoke;

    private CreatedPersonalToken created;
    private boolean createdForMcp;

    public void create() {
        String typed = name == null ? "" : name.strip();
        if (typed.isEmpty()) {
            Pages.fieldError("token-form:token-name", "Name the token, e.g. after the script or app that uses it.");
            Pages.error("The token is not made yet. Give it a name.");
            return;
        }
        make(new NewPersonalToken(typed, scope, days(expiry)), false);
    }

    /** One click from the MCP section: a token named for it, of the chosen scope, for 90 days. */
    public void createForMcp() {
        make(new NewPersonalToken("MCP client", mcpScope, 90), true);
    }

    public void revokeToken() {
        String id = revokeId();
        Optional<PersonalToken> token = getTokens().stream()
                .filter(candidate -> candidate.id().equals(id))
                .findFirst();
        try {
            tokensApi.revoke(id);
        } catch (ApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
        Pages.redirect(
                "/profile#tokens-heading",
                token.map(t -> "The token \"" + t.name() + "\" is revoked; whatever used it is refused from now on.")
                        .orElse("That token was already revoked."));
    }

    private void make(NewPersonalToken request, boolean forMcp) {
        try {
            created = tokensApi.create(request);
            createdForMcp = forMcp;
            tokens = null;
            Pages.info("Your new token \"" + created.details().name() + "\" is below. Copy it now: it is not shown"
                    + " again.");
        } catch (ApiException e) {
            if (e.status() == 409) {
                Pages.error("The token is not made yet. "
                        + e.problem().map(p -> p.detail()).orElse(""));
                return;
            }
            if (e.status() != 400) {
                throw e;
            }
            Pages.showProblem(
                    e,
                    Map.of(
                            "name",
                            new Pages.Field("token-form:token-name", "Use a name of up to 100 characters."),
                            "scope",
                            new Pages.Field("token-form:token-scope", "Choose what the token may do."),
                            "expiresInDays",
                            new Pages.Field("token-form:token-expiry", "Choose 30, 90 or 365 days, or never.")),
                    "The token is not made yet.");
        }
    }

    static Integer days(String expiry) {
        return expiry == null || expiry.isBlank() || "never".equals(expiry) ? null : Integer.valueOf(expiry);
    }

    public List<PersonalToken> getTokens() {
        if (tokens == null) {
            tokens = tokensApi.list();
        }
        return tokens;
    }

    public Optional<PersonalToken> getRevoking() {
        String id = revokeId();
        return id == null
                ? Optional.empty()
                : getTokens().stream().filter(token -> token.id().equals(id)).findFirst();
    }

    /**
     * The view parameter reaches {@link #revoke} only at Update Model Values, after the confirmation's button was
     * decoded, so the confirmation's {@code rendered} test also reads the posted parameter.
     */
    private String revokeId() {
        return revoke != null ? revoke : Pages.viewParameter("revoke");
    }

    public boolean isConfirmingRevoke() {
        return getRevoking().isPresent();
    }

    /** The MCP clients' configuration with the new token when one was just made, else a placeholder. */
    public McpClientConfigs getMcp() {
        return new McpClientConfigs(publicApi.getMcpUrl(), created == null ? PLACEHOLDER : created.token());
    }

    public CreatedPersonalToken getCreated() {
        return created;
    }

    public boolean isCreatedForMcp() {
        return createdForMcp;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getExpiry() {
        return expiry;
    }

    public void setExpiry(String expiry) {
        this.expiry = expiry;
    }

    public String getMcpScope() {
        return mcpScope;
    }

    public void setMcpScope(String mcpScope) {
        this.mcpScope = mcpScope;
    }

    public String getRevoke() {
        return revoke;
    }

    public void setRevoke(String revoke) {
        this.revoke = revoke;
    }
}
