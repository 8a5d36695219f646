package dev.todo.api.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One issued token: its id is the token's {@code jti}. The token is good while this row exists (its account's deletion
 * cascades here), is not revoked and has not expired.
 */
@Entity
@Table(name = "auth_session")
public class AuthSession {

    static final String SIGN_IN = "sign-in";
    static final String READ_WRITE = "read-write";

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false)
    private String scope;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected AuthSession() {}

    private AuthSession(UUID accountId, String kind, String scope, Instant createdAt, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.kind = kind;
        this.scope = scope;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** What signing up or in starts: full access until it expires or is revoked. */
    static AuthSession signIn(UUID accountId, Instant now, Instant expiresAt) {
        return new AuthSession(accountId, SIGN_IN, READ_WRITE, now, expiresAt);
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
}
