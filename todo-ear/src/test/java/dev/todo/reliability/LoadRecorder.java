package dev.todo.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Latencies per operation and every failure, from many virtual users at once. */
final class LoadRecorder {

    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    void record(String operation, long nanos, int status) {
        latencies
                .computeIfAbsent(operation, key -> Collections.synchronizedList(new ArrayList<>()))
                .add(nanos);
        statuses.computeIfAbsent(operation + " " + status, key -> new AtomicInteger())
                .incrementAndGet();
    }

    void fail(String operation, String what) {
        failures.add(operation + ": " + what);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    int count(String operation) {
        List<Long> values = latencies.get(operation);
        return values == null ? 0 : values.size();
    }

    /** How many answers had a status of 500 or more, over every operation but the ones named. */
    int serverErrors(List<String> except) {
        return statuses.entrySet().stream()
                .filter(entry ->
                        except.stream().noneMatch(operation -> entry.getKey().startsWith(operation + " ")))
                .filter(entry ->
                        Integer.parseInt(entry.getKey().substring(entry.getKey().lastIndexOf(' ') + 1)) >= 500)
                .mapToInt(entry -> entry.getValue().get())
                .sum();
    }

    Map<String, Integer> statusCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        statuses.forEach((key, value) -> counts.put(key, value.get()));
        return counts;
    }

    /** A Markdown table: count, throughput, p50, p95, p99 and max per operation, and all operations together. */
    String table(double seconds) {
        StringBuilder table = new StringBuilder(
                "| Operation | Requests | Per second | p50 | p95 | p99 | max |\n" + "|---|---|---|---|---|---|---|\n");
        List<Long> all = new ArrayList<>();
        new TreeMap<>(latencies).forEach((operation, values) -> {
            List<Long> sorted = sorted(values);
            all.addAll(sorted);
            table.append(row(operation, sorted, seconds));
        });
        return table.append(row("**all**", sorted(all), seconds)).toString();
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy;
        synchronized (values) {
            copy = new ArrayList<>(values);
        }
        Collections.sort(copy);
        return copy;
    }

    private static String row(String operation, List<Long> sorted, double seconds) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.1f | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n",
                operation,
                sorted.size(),
                sorted.size() / seconds,
                percentile(sorted, 0.50),
                percentile(sorted, 0.95),
                percentile(sorted, 0.99),
                percentile(sorted, 1.0));
    }

    static double percentile(List<Long> sorted, double fraction) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(fraction * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
