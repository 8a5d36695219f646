package dev.todo.api.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes iCalendar (RFC 5545) content lines: CRLF line ends, lines folded at 75 octets without splitting a
 * character, text values escaped, and control characters (which the format cannot carry) left out.
 */
final class ICalendarWriter {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final int MAX_OCTETS = 75;

    private final StringBuilder out = new StringBuilder();

    /** A line whose value is written as it is (dates, numbers, rules, names). */
    ICalendarWriter line(String name, String value) {
        fold(name + ":" + value);
        return this;
    }

    /** A line whose value is text, escaped. */
    ICalendarWriter text(String name, String value) {
        return line(name, escape(value));
    }

    String content() {
        return out.toString();
    }

    static String utc(Instant instant) {
        return LOCAL.format(instant.atOffset(ZoneOffset.UTC)) + "Z";
    }

    static String local(LocalDateTime time) {
        return LOCAL.format(time);
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** A UTC offset as +HHMM (or +HHMMSS when it has seconds, as some historical ones do). */
    static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        String text = String.format("%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? text : text + String.format("%02d", abs % 60);
    }

    /** A duration value, e.g. -PT30M, PT0S or P1DT2H. */
    static String duration(Duration duration) {
        if (duration.isZero()) {
            return "PT0S";
        }
        Duration abs = duration.abs();
        StringBuilder text = new StringBuilder(duration.isNegative() ? "-P" : "P");
        long days = abs.toDays();
        if (days > 0) {
            text.append(days).append('D');
        }
        long hours = abs.toHoursPart();
        long minutes = abs.toMinutesPart();
        long seconds = abs.toSecondsPart();
        if (hours > 0 || minutes > 0 || seconds > 0) {
            text.append('T');
            if (hours > 0) {
                text.append(hours).append('H');
            }
            if (minutes > 0) {
                text.append(minutes).append('M');
            }
            if (seconds > 0) {
                text.append(seconds).append('S');
            }
        }
        return text.toString();
    }

    static String escape(String value) {
        StringBuilder text = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> text.append("\\\\");
                case ';' -> text.append("\\;");
                case ',' -> text.append("\\,");
                case '\n' -> text.append("\\n");
                case '\r' -> {}
                default -> {
                    if (c >= 0x20 && c != 0x7f || c == '\t') {
                        text.appendCodePoint(c);
                    }
                }
            }
        });
        return text.toString();
    }

    private void fold(String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int c = line.codePointAt(i);
            int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(c);
            octets += size;
            i += Character.charCount(c);
        }
        out.append("\r\n");
    }
}
