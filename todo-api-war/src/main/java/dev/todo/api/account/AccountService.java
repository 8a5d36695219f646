package dev.todo.api.account;

import dev.todo.api.account.dto.LoginRequest;
import dev.todo.api.account.dto.SignupRequest;
import dev.todo.api.account.dto.TokenResponse;
import dev.todo.api.account.dto.UserView;
import dev.todo.api.database.Transactions;
import dev.todo.api.problem.FieldError;
import dev.todo.api.problem.Problem;
import dev.todo.api.problem.ProblemException;
import dev.todo.api.telemetry.AppMetrics;
import dev.todo.api.telemetry.SignInOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts: sign-up, sign-in and sign-out, the profile, the password, and removing an account with all its data.
 * Every token it hands out belongs to an {@link AuthSession}; ending the session ends the token on every replica.
 */
@ApplicationScoped
public class AccountService {

    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    @Inject
    UserRepository users;

    @Inject
    AuthSessionRepository sessions;

    @Inject
    PasswordHasher hasher;

    @Inject
    TokenIssuer tokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    Transactions transactions;

    @Inject
    AppMetrics metrics;

    @Inject
    Event<SessionsEnded> everythingEnded;

    Clock clock = Clock.systemUTC();

    public TokenResponse signUp(SignupRequest request) {
        return transactions.inTransaction(() -> {
            String email = request.email().strip();
            if (users.findByEmail(email).isPresent()) {
                throw emailTaken();
            }
            User user = new User(email, request.name().strip(), hasher.hash(request.password()), now());
            try {
                users.add(user);
            } catch (PersistenceException e) {
                // Two sign-ups with one email at the same moment: the unique index decides.
                throw emailTaken();
            }
            return startSession(user);
        });
    }

    /** Signs in from the given client address; the password is checked outside any transaction (it is slow). */
    public TokenResponse logIn(LoginRequest request, String client) {
        String email = request.email().strip();
        Optional<Duration> wait = throttle.admit(email, client);
        if (wait.isPresent()) {
            metrics.signIn(SignInOutcome.THROTTLED);
            long seconds = Math.max(1, wait.get().toSeconds());
            throw new ProblemException(
                    Problem.of(
                            429,
                            "Too Many Requests",
                            "Too many failed sign-ins. Try again in " + seconds + " seconds."),
                    Map.of("Retry-After", Long.toString(seconds)));
        }
        Optional<User> user = transactions.inTransaction(() -> users.findByEmail(email));
        boolean matches = user.map(found -> hasher.matches(request.password(), found.getPasswordHash()))
                .orElseGet(() -> {
                    hasher.spendComparableTime(request.password());
                    return false;
                });
        if (!matches) {
            metrics.signIn(SignInOutcome.REFUSED);
            throw ProblemException.unauthorized("The email or the password is wrong.");
        }
        throttle.succeeded(email, client);
        TokenResponse token = transactions.inTransaction(() -> {
            User account = account(user.get().getId());
            sessions.removeExpired(account.getId(), now());
            return startSession(account);
        });
        metrics.signIn(SignInOutcome.SUCCEEDED);
        return token;
    }

    /**
     * What the token naming this session may do for this account, or empty when it may do nothing: the check every
     * signed-in request makes, one look-up by primary key outside any transaction. A personal access token's use is
     * recorded too, at most once every {@link #LAST_USE_PRECISION}, so that it costs a write only that often.
     */
    public Optional<SessionGrant> openSession(UUID accountId, UUID sessionId) {
        return sessions.findOpen(accountId, sessionId).map(open -> {
            boolean personal = AuthSession.PERSONAL.equals(open.kind());
            Instant since = clock.instant().minus(LAST_USE_PRECISION);
            if (personal && (open.lastUsedAt() == null || open.lastUsedAt().isBefore(since))) {
                sessions.markUsed(sessionId, LAST_USE_PRECISION);
            }
            return new SessionGrant(accountId, sessionId, personal, TokenScope.of(open.scope()));
        });
    }

    /** Ends the session of one token; a token already ended stays ended. */
    public void signOut(UUID accountId, UUID sessionId) {
        transactions.inTransaction(() -> {
            sessions.revoke(accountId, sessionId, now());
        });
    }

    /**
     * Ends every session of the account, the caller's own included, and its personal access tokens; features that
     * hand out other ways in (the calendar feed) hear of it and end theirs.
     */
    public void signOutEverywhere(UUID accountId) {
        transactions.inTransaction(() -> {
            sessions.revokeAll(accountId, now());
            everythingEnded.fire(new SessionsEnded(accountId));
        });
    }

    public UserView profile(UUID id) {
        return transactions.inTransaction(() -> {
            return UserView.of(account(id));
        });
    }

    public UserView rename(UUID id, String name) {
        return transactions.inTransaction(() -> {
            User user = account(id);
            user.rename(name.strip(), now());
            return UserView.of(user);
        });
    }

    /**
     * Changes the password and ends every session of the account, whoever holds its tokens, personal access tokens
     * and the calendar feed included (as {@link #signOutEverywhere} does); the caller gets a new
     * token so that the device the change was made on stays signed in.
     */
    public TokenResponse changePassword(UUID id, String currentPassword, String newPassword) {
        return transactions.inTransaction(() -> {
            User user = account(id);
            if (!hasher.matches(currentPassword, user.getPasswordHash())) {
                throw ProblemException.invalid("currentPassword", "is not your current password");
            }
            user.changePasswordHash(hasher.hash(newPassword), now());
            sessions.revokeAll(id, now());
            everythingEnded.fire(new SessionsEnded(id));
            return startSession(user);
        });
    }

    /** Removes the account after checking its password; its sessions go with it, so its tokens stop working at once. */
    public void delete(UUID id, String password) {
        transactions.inTransaction(() -> {
            User user = account(id);
            if (!hasher.matches(password, user.getPasswordHash())) {
                throw ProblemException.invalid("password", "is not your password");
            }
            users.remove(user);
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private User account(UUID id) {
        return users.find(id).orElseThrow(() -> ProblemException.unauthorized("This account no longer exists."));
    }

    private TokenResponse startSession(User user) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        AuthSession session = AuthSession.signIn(user.getId(), now, tokens.expiryFrom(now));
        sessions.add(session);
        TokenIssuer.IssuedToken token = tokens.issue(user, session);
        return new TokenResponse(token.token(), "Bearer", token.expiresAt(), UserView.of(user));
    }

    private static ProblemException emailTaken() {
        return new ProblemException(new Problem(
                409,
                "Email already registered",
                "An account with this email exists; sign in instead.",
                List.of(new FieldError("email", "is already registered")),
                Map.of()));
    }
}
