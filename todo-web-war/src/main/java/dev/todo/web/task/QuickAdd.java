package dev.todo.web.task;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one line of quick add: "Pay rent tomorrow 9am !high #home every month" is the task "Pay rent", due tomorrow at
 * 09:00 in the user's zone, high priority, tagged home, repeating monthly. What it recognises is taken out of the
 * title; everything else stays exactly as typed. Text in double quotes and a word after a backslash ({@code \today})
 * are never read as anything but text; a line that would leave no title is all title.
 *
 * <p>The first date and the first time win; a second one stays text. A date without a time is due at the end of that
 * day, a time without a date at its next occurrence.
 */
public final class QuickAdd {

    /** Due time for a day named without a time: due by the end of it, so it is not overdue in the morning. */
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

    static final LocalTime TONIGHT = LocalTime.of(20, 0);

    private static final Set<String> PREPOSITIONS = Set.of("on", "by", "at", "due", "before");
    private static final Map<String, String> PRIORITIES =
            Map.of("!low", "LOW", "!medium", "MEDIUM", "!med", "MEDIUM", "!high", "HIGH");
    private static final Map<String, String> EVERY = Map.of("day", "DAILY", "week", "WEEKLY", "month", "MONTHLY");
    private static final Map<String, String> ADVERBS =
            Map.of("daily", "DAILY", "weekly", "WEEKLY", "monthly", "MONTHLY");
    private static final Pattern TAG = Pattern.compile("#(\\p{L}[\\p{L}\\p{N}_-]{0,49})");
    private static final Pattern CLOCK = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");
    private static final Pattern MERIDIEM = Pattern.compile("(1[0-2]|0?[1-9])(?:[:.]([0-5]\\d))?\\s?(am|pm)");
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DAY_NUMBER = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?");
    private static final Pattern YEAR = Pattern.compile("20\\d\\d");
    private static final Pattern COUNT = Pattern.compile("\\d{1,3}|a|an|one|two|three");

    /** What a line says: the title and what was recognised, each with the words it was read from. */
    public record Parsed(
            String title,
            LocalDateTime due,
            boolean dueHasTime,
            String priority,
            List<String> tags,
            String recurrence,
            List<Part> parts) {

        public boolean recognisedAnything() {
            return !parts.isEmpty();
        }
    }

    /** One recognised part: its kind ({@code due}, {@code priority}, {@code tag}, {@code repeat}) and the words. */
    public record Part(String kind, String words) {}

    private record Token(String text, int start, int end, boolean literal) {

        String word() {
            return literal ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[,;.]+$", "");
        }
    }

    private final List<Token> tokens;
    private final boolean[] used;
    private final ZonedDateTime now;
    private final String line;

    private LocalDate date;
    private LocalTime time;
    /** The time came from "tonight"; a time typed as well replaces it. */
    private boolean timeImplied;

    private String priority;
    private final Set<String> tags = new LinkedHashSet<>();
    private String recurrence;
    private final List<Part> parts = new ArrayList<>();

    private QuickAdd(String line, ZonedDateTime now) {
        this.line = line;
        this.now = now;
        this.tokens = tokenize(line);
        this.used = new boolean[tokens.size()];
    }

    /** Reads the line as typed at {@code now}, in the user's zone (the zone of {@code now}). */
    public static Parsed parse(String line, ZonedDateTime now) {
        if (line == null || line.isBlank()) {
            return new Parsed(line == null ? "" : line.strip(), null, false, null, List.of(), null, List.of());
        }
        return new QuickAdd(line, now).read();
    }

    private Parsed read() {
        for (int i = 0; i < tokens.size(); ) {
            int taken = tokens.get(i).literal() ? 0 : recognise(i);
            i += Math.max(taken, 1);
        }
        String title = title();
        if (parts.isEmpty() || title.isBlank()) {
            return new Parsed(plainTitle(), null, false, null, List.of(), null, List.of());
        }
        LocalDateTime due = due();
        return new Parsed(title, due, time != null, priority, List.copyOf(tags), recurrence, List.copyOf(parts));
    }

    /** Tries every kind of part at token {@code i}; answers how many tokens it took (0: none). */
    private int recognise(int i) {
        String word = tokens.get(i).word();
        if (priority == null && PRIORITIES.containsKey(word)) {
            priority = PRIORITIES.get(word);
            return take(i, 1, "priority");
        }
        Matcher tag = TAG.matcher(tokens.get(i).text().replaceAll("[,;.]+$", ""));
        if (tag.matches()) {
            tags.add(tag.group(1).toLowerCase(Locale.ROOT));
            return take(i, 1, "tag");
        }
        if (recurrence == null) {
            int n = repeat(i);
            if (n > 0) {
                return take(i, n, "repeat");
            }
        }
        if (PREPOSITIONS.contains(word)
                && i + 1 < tokens.size()
                && !tokens.get(i + 1).literal()) {
            int n = when(i + 1, true);
            return n > 0 ? take(i, n + 1, "due") : 0;
        }
        int n = when(i, false);
        return n > 0 ? take(i, n, "due") : 0;
    }

