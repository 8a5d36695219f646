package dev.todo.perf;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Open-loop load: requests are started at a fixed rate whatever the answers do, and each latency is measured from
 * the moment its request was due, so a stalled server shows up in the percentiles instead of hiding in them.
 */
final class LoadGenerator {

    record Result(
            String name,
            int targetRate,
            int sent,
            int failed,
            double throughput,
            double p50Millis,
            double p99Millis,
            double maxMillis,
            String failures) {}

    private LoadGenerator() {}

    /** Sends {@code rate} requests a second for the duration; {@code request} gets the request's sequence number. */
    static Result run(String name, int rate, Duration duration, IntFunction<HttpResponse<String>> request)
            throws InterruptedException {
        int total = (int) (rate * duration.toMillis() / 1000);
        long interval = 1_000_000_000L / rate;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(total));
        AtomicInteger failed = new AtomicInteger();
        Map<String, AtomicInteger> causes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(256);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int sequence = i;
            pool.execute(() -> {
                try {
                    HttpResponse<String> response = request.apply(sequence);
                    if (response.statusCode() >= 400) {
                        failed.incrementAndGet();
                        causes.computeIfAbsent("HTTP " + response.statusCode(), key -> new AtomicInteger())
                                .incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    causes.computeIfAbsent(
                                    cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                                    key -> new AtomicInteger())
                            .incrementAndGet();
                }
                latencies.add(System.nanoTime() - due);
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(
                name,
                rate,
                total,
                failed.get(),
                sorted.size() / seconds,
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6,
                causes.entrySet().stream()
                        .map(entry -> entry.getValue() + "x " + entry.getKey())
                        .collect(Collectors.joining("; ")));
    }

    private static double percentile(List<Long> sorted, double fraction) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(fraction * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
