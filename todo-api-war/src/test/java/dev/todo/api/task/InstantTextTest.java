package dev.todo.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
            assertThat(written(instant)).isEqualTo(quoted(instant));
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
            assertThat(written(instant)).isEqualTo(quoted(instant));
        }
    }

    @Test
    void yearsBeyondFourDigitsAreLeftToInstant() {
        Instant far = Instant.parse("+10000-01-01T00:00:00Z");
        Instant before = Instant.parse("-0001-12-31T23:59:59Z");

        assertThat(written(far)).isEqualTo(quoted(far));
        assertThat(written(before)).isEqualTo(quoted(before));
    }

    @Test
    void writesAfterWhatIsAlreadyThereAndNullAsNull() {
        JsonBytes json = new JsonBytes(1);
        json.ascii("[")
                .instant(Instant.parse("2026-12-01T09:00:00.5Z"))
                .ascii(',')
                .instant(null);
        json.ascii(',').instant(Instant.parse("+10000-01-01T00:00:00Z")).ascii(']');

        assertThat(text(json)).isEqualTo("[\"2026-12-01T09:00:00.500Z\",null,\"+10000-01-01T00:00:00Z\"]");
    }

    private static String written(Instant instant) {
        return text(new JsonBytes(0).instant(instant));
    }

    private static String quoted(Instant instant) {
        return '"' + instant.toString() + '"';
    }

    private static String text(JsonBytes json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            json.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