    /** "every day|week|month", "every monday", "daily", "weekly", "monthly". */
    private int repeat(int i) {
        String word = tokens.get(i).word();
        if (ADVERBS.containsKey(word)) {
            recurrence = ADVERBS.get(word);
            return 1;
        }
        if (!word.equals("every") || i + 1 >= tokens.size()) {
            return 0;
        }
        String next = tokens.get(i + 1).word();
        if (EVERY.containsKey(next)) {
            recurrence = EVERY.get(next);
            return 2;
        }
        DayOfWeek day = weekday(next, true);
        if (day != null && date == null) {
            recurrence = "WEEKLY";
            date = now.toLocalDate().with(TemporalAdjusters.next(day));
            return 2;
        }
        return 0;
    }

    /** A date or a time (or both, as "tonight") starting at token {@code i}; how many tokens it took. */
    private int when(int i, boolean afterPreposition) {
        if (date == null) {
            int n = dateAt(i, afterPreposition);
            if (n > 0) {
                return n;
            }
        }
        if (time == null || timeImplied) {
            int n = timeAt(i);
            timeImplied &= n == 0;
            return n;
        }
        return 0;
    }

    private int dateAt(int i, boolean afterPreposition) {
        LocalDate today = now.toLocalDate();
        String word = tokens.get(i).word();
        String next = i + 1 < tokens.size() ? tokens.get(i + 1).word() : "";
        switch (word) {
            case "today" -> {
                date = today;
                return 1;
            }
            case "tonight" -> {
                date = today;
                if (time == null) {
                    time = TONIGHT;
                    timeImplied = true;
                }
                return 1;
            }
            case "tomorrow", "tmrw" -> {
                date = today.plusDays(1);
                return 1;
            }
            case "next", "this" -> {
                DayOfWeek day = weekday(next, true);
                if (day != null) {
                    date = word.equals("this")
                            ? today.with(TemporalAdjusters.nextOrSame(day))
                            : today.with(TemporalAdjusters.next(day));
                    return 2;
                }
                if (word.equals("next") && next.equals("week")) {
                    date = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
                    return 2;
                }
                return 0;
            }
            case "in" -> {
                return inSome(i);
            }
            default -> {
                // A full weekday name alone, or a short one after "on" ("on fri"): "Sun cream" stays a title.
                DayOfWeek day = weekday(word, afterPreposition);
                if (day != null) {
                    date = today.with(TemporalAdjusters.next(day));
                    return 1;
                }
                return calendarDate(i);
            }
        }
    }

    /** "in 3 days", "in a week", "in 2 hours", "in 30 minutes". */
    private int inSome(int i) {
        if (i + 2 >= tokens.size()
                || tokens.get(i + 1).literal()
                || tokens.get(i + 2).literal()) {
            return 0;
        }
        String count = tokens.get(i + 1).word();
        if (!COUNT.matcher(count).matches()) {
            return 0;
        }
        long n = switch (count) {
            case "a", "an", "one" -> 1;
            case "two" -> 2;
            case "three" -> 3;
            default -> Long.parseLong(count);
        };
        String unit = tokens.get(i + 2).word().replaceAll("s$", "");
        LocalDateTime at = now.toLocalDateTime();
        switch (unit) {
            case "day" -> date = now.toLocalDate().plusDays(n);
            case "week" -> date = now.toLocalDate().plusWeeks(n);
            case "month" -> date = now.toLocalDate().plusMonths(n);
            case "hour", "minute", "min" -> {
                if (time != null) {
                    return 0;
                }
                LocalDateTime then = unit.equals("hour") ? at.plusHours(n) : at.plusMinutes(n);
                date = then.toLocalDate();
                time = then.toLocalTime().withSecond(0).withNano(0);
            }
            default -> {
                return 0;
            }
        }
        return 3;
    }

