package dev.todo.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), as a scraper reads {@code /metrics}:
 * every line is a {@code # HELP}, {@code # TYPE} or other comment, a blank line, or a sample with a valid metric name,
 * valid label names, quoted and correctly escaped label values and a number; a metric family has one {@code TYPE}
 * line, before its samples, which come as one group; no series appears twice. Anything else throws, naming the line.
 */
public final class PrometheusText {

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
    private static final List<String> SUFFIXES = List.of("_bucket", "_count", "_sum", "_total", "_created");

    private final List<Sample> samples;
    private final Map<String, String> types;

    private PrometheusText(List<Sample> samples, Map<String, String> types) {
        this.samples = samples;
        this.types = types;
    }

    /** One sample line: the metric name (with its suffix), its labels in order and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        Set<String> finished = new HashSet<>();
        Set<String> series = new HashSet<>();
        Set<String> sampled = new HashSet<>();
        Map<String, Boolean> described = new HashMap<>();
        String current = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                String[] parts = line.split(" ", 4);
                if (parts.length >= 3 && (parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
                    String name = parts[2];
                    require(METRIC_NAME.matcher(name).matches(), number, "bad metric name in " + parts[1], line);
                    if (parts[1].equals("TYPE")) {
                        require(parts.length == 4 && TYPES.contains(parts[3]), number, "unknown type", line);
                        require(!types.containsKey(name), number, "a second TYPE for " + name, line);
                        require(!sampled.contains(name), number, "TYPE after samples", line);
                        types.put(name, parts[3]);
                    } else {
                        require(described.put(name, true) == null, number, "a second HELP for " + name, line);
                    }
                    if (!name.equals(current)) {
                        if (current != null) {
                            finished.add(current);
                        }
                        require(!finished.contains(name), number, "family " + name + " is split", line);
                        current = name;
                    }
                }
                continue;
            }
            Sample sample = sample(line, number);
            String family = family(sample.name(), types);
            if (!family.equals(current)) {
                if (current != null) {
                    finished.add(current);
                }
                require(!finished.contains(family), number, "family " + family + " is split", line);
                current = family;
            }
            require(series.add(sample.name() + sample.labels()), number, "a series twice", line);
            sampled.add(family);
            samples.add(sample);
        }
        return new PrometheusText(List.copyOf(samples), Map.copyOf(types));
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The declared type of each metric family. */
    public Map<String, String> types() {
        return types;
    }

    /** The value of the one sample with this name whose labels include {@code labels}; 0 when there is none. */
    public double value(String name, Map<String, String> labels) {
        List<Sample> matching = samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
        if (matching.size() > 1) {
            throw new AssertionError(matching.size() + " series of " + name + " match " + labels + ": " + matching);
        }
        return matching.isEmpty() ? 0 : matching.get(0).value();
    }

    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    private static String family(String name, Map<String, String> types) {
        if (types.containsKey(name)) {
            return name;
        }
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static Sample sample(String line, int number) {
        int at = 0;
        while (at < line.length() && line.charAt(at) != '{' && line.charAt(at) != ' ') {
            at++;
        }
        String name = line.substring(0, at);
        require(METRIC_NAME.matcher(name).matches(), number, "bad metric name", line);
        Map<String, String> labels = new LinkedHashMap<>();
        if (at < line.length() && line.charAt(at) == '{') {
            at++;
            while (true) {
                require(at < line.length(), number, "an unterminated label set", line);
                if (line.charAt(at) == '}') {
                    break;
                }
                int equals = line.indexOf('=', at);
                require(equals > at, number, "a label without a value", line);
                String label = line.substring(at, equals);
                require(LABEL_NAME.matcher(label).matches(), number, "bad label name '" + label + "'", line);
                require(equals + 1 < line.length() && line.charAt(equals + 1) == '"', number, "unquoted value", line);
                StringBuilder value = new StringBuilder();
                int c = equals + 2;
                for (; c < line.length() && line.charAt(c) != '"'; c++) {
                    char ch = line.charAt(c);
                    if (ch == '\\') {
                        require(c + 1 < line.length(), number, "a dangling escape", line);
                        char escaped = line.charAt(++c);
                        require(escaped == '\\' || escaped == '"' || escaped == 'n', number, "a bad escape", line);
                        value.append(escaped == 'n' ? '\n' : escaped);
                    } else {
                        value.append(ch);
                    }
                }
                require(c < line.length(), number, "an unterminated label value", line);
                require(labels.put(label, value.toString()) == null, number, "label " + label + " twice", line);
                at = c + 1;
                require(at < line.length(), number, "an unterminated label set", line);
                if (line.charAt(at) == ',') {
                    at++;
                } else {
                    require(line.charAt(at) == '}', number, "labels not separated by commas", line);
                }
            }
            at++;
        }
        require(at < line.length() && line.charAt(at) == ' ', number, "no value", line);
        String[] rest = line.substring(at + 1).strip().split(" +");
        require(rest.length == 1 || rest.length == 2, number, "more than a value and a timestamp", line);
        double value = number(rest[0], number, line);
        if (rest.length == 2) {
            require(rest[1].matches("-?\\d+"), number, "a timestamp that is not an integer", line);
        }
        return new Sample(name, Map.copyOf(labels), value);
    }

    private static double number(String text, int number, String line) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                require(FLOAT.matcher(text).matches(), number, "not a number", line);
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + number + ": not a number: " + line);
                }
        }
    }

    private static void require(boolean condition, int number, String problem, String line) {
        if (!condition) {
            throw new IllegalArgumentException("line " + number + ": " + problem + ": " + line);
        }
    }
}
