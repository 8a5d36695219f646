package dev.todo.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    @Test
    void theFirstFailureOverTheFreeOnesWaitsThirtySeconds() {
        assertThat(LoginThrottle.waitAfter(0)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void eachFurtherFailureDoublesTheWait() {
        assertThat(LoginThrottle.waitAfter(1)).isEqualTo(Duration.ofSeconds(60));
        assertThat(LoginThrottle.waitAfter(3)).isEqualTo(Duration.ofSeconds(240));
    }

    @Test
    void theWaitStopsGrowingAtFifteenMinutes() {
        assertThat(LoginThrottle.waitAfter(5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(LoginThrottle.waitAfter(1_000_000)).isEqualTo(LoginThrottle.LONGEST_WAIT);
    }
}
