package dev.todo.web.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the tasks page lists, as its URL says: filters, search, sort, direction and page. A value the page does not
 * know ({@code sort=bogus}, {@code page=-3}) is dropped, so the list falls back to the default and says which
 * setting it left out, rather than failing. Defaults never appear in the URL.
 */
public record ListOptions(
        String status,
        String priority,
        String category,
        String tag,
        String due,
        String q,
        String sort,
        String direction,
        int page,
        List<String> rejected) {

    static final int MAX_TEXT = 200;

    private static final Set<String> STATUSES = Set.of("open", "completed", "all");
    private static final Set<String> PRIORITIES = Set.of("LOW", "MEDIUM", "HIGH");
    private static final Set<String> CATEGORIES = Set.of("WORK", "PERSONAL", "HOME", "OTHER");
    private static final Set<String> DUE_WINDOWS = Set.of("overdue", "today", "week", "none");
    private static final Map<String, String> SORTS =
            Map.of("createdat", "createdAt", "dueat", "dueAt", "priority", "priority", "title", "title");
    /** The order each sort naturally has: the newest, the soonest due, the most urgent first; titles A to Z. */
    private static final Map<String, String> NATURAL_DIRECTION =
            Map.of("createdAt", "desc", "dueAt", "asc", "priority", "desc", "title", "asc");

    public static final ListOptions DEFAULTS =
            new ListOptions(null, null, null, null, null, null, null, null, 0, List.of());

    /** Reads the options from request parameters; {@code parameter} answers null for one that is missing. */
    public static ListOptions read(UnaryOperator<String> parameter) {
        List<String> rejected = new ArrayList<>();
        String status = oneOf(parameter, "status", STATUSES, false, rejected);
        String priority = oneOf(parameter, "priority", PRIORITIES, true, rejected);
        String category = oneOf(parameter, "category", CATEGORIES, true, rejected);
        String due = oneOf(parameter, "due", DUE_WINDOWS, false, rejected);
        String tag = text(parameter, "tag", rejected);
        String q = text(parameter, "q", rejected);
        String sortValue = value(parameter, "sort");
        String sort = sortValue == null ? null : SORTS.get(sortValue.toLowerCase(Locale.ROOT));
        if (sortValue != null && sort == null) {
            rejected.add("sort");
        }
        String direction = oneOf(parameter, "direction", Set.of("asc", "desc"), false, rejected);
        int page = 0;
        String pageValue = value(parameter, "page");
        if (pageValue != null) {
            try {
                page = Integer.parseInt(pageValue);
            } catch (NumberFormatException e) {
                page = -1;
            }
            if (page < 0 || page > 100_000) {
                rejected.add("page");
                page = 0;
            }
        }
        return new ListOptions(status, priority, category, tag, due, q, sort, direction, page, List.copyOf(rejected));
    }

    private static String value(UnaryOperator<String> parameter, String name) {
        String value = parameter.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String oneOf(
            UnaryOperator<String> parameter, String name, Set<String> known, boolean upperCase, List<String> rejected) {
        String value = value(parameter, name);
        if (value == null) {
            return null;
        }
        String normal = upperCase ? value.toUpperCase(Locale.ROOT) : value.toLowerCase(Locale.ROOT);
        if (known.contains(normal)) {
            return normal;
        }
        rejected.add(name);
        return null;
    }

    private static String text(UnaryOperator<String> parameter, String name, List<String> rejected) {
        String value = value(parameter, name);
        if (value != null && (value.length() > MAX_TEXT || value.chars().anyMatch(c -> c < 0x20))) {
            rejected.add(name);
            return null;
        }
        return value;
    }

    public String effectiveStatus() {
        return status == null ? "open" : status;
    }

    public String effectiveSort() {
        return sort == null ? "createdAt" : sort;
    }

    public String effectiveDirection() {
        return direction == null ? naturalDirection() : direction;
    }

    String naturalDirection() {
        return NATURAL_DIRECTION.get(effectiveSort());
    }

    /** The URL's parameters, defaults left out. */
    public Map<String, String> state() {
        Map<String, String> state = new LinkedHashMap<>();
        put(state, "status", "open".equals(status) ? null : status);
        put(state, "priority", priority);
        put(state, "category", category);
        put(state, "tag", tag);
        put(state, "due", due);
        put(state, "q", q);
        put(state, "sort", "createdAt".equals(sort) ? null : sort);
        put(state, "direction", naturalDirection().equals(direction) ? null : direction);
        if (page > 0) {
            state.put("page", Integer.toString(page));
        }
        return state;
    }

    private static void put(Map<String, String> state, String name, String value) {
        if (value != null) {
            state.put(name, value);
        }
    }

    /** Narrowed by anything but the defaults; sort, direction and page only order the same tasks. */
    public boolean filtered() {
        return status != null && !status.equals("open")
                || priority != null
                || category != null
                || tag != null
                || due != null
                || q != null;
    }

    /** How many of the settings behind the "Filters" button are set. */
    public int hiddenFilters() {
        int count = 0;
        for (String value : new String[] {priority, category, tag, due}) {
            count += value == null ? 0 : 1;
        }
        return count;
    }
}
