package dev.todo.api.task;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()} without a {@code DateTimeFormatter}: the same ISO-8601 text (seconds always, a fraction
 * of 3, 6 or 9 digits when there is one, {@code Z}), written straight into a char array. Formatting was 5% of a list
 * request's CPU through the formatter (perf/HISTORY.md). Years outside 0000-9999 go through {@code toString}.
 */
final class InstantText {

    private static final int SECONDS_PER_DAY = 86_400;

    private InstantText() {}

    static String of(Instant instant) {
        long seconds = instant.getEpochSecond();
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int year = day.getYear();
        if (year < 0 || year > 9999) {
            return instant.toString();
        }
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        int nanos = instant.getNano();
        int fractionDigits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        char[] text = new char[20 + (fractionDigits == 0 ? 0 : fractionDigits + 1)];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, day.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, day.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        int end = 19;
        if (fractionDigits > 0) {
            text[end++] = '.';
            int fraction = fractionDigits == 3 ? nanos / 1_000_000 : fractionDigits == 6 ? nanos / 1_000 : nanos;
            digits(text, end, fraction, fractionDigits);
            end += fractionDigits;
        }
        text[end] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int start, int value, int width) {
        for (int i = start + width - 1; i >= start; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
