package dev.todo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.support.ApiClient;
import dev.todo.support.Http;
import dev.todo.support.LibertyServer;
import dev.todo.support.Ports;
import dev.todo.support.TestDatabase;
import dev.todo.support.TestServers;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The servers' side of the charts' contract: the api and web servers of this build, started as two processes with
 * exactly the environment the rendered Deployments give them (their ConfigMaps, plus the values of the Secret they
 * name, which the test supplies, and for the api what its image's entry point adds), Service host names pointed at
 * loopback, answer UP on the rendered probe paths.
 */
class DeploymentContractIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final int API_PORT = Ports.free();
    private static final int WEB_PORT = Ports.free();
    private static final String AUTH_SECRET = "deployment-contract-secret-with-at-least-32-bytes";

    @RegisterExtension
    static final TestServers servers = new TestServers("deployment-contract");

    private static Charts.Rendered rendered;
    private static LibertyServer api;
    private static LibertyServer web;
    private static Map<String, String> apiEnvironment;
    private static Map<String, String> webEnvironment;

    @BeforeAll
    static void startBothServersAsTheChartsConfigureThem() throws Exception {
        rendered = Charts.render("todo");
        TestDatabase database = servers.database();
        // A Secret from the seed, unchanged: BETTER_AUTH_SECRET stands for AUTH_SECRET, and there is no
        // ltpa_keys_password, which the api image's entry point then derives.
        Map<String, Map<String, String>> secrets = Map.of(
                secretName(),
                Map.of(
                        "DATABASE_URL",
                        database.url("contract", "sslmode=disable"),
                        "BETTER_AUTH_SECRET",
                        AUTH_SECRET,
                        "OPENAI_API_KEY",
                        "",
                        "XIAOMI_API_KEY",
                        ""));
        Map<String, String> loopback = Map.of(
                serviceAddress("todo-api"), "127.0.0.1:" + API_PORT,
                serviceAddress("todo-web"), "127.0.0.1:" + WEB_PORT);

        apiEnvironment =
                throughTheApiEntrypoint(onLoopback(rendered.environment(container("todo-api"), secrets), loopback));
        webEnvironment = onLoopback(rendered.environment(container("todo-web"), secrets), loopback);
        api = servers.api("api", API_PORT, apiEnvironment);
        web = servers.web("web", WEB_PORT, webEnvironment);
    }

    @Test
    void webIsPointedAtTheApiThroughItsServiceAddress() {
        assertThat(webEnvironment.get("TODO_API_URL")).isEqualTo("http://127.0.0.1:" + API_PORT + "/api");
        assertThat(apiEnvironment)
                .containsKeys("DATABASE_URL", "BETTER_AUTH_SECRET", "HTTP_PORT", "DB_POOL_MAX", "TRUSTED_PROXIES");
        assertThat(apiEnvironment.get("ltpa_keys_password"))
                .as("derived by the image's entry point from the seed's secret")
                .matches("[0-9a-f]{64}");
    }

    @Test
    void apiAnswersUpOnEveryRenderedProbe() {
        for (Probe probe : probes("todo-api")) {
            Http.awaitResponse(api.baseUrl() + probe.getHttpGet().getPath(), Http::isUp, START);
        }
    }

    @Test
    void webAnswersUpOnEveryRenderedProbeAndReachesTheApi() {
        for (Probe probe : probes("todo-web")) {
            Http.awaitResponse(web.baseUrl() + probe.getHttpGet().getPath(), Http::isUp, START);
        }
        Http.awaitResponse(
                web.baseUrl() + "/health/ready",
                response -> response.body().replace(" ", "").contains("\"reachable\":true"),
                START);
        assertThat(Http.get(web.baseUrl() + "/sign-in").statusCode()).isEqualTo(200);
    }

    @Test
    void signedInUserLoadsTheTasksPageThroughTheWebServer() {
        Http.awaitResponse(api.baseUrl() + "/health/ready", Http::isUp, START);
        Http.awaitResponse(web.baseUrl() + "/health/ready", Http::isUp, START);
        ApiClient user = ApiClient.newUser("Contract Tester", api.baseUrl() + "/api");
        user.createTask("Check the chart contract", "");

        HttpResponse<String> page = Http.send(HttpRequest.newBuilder(URI.create(web.baseUrl() + "/tasks"))
                .header("Cookie", "todo_session=" + user.token())
                .GET()
                .build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Check the chart contract");
    }

    @Test
    void secretValuesNeverReachTheLogs() throws Exception {
        Http.awaitResponse(api.baseUrl() + "/health/ready", Http::isUp, START);

        assertThat(api.log())
                .doesNotContain(AUTH_SECRET)
                .doesNotContain("postgres:contract@")
                .doesNotContain(apiEnvironment.get("ltpa_keys_password"));
        assertThat(web.log()).doesNotContain(AUTH_SECRET);
    }

    /** The environment the api server gets in its image: what liberty/api/entrypoint.sh exports, added. */
    private static Map<String, String> throughTheApiEntrypoint(Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        "sh",
                        Charts.repositoryRoot()
                                .resolve("liberty/api/entrypoint.sh")
                                .toString(),
                        "sh",
                        "-c",
                        "printf %s \"${ltpa_keys_password-}\"")
                .redirectErrorStream(true);
        String path = System.getenv("PATH");
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("PATH", path);
        Process process = builder.start();
        String password = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(password).isZero();
        Map<String, String> withPassword = new HashMap<>(environment);
        withPassword.put("ltpa_keys_password", password);
        return withPassword;
    }

    private static String secretName() {
        return container("todo-api").getEnvFrom().stream()
                .filter(source -> source.getSecretRef() != null)
                .findFirst()
                .orElseThrow()
                .getSecretRef()
                .getName();
    }

    private static Container container(String deployment) {
        return HelmChartsIT.container(rendered.named(Deployment.class, deployment));
    }

    private static List<Probe> probes(String deployment) {
        Container container = container(deployment);
        return List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe());
    }

    private static String serviceAddress(String name) {
        Service service = rendered.named(Service.class, name);
        return name + ":" + service.getSpec().getPorts().get(0).getPort();
    }

    private static Map<String, String> onLoopback(Map<String, String> environment, Map<String, String> addresses) {
        Map<String, String> rewritten = new HashMap<>();
        environment.forEach((key, value) -> {
            String result = value;
            for (Map.Entry<String, String> address : addresses.entrySet()) {
                result = result.replace("//" + address.getKey(), "//" + address.getValue());
            }
            rewritten.put(key, result);
        });
        return rewritten;
    }
}
