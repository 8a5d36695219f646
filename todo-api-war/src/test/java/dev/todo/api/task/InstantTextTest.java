package dev.todo.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantTextTest {

    @Test
    void writesWhatInstantToStringWrites() {
        for (String example : new String[] {
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999999999Z",
            "2026-12-01T09:00:00Z",
            "2026-12-01T08:30:00.123456Z",
            "2026-11-30T10:15:30.500Z",
            "2024-02-29T23:59:59.000001Z",
            "0000-01-01T00:00:00.100Z",
            "9999-12-31T23:59:59.999999999Z"
        }) {
            Instant instant = Instant.parse(example);
            assertThat(InstantText.of(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void agreesWithInstantToStringOnRandomInstantsAtEveryPrecision() {
        SplittableRandom random = new SplittableRandom(17);
        long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        int[] steps = {1_000_000_000, 1_000_000, 1_000, 1};
        for (int i = 0; i < 100_000; i++) {
            int step = steps[i % steps.length];
            Instant instant =
                    Instant.ofEpochSecond(random.nextLong(from, to + 1), random.nextInt(1_000_000_000) / step * step);
            assertThat(InstantText.of(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void yearsBeyondFourDigitsAreLeftToInstant() {
        Instant far = Instant.parse("+10000-01-01T00:00:00Z");
        Instant before = Instant.parse("-0001-12-31T23:59:59Z");

        assertThat(InstantText.of(far)).isEqualTo(far.toString());
        assertThat(InstantText.of(before)).isEqualTo(before.toString());
    }
}
