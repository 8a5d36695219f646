package dev.todo.api.account;

import dev.todo.api.account.dto.LoginRequest;
import dev.todo.api.account.dto.SignupRequest;
import dev.todo.api.account.dto.TokenResponse;
import dev.todo.api.account.dto.UserView;
import dev.todo.api.database.Transactions;
import dev.todo.api.problem.FieldError;
import dev.todo.api.problem.Problem;
import dev.todo.api.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
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

/** Accounts: sign-up, sign-in, the profile, the password, and removing an account with all its data. */
@ApplicationScoped
public class AccountService {

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    TokenIssuer tokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    Transactions transactions;

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
            return tokenFor(user);
        });
    }

    public TokenResponse logIn(LoginRequest request, String client) {
        return transactions.inTransaction(() -> {
            String email = request.email().strip();
            Optional<Duration> wait = throttle.waitBefore(email, client);
            if (wait.isPresent()) {
                long seconds = Math.max(1, wait.get().toSeconds());
                throw new ProblemException(
                        Problem.of(
                                429,
                                "Too Many Requests",
                                "Too many failed sign-ins. Try again in " + seconds + " seconds."),
                        Map.of("Retry-After", Long.toString(seconds)));
            }
            Optional<User> user = users.findByEmail(email);
            boolean matches = user.map(found -> hasher.matches(request.password(), found.getPasswordHash()))
                    .orElseGet(() -> {
                        hasher.spendComparableTime(request.password());
                        return false;
                    });
            if (!matches) {
                throttle.failed(email, client);
                throw ProblemException.unauthorized("The email or the password is wrong.");
            }
            throttle.succeeded(email);
            return tokenFor(user.get());
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

    public void changePassword(UUID id, String currentPassword, String newPassword) {
        transactions.inTransaction(() -> {
            User user = account(id);
            if (!hasher.matches(currentPassword, user.getPasswordHash())) {
                throw ProblemException.invalid("currentPassword", "is not your current password");
            }
            user.changePasswordHash(hasher.hash(newPassword), now());
        });
    }

    public void delete(UUID id, String password) {
        transactions.inTransaction(() -> {
            User user = account(id);
            if (!hasher.matches(password, user.getPasswordHash())) {
                throw ProblemException.invalid("password", "is not your password");
            }
            users.remove(user);
        });
    }

    public boolean exists(UUID id) {
        return transactions.inTransaction(() -> {
            return users.exists(id);
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private User account(UUID id) {
        return users.find(id).orElseThrow(() -> ProblemException.unauthorized("This account no longer exists."));
    }

    private TokenResponse tokenFor(User user) {
        TokenIssuer.IssuedToken token = tokens.issue(user);
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
