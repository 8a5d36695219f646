package dev.todo.api.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing. After {@value #FREE_FAILURES} failed logins for one account (or
 * {@code LOGIN_FREE_FAILURES_PER_CLIENT}, default 20, from one client address) further attempts are refused for a while that doubles with each
 * failure, up to {@link #LONGEST_WAIT}. A successful login clears the account's count, and every block ends, so the
 * real owner is never locked out for good.
 *
 * <p>Counts are kept per server process: with several API replicas an attacker gets a few more tries, which the
 * doubling wait still keeps small.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    private record Failures(int count, Instant last, Instant blockedUntil) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "LOGIN_FREE_FAILURES_PER_CLIENT", defaultValue = "20")
    int freeFailuresPerClient = 20;

    Clock clock = Clock.systemUTC();

    /** How long the caller must wait before trying again, if at all. */
    public Optional<Duration> waitBefore(String email, String client) {
        Instant now = clock.instant();
        Duration wait = max(remaining(accountKey(email), now), remaining(clientKey(client), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String email, String client) {
        Instant now = clock.instant();
        record(accountKey(email), FREE_FAILURES, now);
        record(clientKey(client), freeFailuresPerClient, now);
        if (failures.size() > 100_000) {
            failures.entrySet()
                    .removeIf(
                            entry -> entry.getValue().last().plus(FORGET_AFTER).isBefore(now));
        }
    }

    public void succeeded(String email) {
        failures.remove(accountKey(email));
    }

    private void record(String key, int free, Instant now) {
        failures.compute(key, (ignored, previous) -> {
            int count = previous == null || previous.last().plus(FORGET_AFTER).isBefore(now) ? 1 : previous.count() + 1;
            Instant blockedUntil = count < free ? null : now.plus(waitAfter(count - free));
            return new Failures(count, now, blockedUntil);
        });
    }

    private static Duration waitAfter(int extraFailures) {
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(extraFailures, 10));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private Duration remaining(String key, Instant now) {
        Failures entry = failures.get(key);
        if (entry == null
                || entry.blockedUntil() == null
                || !entry.blockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, entry.blockedUntil());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String clientKey(String client) {
        return "client:" + client;
    }
}
