package dev.todo.api.account;

import dev.todo.api.account.dto.CreatedPersonalToken;
import dev.todo.api.account.dto.PersonalTokenRequest;
import dev.todo.api.account.dto.PersonalTokenView;
import dev.todo.api.database.Transactions;
import dev.todo.api.problem.Problem;
import dev.todo.api.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Personal access tokens: long-lived bearer tokens for scripts and MCP clients, each a session row of kind
 * {@code personal} with a name and a scope. The token is a JWT naming its row, so it is shown once and stored
 * nowhere; revoking it deletes the row, which every replica's next look-up misses.
 */
@ApplicationScoped
public class PersonalTokenService {

    /** The lifetimes on offer, in days; null (no expiry) is the other choice. */
    public static final Set<Long> EXPIRY_DAYS = Set.of(30L, 90L, 365L);

    static final int MAX_OPEN_TOKENS = 50;

    @Inject
    AuthSessionRepository sessions;

    @Inject
    TokenIssuer issuer;

    @Inject
    Transactions transactions;

    Clock clock = Clock.systemUTC();

    public List<PersonalTokenView> list(UUID accountId) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            return sessions.findPersonal(accountId).stream()
                    .map(session -> view(session, now))
                    .toList();
        });
    }

    /** A new token for the account; the answer holds the token, which nobody can see again. */
    public CreatedPersonalToken create(UUID accountId, PersonalTokenRequest request) {
        if (request.expiresInDays() != null && !EXPIRY_DAYS.contains(request.expiresInDays())) {
            throw ProblemException.invalid("expiresInDays", "must be 30, 90 or 365, or null for no expiry");
        }
        return transactions.inTransaction(() -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            if (sessions.countOpenPersonal(accountId, now) >= MAX_OPEN_TOKENS) {
                throw new ProblemException(Problem.of(
                        409,
                        "Too many tokens",
                        "An account can have " + MAX_OPEN_TOKENS + " personal access tokens in use; revoke one you"
                                + " no longer need first."));
            }
            Instant expires =
                    request.expiresInDays() == null ? null : now.plus(Duration.ofDays(request.expiresInDays()));
            AuthSession session = AuthSession.personal(
                    accountId, request.name().strip(), TokenScope.of(request.scope()), now, expires);
            sessions.add(session);
            TokenIssuer.IssuedToken token = issuer.issuePersonal(accountId, session);
            return new CreatedPersonalToken(token.token(), "Bearer", view(session, now));
        });
    }

    /** Ends the token at once and removes it from the list; 404 unless the account has it. */
    public void revoke(UUID accountId, UUID id) {
        transactions.inTransaction(() -> {
            if (sessions.removePersonal(accountId, id) == 0) {
                throw ProblemException.notFound("Token " + id);
            }
        });
    }

    private static PersonalTokenView view(AuthSession session, Instant now) {
        String status;
        if (session.getRevokedAt() != null) {
            status = "revoked";
        } else if (session.getExpiresAt() != null && !session.getExpiresAt().isAfter(now)) {
            status = "expired";
        } else {
            status = "active";
        }
        return new PersonalTokenView(
                session.getId(),
                session.getName(),
                session.getScope().value(),
                status,
                session.getCreatedAt(),
                session.getExpiresAt(),
                session.getLastUsedAt(),
                session.getRevokedAt());
    }
}
