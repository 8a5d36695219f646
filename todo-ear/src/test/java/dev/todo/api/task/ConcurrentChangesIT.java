package dev.todo.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrentChangesIT {

    private final ApiClient user = ApiClient.newUser("Racer");

    private static List<HttpResponse<String>> together(List<Callable<HttpResponse<String>>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = calls.stream()
                    .map(call -> pool.submit(() -> {
                        start.await();
                        return call.call();
                    }))
                    .toList();
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoUpdatesOfOneVersionAtOnceExactlyOneWinsAndTheOtherGets409() throws Exception {
        String path = "/tasks/" + user.createTask("Shared", "").getString("id");

        List<HttpResponse<String>> responses = together(List.of(
                () -> user.put(path, "{\"title\":\"From phone\",\"version\":1}"),
                () -> user.put(path, "{\"title\":\"From laptop\",\"version\":1}")));

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
        String winner = Http.json(responses.stream()
                        .filter(r -> r.statusCode() == 200)
                        .findFirst()
                        .orElseThrow())
                .getString("title");
        assertThat(Http.json(user.get(path)).getString("title")).isEqualTo(winner);
    }

    @Test
    void completingARecurringTaskTwiceAtOnceCreatesOneNextOccurrence() throws Exception {
        String path = "/tasks/"
                + user.createTask("Daily pills", "\"recurrence\":\"DAILY\",\"dueAt\":\"2026-12-01T08:00:00Z\"")
                        .getString("id");

        List<HttpResponse<String>> responses = together(List.of(
                () -> user.post(path + "/completion", null),
                () -> user.post(path + "/completion", null),
                () -> user.post(path + "/completion", null)));

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(Http.json(user.get("/tasks?q=daily%20pills")).getInt("total"))
                .isEqualTo(2);
        assertThat(responses.stream()
                        .map(r -> Http.json(r).getJsonObject("nextOccurrence").getString("id"))
                        .distinct())
                .hasSize(1);
    }
}
