package dev.todo.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.Http;
import dev.todo.support.LibertyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two web replicas behind a balancer without session affinity, both on the local-it server's API: one browser
 * session alternates between them request by request and notices nothing, because the pages keep their view state
 * on the client, encrypted and signed with keys both replicas derive from the same AUTH_SECRET.
 */
class StatelessWebIT {

    /** The local loop's development key, which the local-it server runs with. */
    static final String LOCAL_AUTH_SECRET = "local-loop-only-key-never-use-it-in-a-cluster";

    private static final Path OUTPUT = Path.of("target", "stateless-web").toAbsolutePath();
    private static final int FIRST_PORT = Integer.getInteger("it.web.replica1.port", 9196);
    private static final int SECOND_PORT = Integer.getInteger("it.web.replica2.port", 9197);
    private static final int PROXY_PORT = Integer.getInteger("it.web.balancer.port", 9198);

    private static LibertyServer first;
    private static LibertyServer second;
    private static RoundRobinProxy balancer;
    private static Browser browser;

    @RegisterExtension
    final ScreenshotOnFailure screenshotOnFailure = new ScreenshotOnFailure(() -> browser);

    @BeforeAll
    static void startTwoReplicasBehindABalancer() throws Exception {
        Http.awaitResponse(Http.baseUrl() + "/health/ready", Http::isUp, Duration.ofSeconds(90));
        Map<String, String> environment =
                Map.of("TODO_API_URL", Http.baseUrl() + "/api", "AUTH_SECRET", LOCAL_AUTH_SECRET);
        first = new LibertyServer("web", FIRST_PORT, environment, OUTPUT.resolve("first")).start();
        second = new LibertyServer("web", SECOND_PORT, environment, OUTPUT.resolve("second")).start();
        Http.awaitResponse(first.baseUrl() + "/health/ready", Http::isUp, Duration.ofSeconds(90));
        Http.awaitResponse(second.baseUrl() + "/health/ready", Http::isUp, Duration.ofSeconds(90));
        balancer = new RoundRobinProxy(PROXY_PORT, List.of(first.baseUrl(), second.baseUrl()));
        browser = new Browser(balancer.baseUrl());
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.close();
        }
        if (balancer != null) {
            balancer.close();
            try {
                Files.write(OUTPUT.resolve("balancer.log"), balancer.log());
            } catch (IOException e) {
                // Only a diagnostic.
            }
        }
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void oneSessionAlternatingBetweenTwoWebServersWorksWithoutNoticing() {
        TasksPageObject tasks = SignUpPageObject.open(browser)
                .signUp("Roaming", BrowserTest.uniqueEmail("roaming"), BrowserTest.PASSWORD);
        tasks.add("First on one replica");
        tasks.add("Then on the other");
        tasks.add("And back again");
        tasks.toggle("Then on the other");
        tasks.edit("And back again").title("Edited across replicas").save();

        TasksPageObject all = TasksPageObject.open(browser, "?status=all&sort=title&direction=asc");
        assertThat(all.titles()).containsExactly("Edited across replicas", "First on one replica", "Then on the other");
        assertThat(all.isDone("Then on the other")).isTrue();

        List<String> posts =
                balancer.log().stream().filter(line -> line.startsWith("POST")).toList();
        assertThat(posts)
                .anyMatch(line -> line.endsWith(first.baseUrl()))
                .anyMatch(line -> line.endsWith(second.baseUrl()));
        assertThat(browser.driver().manage().getCookies())
                .noneMatch(c -> c.getName().equalsIgnoreCase("JSESSIONID"));
    }
}