    /** "dec 24", "24 dec", "december 24 2027", "24/12", "24/12/2027", "2027-12-24". */
    private int calendarDate(int i) {
        String word = tokens.get(i).word();
        Matcher slashed = SLASHED.matcher(word);
        if (slashed.matches()) {
            return dated(slashed.group(3), Integer.parseInt(slashed.group(2)), Integer.parseInt(slashed.group(1)))
                    ? 1
                    : 0;
        }
        Matcher iso = ISO_DATE.matcher(word);
        if (iso.matches()) {
            return dated(iso.group(1), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3))) ? 1 : 0;
        }
        String next = i + 1 < tokens.size() && !tokens.get(i + 1).literal()
                ? tokens.get(i + 1).word()
                : "";
        String after = i + 2 < tokens.size() && !tokens.get(i + 2).literal()
                ? tokens.get(i + 2).word()
                : "";
        Month month = month(word);
        Matcher day = DAY_NUMBER.matcher(next);
        if (month == null) {
            month = month(next);
            day = DAY_NUMBER.matcher(word);
        }
        if (month == null || !day.matches()) {
            return 0;
        }
        String year = YEAR.matcher(after).matches() ? after : null;
        return dated(year, month.getValue(), Integer.parseInt(day.group(1))) ? (year == null ? 2 : 3) : 0;
    }

    /** Sets the date if it exists; without a year, the next such day from today. */
    private boolean dated(String year, int month, int day) {
        try {
            LocalDate today = now.toLocalDate();
            LocalDate candidate = LocalDate.of(year == null ? today.getYear() : Integer.parseInt(year), month, day);
            if (year == null && candidate.isBefore(today)) {
                candidate = candidate.plusYears(1);
            }
            date = candidate;
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** "17:00", "5pm", "5 pm", "9:30am", "noon", "midnight". */
    private int timeAt(int i) {
        String word = tokens.get(i).word();
        if (word.equals("noon") || word.equals("midday")) {
            time = LocalTime.NOON;
            return 1;
        }
        if (word.equals("midnight")) {
            time = LocalTime.of(23, 59);
            return 1;
        }
        Matcher clock = CLOCK.matcher(word);
        if (clock.matches()) {
            time = LocalTime.of(Integer.parseInt(clock.group(1)), Integer.parseInt(clock.group(2)));
            return 1;
        }
        String joined = word;
        int taken = 1;
        if (i + 1 < tokens.size() && !tokens.get(i + 1).literal() && word.matches("\\d{1,2}([:.]\\d\\d)?")) {
            String next = tokens.get(i + 1).word();
            if (next.equals("am") || next.equals("pm")) {
                joined = word + next;
                taken = 2;
            }
        }
        Matcher meridiem = MERIDIEM.matcher(joined);
        if (!meridiem.matches()) {
            return 0;
        }
        int hour = Integer.parseInt(meridiem.group(1)) % 12 + (meridiem.group(3).equals("pm") ? 12 : 0);
        int minute = meridiem.group(2) == null ? 0 : Integer.parseInt(meridiem.group(2));
        time = LocalTime.of(hour, minute);
        return taken;
    }

    private LocalDateTime due() {
        if (date == null && time == null) {
            return null;
        }
        if (date == null) {
            LocalDateTime today = now.toLocalDate().atTime(time);
            return today.isAfter(now.toLocalDateTime()) ? today : today.plusDays(1);
        }
        return date.atTime(time == null ? END_OF_DAY : time);
    }

    private int take(int i, int count, String kind) {
        StringBuilder words = new StringBuilder();
        for (int k = i; k < i + count; k++) {
            used[k] = true;
            words.append(k == i ? "" : " ").append(tokens.get(k).text());
        }
        parts.add(new Part(kind, words.toString()));
        return count;
    }

    /**
     * The line without the recognised words: what stood between two kept words is kept as typed, and where words
     * were taken out one space joins what is left.
     */
    private String title() {
        StringBuilder title = new StringBuilder();
        Token previous = null;
        boolean gap = false;
        for (int k = 0; k < tokens.size(); k++) {
            if (used[k]) {
                gap = true;
                continue;
            }
            Token token = tokens.get(k);
            if (previous != null) {
                title.append(gap ? " " : line.substring(previous.end(), token.start()));
            }
            title.append(unescaped(token));
            previous = token;
            gap = false;
        }
        return title.toString().strip();
    }

    /** Nothing recognised: the line as typed, but for the backslashes that asked for a word to be kept. */
    private String plainTitle() {
        StringBuilder title = new StringBuilder();
        int at = 0;
        for (Token token : tokens) {
            title.append(line, at, token.start()).append(unescaped(token));
            at = token.end();
        }
        return title.append(line.substring(at)).toString().strip();
    }

    private static String unescaped(Token token) {
        return token.literal() && token.text().startsWith("\\") ? token.text().substring(1) : token.text();
    }

    private static DayOfWeek weekday(String word, boolean shortNamesToo) {
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name().toLowerCase(Locale.ROOT);
            if (word.equals(name) || (shortNamesToo && word.length() >= 3 && name.startsWith(word))) {
                return day;
            }
        }
        return null;
    }

    private static Month month(String word) {
        if (word.equals("sept")) {
            return Month.SEPTEMBER;
        }
        for (Month month : Month.values()) {
            String name = month.name().toLowerCase(Locale.ROOT);
            if (word.equals(name) || (word.length() == 3 && name.startsWith(word))) {
                return month;
            }
        }
        return null;
    }

    /**
     * Words split at white space; a quoted stretch ("..." or “...”) is one literal token, and so is a word that
     * starts with a backslash.
     */
    private static List<Token> tokenize(String line) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = line.length();
        while (i < length) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            char close = c == '"' ? '"' : c == '“' ? '”' : 0;
            int closing = close == 0 ? -1 : line.indexOf(close, i + 1);
            if (closing > 0) {
                i = closing + 1;
                while (i < length && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(line.substring(start, i), start, i, true));
                continue;
            }
            while (i < length && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            String text = line.substring(start, i);
            tokens.add(new Token(text, start, i, text.length() > 1 && text.charAt(0) == '\\'));
        }
        return tokens;
    }
}
