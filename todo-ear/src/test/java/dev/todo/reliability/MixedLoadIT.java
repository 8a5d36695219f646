package dev.todo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import dev.todo.support.LibertyServer;
import dev.todo.support.Ports;
import dev.todo.support.TestDatabase;
import dev.todo.support.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two-server setup under a crowd: a hundred simulated users doing mixed task work for 30 s through the API
 * and the web server, a tenth of them also asking an assistant whose model provider hangs, fails and answers
 * garbage. Nothing may answer 5xx (the chat's own 502/503/504 problems aside), nothing acknowledged may be lost or
 * doubled (checked row by row in PostgreSQL afterwards), and PostgreSQL must report no deadlock. Then either server
 * restarts under signed-in users, who must stay signed in and keep their data.
 * The figures go to the log and to {@code target/reliability/mixed-load.md}.
 */
class MixedLoadIT {

    private static final Logger LOG = Logger.getLogger(MixedLoadIT.class.getName());
    private static final Path OUTPUT = Path.of("target", "reliability").toAbsolutePath();
    private static final String SECRET = "mixed-load-test-secret-that-is-long-enough";
    private static final int USERS = Integer.getInteger("it.load.users", 100);
    /** 30 s in the build, where the load takes both cores from the other tests; {@code -Dit.load.seconds} for longer. */
    private static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("it.load.seconds", 30));

    private static final Duration MODEL_TIMEOUT = Duration.ofSeconds(2);

    @RegisterExtension
    static final TestServers servers = new TestServers("mixed-load");

    private static TestDatabase database;
    private static MisbehavingModel model;
    private static LibertyServer api;
    private static LibertyServer web;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(OUTPUT);
        database = servers.database("pgdata", Map.of("max_connections", "100"));
        model = servers.track(new MisbehavingModel(Ports.free(), MODEL_TIMEOUT.multipliedBy(5)));
        api = servers.api(Map.of(
                        "DATABASE_URL",
                        database.url(),
                        "AUTH_SECRET",
                        SECRET,
                        "OPENAI_BASE_URL",
                        model.baseUrl(),
                        "OPENAI_API_KEY",
                        "key-of-the-misbehaving-test-model",
                        "AI_MODEL",
                        "slow-model",
                        "AI_TIMEOUT_SECONDS",
                        Long.toString(MODEL_TIMEOUT.toSeconds()),
                        "LOGIN_FREE_FAILURES_PER_CLIENT",
                        "1000"))
                .awaitReady();
        web = servers.web(Map.of("TODO_API_URL", api.baseUrl() + "/api", "AUTH_SECRET", SECRET))
                .awaitReady();
    }

    @Test
    void aHundredUsersAtOnceGetNoServerErrorAndLoseNothing() throws Exception {
        List<ApiClient> accounts = signUp(USERS);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        LoadRecorder recorder = new LoadRecorder();
        Instant end = Instant.now().plus(LOAD);
        List<VirtualUser> users = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            users.add(new VirtualUser(
                    client,
                    api.baseUrl() + "/api",
                    web.baseUrl(),
                    accounts.get(i).token(),
                    i % 10 == 0,
                    end,
                    recorder,
                    i));
        }
        long begin = System.nanoTime();
        ExecutorService crowd = Executors.newFixedThreadPool(users.size());
        List<Future<?>> running = users.stream()
                .map(crowd::submit)
                .<Future<?>>map(future -> future)
                .toList();
        crowd.shutdown();
        assertThat(crowd.awaitTermination(LOAD.toSeconds() + 120, TimeUnit.SECONDS))
                .as("every simulated user finished")
                .isTrue();
        for (Future<?> user : running) {
            user.get();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;

        List<String> mismatches = reconcile(accounts, users);
        long deadlocks = deadlocks();
        String report = report(recorder, seconds, mismatches, deadlocks);
        Files.writeString(OUTPUT.resolve("mixed-load.md"), report);
        LOG.info(report);

        assertThat(recorder.failures()).as("failed or unexpected answers").isEmpty();
        assertThat(recorder.serverErrors(List.of(VirtualUser.CHAT)))
                .as("5xx answers to task work")
                .isZero();
        assertThat(mismatches)
                .as("tasks lost, doubled or changed behind the user's back")
                .isEmpty();
        assertThat(deadlocks).as("deadlocks PostgreSQL detected").isZero();
        assertThat(recorder.count("create")).as("the run did real work").isGreaterThan(USERS);
        assertThat(recorder.count(VirtualUser.CHAT))
                .as("the assistant was asked during the run")
                .isPositive();
    }

    @Test
    void usersStaySignedInAndKeepTheirDataWhenEitherServerRestarts() throws Exception {
        ApiClient user = ApiClient.newUser("Restart Survivor", api.baseUrl() + "/api");
        String before = user.createTask("Written before the restarts", "").getString("id");
        assertThat(tasksPage(user)).contains("Written before the restarts");

        api.stop();
        api.start();
        Http.awaitResponse(api.baseUrl() + "/health/ready", Http::isUp, Duration.ofSeconds(180));
        assertThat(user.get("/tasks/" + before).statusCode())
                .as("the token still works after the api restarted")
                .isEqualTo(200);
        String between = user.createTask("Written between the restarts", "").getString("id");
        Http.awaitResponse(web.baseUrl() + "/health/ready", Http::isUp, Duration.ofSeconds(60));
        assertThat(tasksPage(user)).contains("Written before the restarts", "Written between the restarts");

        web.stop();
        web.start();
        Http.awaitResponse(web.baseUrl() + "/health/ready", Http::isUp, Duration.ofSeconds(180));
        assertThat(tasksPage(user))
                .as("the session cookie still works after the web server restarted")
                .contains("Written before the restarts", "Written between the restarts");
        List<String> ids = Http.json(user.get("/tasks?status=all")).getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getString("id"))
                .toList();
        assertThat(ids).containsExactlyInAnyOrder(before, between);
    }

    private static String tasksPage(ApiClient user) {
        HttpResponse<String> page = Http.send(HttpRequest.newBuilder(URI.create(web.baseUrl() + "/tasks.xhtml"))
                .header("Cookie", "todo_session=" + user.token())
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
        assertThat(page.statusCode())
                .as("the tasks page, not a redirect to sign in")
                .isEqualTo(200);
        return page.body();
    }

    private static List<ApiClient> signUp(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ApiClient>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int number = i;
                futures.add(pool.submit(() -> ApiClient.newUser("Load User " + number, api.baseUrl() + "/api")));
            }
            List<ApiClient> accounts = new ArrayList<>();
            for (Future<ApiClient> future : futures) {
                accounts.add(future.get(5, TimeUnit.MINUTES));
            }
            return accounts;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Compares every user's rows in PostgreSQL with what that user saw acknowledged. */
    private static List<String> reconcile(List<ApiClient> accounts, List<VirtualUser> users) throws Exception {
        List<String> mismatches = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT id, title, completed, version FROM task WHERE owner_id = ?")) {
            for (int i = 0; i < accounts.size(); i++) {
                select.setObject(1, UUID.fromString(accounts.get(i).userId()));
                Map<String, VirtualUser.ExpectedTask> stored = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        stored.put(
                                rows.getString(1),
                                new VirtualUser.ExpectedTask(rows.getString(2), rows.getBoolean(3), rows.getLong(4)));
                    }
                }
                Map<String, VirtualUser.ExpectedTask> expected = users.get(i).expected();
                if (!stored.equals(expected)) {
                    mismatches.add(accounts.get(i).email() + ": expected " + expected.size() + " tasks, stored "
                            + stored.size() + "; differing: " + difference(expected, stored));
                }
            }
        }
        return mismatches;
    }

    private static List<String> difference(
            Map<String, VirtualUser.ExpectedTask> expected, Map<String, VirtualUser.ExpectedTask> stored) {
        List<String> ids = new ArrayList<>();
        expected.forEach((id, task) -> {
            if (!task.equals(stored.get(id))) {
                ids.add(id + " expected " + task + " stored " + stored.get(id));
            }
        });
        stored.keySet().stream().filter(id -> !expected.containsKey(id)).forEach(id -> ids.add(id + " not expected"));
        return ids.size() > 5 ? ids.subList(0, 5) : ids;
    }

    private static long deadlocks() throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                ResultSet row = connection
                        .createStatement()
                        .executeQuery("SELECT coalesce(sum(deadlocks), 0) FROM pg_stat_database")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String report(LoadRecorder recorder, double seconds, List<String> mismatches, long deadlocks) {
        List<String> failures = recorder.failures();
        return String.format(
                Locale.ROOT,
                "# Mixed load on the two-server setup%n%n%d simulated users for %.0f s "
                        + "(closed loop, no think time), api and web as separate Liberty servers, PostgreSQL 17 on the same "
                        + "host; one user in ten also chats with a model that hangs, fails or answers garbage "
                        + "(AI_TIMEOUT_SECONDS=%d).%n%n%s%nStatuses: %s%n%nFailed or unexpected answers: %d%s%n"
                        + "Tasks lost, doubled or changed behind a user's back: %d%nDeadlocks: %d%n",
                USERS,
                seconds,
                MODEL_TIMEOUT.toSeconds(),
                recorder.table(seconds),
                recorder.statusCounts(),
                failures.size(),
                failures.isEmpty() ? "" : " (first: " + failures.subList(0, Math.min(10, failures.size())) + ")",
                mismatches.size(),
                deadlocks);
    }
}
