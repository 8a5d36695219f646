package dev.todo.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.LibertyServer;
import dev.todo.support.Ports;
import dev.todo.support.TestServers;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Two web replicas behind a balancer without session affinity, both on the shared pair's API: one browser
 * session alternates between them request by request and notices nothing, because the pages keep their view state
 * on the client, encrypted and signed with keys both replicas derive from the same AUTH_SECRET.
 */
@ResourceLock(Browser.LOCK)
class StatelessWebIT {

    @RegisterExtension
    static final TestServers servers = new TestServers("stateless-web");

    private static LibertyServer first;
    private static LibertyServer second;
    private static RoundRobinProxy balancer;
    private static Browser browser;

    @RegisterExtension
    final ScreenshotOnFailure screenshotOnFailure = new ScreenshotOnFailure(() -> browser);

    @BeforeAll
    static void startTwoReplicasBehindABalancer() throws IOException {
        TestServers.SharedPair shared = servers.shared();
        first = shared.web();
        second = servers.web("second", first.environment()).awaitReady();
        balancer = servers.track(new RoundRobinProxy(Ports.free(), List.of(first.baseUrl(), second.baseUrl())));
        browser = servers.track(new Browser(balancer.baseUrl()));
    }

    @AfterAll
    static void keepTheBalancerLog() throws IOException {
        if (balancer != null) {
            Files.createDirectories(servers.output());
            Files.write(servers.output().resolve("balancer.log"), balancer.log());
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
