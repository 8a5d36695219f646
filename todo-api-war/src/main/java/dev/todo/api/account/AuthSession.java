package dev.todo.api.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One issued token: its id is the token's {@code jti}. The token is good while this row exists (its account's deletion
 * cascades here), is not revoked and has not expired. A sign-in makes one of kind {@code sign-in}; a personal access
 * token is one of kind {@code personal}, with a name, a scope and perhaps no expiry.
 */
@Entity
@Table(name = "auth_session")
public class AuthSession {

    static final String SIGN_IN = "sign-in";
    static final String PERSONAL = "personal";

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false)
    private String scope;

    @Column(updatable = false)
    private String name;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected AuthSession() {}

    private AuthSession(
            UUID accountId, String kind, TokenScope scope, String name, Instant createdAt, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.kind = kind;
        this.scope = scope.value();
        this.name = name;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** What signing up or in starts: full access until it expires or is revoked. */
    static AuthSession signIn(UUID accountId, Instant now, Instant expiresAt) {
        return new AuthSession(accountId, SIGN_IN, TokenScope.READ_WRITE, null, now, expiresAt);
    }

    /** A personal access token; {@code expiresAt} null for one that does not expire. */
    static AuthSession personal(UUID accountId, String name, TokenScope scope, Instant now, Instant expiresAt) {
        return new AuthSession(accountId, PERSONAL, scope, name, now, expiresAt);
    }

    public UUID getId() {
        return id;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    String getName() {
        return name;
    }

    TokenScope getScope() {
        return TokenScope.of(scope);
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
