package dev.todo.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle();

    LoginThrottleTest() {
        throttle.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    private void fail(int times, String email, String client) {
        for (int i = 0; i < times; i++) {
            throttle.failed(email, client);
        }
    }

    @Test
    void fewFailuresAreFree() {
        fail(LoginThrottle.FREE_FAILURES - 1, "a@example.com", "10.0.0.1");

        assertThat(throttle.waitBefore("a@example.com", "10.0.0.1")).isEmpty();
    }

    @Test
    void moreFailuresBlockTheAccountFromAnyClientWithAGrowingWait() {
        fail(LoginThrottle.FREE_FAILURES, "a@example.com", "10.0.0.1");
        Duration first = throttle.waitBefore("A@Example.com", "10.0.0.2").orElseThrow();
        fail(1, "a@example.com", "10.0.0.1");
        Duration second = throttle.waitBefore("a@example.com", "10.0.0.3").orElseThrow();

        assertThat(first).isEqualTo(LoginThrottle.FIRST_WAIT);
        assertThat(second).isEqualTo(LoginThrottle.FIRST_WAIT.multipliedBy(2));
    }

    @Test
    void theWaitNeverExceedsTheLongestAndEnds() {
        fail(50, "a@example.com", "10.0.0.1");

        assertThat(throttle.waitBefore("a@example.com", "10.0.0.9").orElseThrow())
                .isEqualTo(LoginThrottle.LONGEST_WAIT);
        now = now.plus(LoginThrottle.LONGEST_WAIT).plusSeconds(1);
        assertThat(throttle.waitBefore("a@example.com", "10.0.0.9")).isEmpty();
    }

    @Test
    void oneClientGuessingManyAccountsIsBlocked() {
        for (int i = 0; i < throttle.freeFailuresPerClient; i++) {
            throttle.failed("user" + i + "@example.com", "203.0.113.7");
        }

        assertThat(throttle.waitBefore("fresh@example.com", "203.0.113.7")).isPresent();
        assertThat(throttle.waitBefore("fresh@example.com", "198.51.100.1")).isEmpty();
    }

    @Test
    void successClearsTheAccountsFailures() {
        fail(LoginThrottle.FREE_FAILURES - 1, "a@example.com", "10.0.0.1");
        throttle.succeeded("a@example.com");
        fail(LoginThrottle.FREE_FAILURES - 1, "a@example.com", "10.0.0.1");

        assertThat(throttle.waitBefore("a@example.com", "10.0.0.1")).isEmpty();
    }
}
