package dev.todo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The charts as Helm renders them: lint-clean, and every object carries the contract the servers and the cluster
 * rely on. No cluster is needed; the servers' side of the contract is checked in {@link DeploymentContractIT}.
 */
class HelmChartsIT {

    private static final Map<String, String> HEALTH =
            Map.of("startup", "/health/started", "liveness", "/health/live", "readiness", "/health/ready");
    private static final List<String> SECRET_KEYS = List.of(
            "DATABASE_URL", "AUTH_SECRET", "BETTER_AUTH_SECRET", "OPENAI_API_KEY", "XIAOMI_API_KEY", "PASSWORD");

    @ParameterizedTest
    @ValueSource(strings = {"todo-api", "todo-web", "todo"})
    void chartIsLintCleanUnderStrictLint(String chart) {
        LintResult lint = Charts.lintStrict(chart);

        assertThat(lint.getMessages())
                .noneMatch(message -> message.contains("[ERROR]") || message.contains("[WARNING]"));
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void umbrellaRendersBothServersWithTheirServiceTypesAndPorts() {
        Charts.Rendered rendered = Charts.render("todo");

        Service api = rendered.named(Service.class, "todo-api");
        Service web = rendered.named(Service.class, "todo-web");
        assertThat(api.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(web.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(api.getSpec().getPorts()).extracting(ServicePort::getPort).containsExactly(9080);
        assertThat(web.getSpec().getPorts()).extracting(ServicePort::getPort).containsExactly(80);
        for (Service service : List.of(api, web)) {
            assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal())
                    .isEqualTo("http");
        }
        assertThat(rendered.all(Deployment.class))
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("todo-api", "todo-web");
        assertThat(rendered.all(StatefulSet.class))
                .as("the in-cluster PostgreSQL is off by default")
                .isEmpty();
        assertThat(rendered.all(Secret.class))
                .as("the chart makes no Secret of its own by default")
                .isEmpty();
    }

    @Test
    void servicesSelectExactlyTheirOwnPodsOnTheNamedPort() {
        Charts.Rendered rendered = Charts.render("todo");

        for (String name : List.of("todo-api", "todo-web")) {
            Service service = rendered.named(Service.class, name);
            Deployment deployment = rendered.named(Deployment.class, name);
            Map<String, String> podLabels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(deployment.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(service.getSpec().getSelector());
            assertThat(container(deployment).getPorts())
                    .singleElement()
                    .satisfies(port -> assertThat(port.getName()).isEqualTo("http"))
                    .satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(9080));
        }
        assertThat(rendered.named(Service.class, "todo-api").getSpec().getSelector())
                .isNotEqualTo(
                        rendered.named(Service.class, "todo-web").getSpec().getSelector());
    }

    @Test
    void probesAskTheServersHealthEndpointsOnTheirHttpPort() {
        for (Deployment deployment : Charts.render("todo").all(Deployment.class)) {
            Container container = container(deployment);
            Map<String, Probe> probes = Map.of(
                    "startup",
                    container.getStartupProbe(),
                    "liveness",
                    container.getLivenessProbe(),
                    "readiness",
                    container.getReadinessProbe());
            probes.forEach((kind, probe) -> {
                assertThat(probe.getHttpGet().getPath()).as(kind).isEqualTo(HEALTH.get(kind));
                assertThat(probe.getHttpGet().getPort().getStrVal()).as(kind).isEqualTo("http");
            });
            Probe startup = container.getStartupProbe();
            assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold())
                    .as("time Liberty gets to start before liveness applies")
                    .isBetween(60, 300);
            if (deployment.getMetadata().getName().equals("todo-api")) {
                assertThat(container.getReadinessProbe().getTimeoutSeconds())
                        .as("the api's readiness waits up to 5 s to connect plus 2 s to validate")
                        .isGreaterThan(7);
            } else {
                assertThat(container.getReadinessProbe().getTimeoutSeconds())
                        .as("the web's readiness asks the API with a 1 s connect and 2 s read timeout")
                        .isGreaterThan(3);
            }
        }
    }

    @Test
    void serversListenOnThePortTheProbesAndServicesUse() {
        Charts.Rendered rendered = Charts.render("todo");

        for (Deployment deployment : rendered.all(Deployment.class)) {
            Map<String, String> environment =
                    rendered.environment(container(deployment), Map.of("todo-secrets", Map.of()));
            assertThat(environment)
                    .containsEntry(
                            "HTTP_PORT",
                            container(deployment)
                                    .getPorts()
                                    .get(0)
                                    .getContainerPort()
                                    .toString());
        }
    }

    @Test
    void webReachesTheApiByItsServiceName() {
        Charts.Rendered rendered = Charts.render("todo");
        Service api = rendered.named(Service.class, "todo-api");

        URI apiUrl = URI.create(rendered.environment(
                        container(rendered.named(Deployment.class, "todo-web")), Map.of("todo-secrets", Map.of()))
                .get("TODO_API_URL"));

        assertThat(apiUrl.getHost()).isEqualTo(api.getMetadata().getName());
        assertThat(apiUrl.getPort()).isEqualTo(api.getSpec().getPorts().get(0).getPort());
        assertThat(apiUrl.getPath()).isEqualTo("/api");
    }

    @Test
    void bothServersTakeTheirSecretsFromTheNamedSecret() {
        assertThat(secretNames(Charts.render("todo"))).containsExactly("todo-secrets", "todo-secrets");
        assertThat(secretNames(Charts.render("todo", Map.of("global.existingSecret", "prod-secrets"))))
                .containsExactly("prod-secrets", "prod-secrets");
        assertThat(secretNames(Charts.render("todo-web", Map.of("existingSecret", "web-only"))))
                .containsExactly("web-only");
    }

    @Test
    void imagesAreTheLocallyBuiltOnesAndAreNotPulledWhenPresent() {
        Charts.Rendered rendered = Charts.render("todo");

        assertThat(container(rendered.named(Deployment.class, "todo-api")).getImage())
                .isEqualTo("todo-api:v1");
        assertThat(container(rendered.named(Deployment.class, "todo-web")).getImage())
                .isEqualTo("todo-web:v1");
        assertThat(allContainers(rendered)).allSatisfy(container -> {
            assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
            assertThat(container.getImage()).matches(".+:[^:]+").doesNotEndWith(":latest");
        });
    }

    @Test
    void everyPodMeetsTheRestrictedPodSecurityStandard() {
        Charts.Rendered rendered = Charts.renderWithTestPods("todo");
        Charts.Rendered withDatabase = Charts.render("todo", Map.of("todo-api.postgresql.enabled", true));

        List<PodSpec> pods = Stream.concat(
                        podSpecs(rendered).stream(),
                        podSpecs(withDatabase).stream()
                                .filter(pod ->
                                        pod.getContainers().get(0).getName().equals("postgresql")))
                .toList();
        assertThat(pods).hasSize(5);
        for (PodSpec pod : pods) {
            PodSecurityContext podContext = pod.getSecurityContext();
            assertThat(podContext.getRunAsNonRoot()).isTrue();
            assertThat(podContext.getRunAsUser()).isPositive();
            assertThat(podContext.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            for (Container container : pod.getContainers()) {
                SecurityContext context = container.getSecurityContext();
                assertThat(context.getAllowPrivilegeEscalation())
                        .as(container.getName())
                        .isFalse();
                assertThat(context.getReadOnlyRootFilesystem())
                        .as(container.getName())
                        .isTrue();
                assertThat(context.getRunAsNonRoot()).as(container.getName()).isTrue();
                assertThat(context.getCapabilities().getDrop())
                        .as(container.getName())
                        .containsExactly("ALL");
                assertThat(context.getCapabilities().getAdd())
                        .as(container.getName())
                        .isNullOrEmpty();
                assertThat(context.getPrivileged()).as(container.getName()).isNotEqualTo(Boolean.TRUE);
            }
            assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getVolumes())
                    .allSatisfy(volume -> assertThat(volume.getHostPath()).isNull());
        }
    }

    @Test
    void libertyGetsWritableDirectoriesOnItsReadOnlyRootFileSystem() {
        for (Deployment deployment : Charts.render("todo").all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            List<VolumeMount> mounts = container(deployment).getVolumeMounts();

            assertThat(mounts).extracting(VolumeMount::getMountPath).contains("/opt/ol/wlp/output", "/logs", "/tmp");
            for (VolumeMount mount : mounts) {
                assertThat(pod.getVolumes())
                        .filteredOn(volume -> volume.getName().equals(mount.getName()))
                        .singleElement()
                        .satisfies(volume -> assertThat(volume.getEmptyDir()).isNotNull());
                assertThat(mount.getReadOnly()).isNotEqualTo(Boolean.TRUE);
            }
        }
    }

    @Test
    void everyContainerHasResourceRequestsAndMemoryLimits() {
        Charts.Rendered rendered = Charts.render("todo", Map.of("todo-api.postgresql.enabled", true));

        assertThat(allContainers(rendered)).allSatisfy(container -> {
            assertThat(container.getResources().getRequests())
                    .as(container.getName())
                    .containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits())
                    .as(container.getName())
                    .containsKey("memory");
        });
        Charts.Rendered bigger = Charts.render(
                "todo",
                Map.of(
                        "todo-api.resources.limits.memory",
                        "1Gi",
                        "todo-api.replicaCount",
                        3,
                        "todo-web.image.tag",
                        "v2"));
        Deployment api = bigger.named(Deployment.class, "todo-api");
        assertThat(container(api).getResources().getLimits().get("memory").toString())
                .isEqualTo("1Gi");
        assertThat(api.getSpec().getReplicas()).isEqualTo(3);
        assertThat(container(bigger.named(Deployment.class, "todo-web")).getImage())
                .isEqualTo("todo-web:v2");
    }

    @Test
    void everyObjectCarriesTheRecommendedLabels() {
        Charts.Rendered rendered = Charts.render("todo", Map.of("todo-api.postgresql.enabled", true));

        for (HasMetadata object : rendered.objects()) {
            assertThat(object.getMetadata().getLabels())
                    .as(object.getKind() + " " + object.getMetadata().getName())
                    .containsKeys(
                            "app.kubernetes.io/name",
                            "app.kubernetes.io/instance",
                            "app.kubernetes.io/version",
                            "app.kubernetes.io/component",
                            "app.kubernetes.io/part-of",
                            "app.kubernetes.io/managed-by",
                            "helm.sh/chart")
                    .containsEntry("app.kubernetes.io/instance", Charts.RELEASE)
                    .containsEntry("app.kubernetes.io/part-of", "todo")
                    .containsEntry("app.kubernetes.io/managed-by", "Helm");
        }
    }

    @Test
    void aChangedSettingRollsThePodsAndAnUnchangedOneDoesNot() {
        String before = configChecksum(Charts.render("todo"), "todo-api");

        assertThat(configChecksum(Charts.render("todo"), "todo-api")).isEqualTo(before);
        assertThat(configChecksum(Charts.render("todo", Map.of("todo-api.env.DB_POOL_MAX", "30")), "todo-api"))
                .isNotEqualTo(before);
        assertThat(Charts.render("todo", Map.of("todo-api.env.DB_POOL_MAX", "30"))
                        .named(ConfigMap.class, "todo-api")
                        .getData())
                .containsEntry("DB_POOL_MAX", "30");
    }

    @Test
    void inClusterPostgresqlGivesTheApiADatabaseUrlWithThePasswordFromTheSecret() {
        Charts.Rendered rendered = Charts.render("todo", Map.of("todo-api.postgresql.enabled", true));

        StatefulSet database = rendered.named(StatefulSet.class, "todo-api-postgresql");
        Container postgresql = container(database.getSpec().getTemplate().getSpec());
        assertThat(postgresql.getImage()).matches("postgres:17\\.\\d+.*");
        assertThat(database.getSpec().getVolumeClaimTemplates())
                .singleElement()
                .satisfies(claim ->
                        assertThat(claim.getSpec().getResources().getRequests()).containsKey("storage"));
        assertThat(rendered.named(Service.class, "todo-api-postgresql")
                        .getSpec()
                        .getType())
                .isEqualTo("ClusterIP");
        Map<String, Map<String, String>> secrets = Map.of(
                "todo-secrets",
                Map.of("DATABASE_URL", "postgresql://elsewhere/todo", "POSTGRES_PASSWORD", "s3cr3tHex"));

        Map<String, String> api =
                rendered.environment(container(rendered.named(Deployment.class, "todo-api")), secrets);
        Map<String, String> db = rendered.environment(postgresql, secrets);

        assertThat(api.get("DATABASE_URL"))
                .isEqualTo("postgresql://todo:s3cr3tHex@todo-api-postgresql:5432/todo?sslmode=disable");
        assertThat(db)
                .containsEntry("POSTGRES_PASSWORD", "s3cr3tHex")
                .containsEntry("POSTGRES_USER", "todo")
                .containsEntry("POSTGRES_DB", "todo");
        assertThat(rendered.all(Secret.class))
                .as("no password is generated into the chart's output")
                .isEmpty();
    }

    @Test
    void notesTellHowToReachTheAppOnMinikube() {
        String output = Charts.installOutput("todo", Map.of());

        assertThat(output)
                .contains(
                        "minikube tunnel",
                        "minikube service -n todo todo-web",
                        "helm test todo",
                        "kubectl get svc -n todo todo-web");
    }

    @Test
    void notesTellHowToReachTheAppThroughTheIngressAndHowToScale() {
        String output = Charts.installOutput("todo", Map.of("todo-web.ingress.enabled", true));

        assertThat(output)
                .contains("through the Ingress (class nginx)", "minikube addons enable ingress", "http://127.0.0.1/")
                .contains("kubectl scale deployment -n todo todo-web --replicas=3")
                .doesNotContain("kubectl get svc -n todo todo-web");
    }

    @Test
    void valuesThatBreakTheContractAreRejectedByTheSchema() {
        assertThatThrownBy(() -> Charts.render("todo-api", Map.of("image.pullPolicy", "Sometimes")))
                .hasMessageContaining("pullPolicy");
        assertThatThrownBy(() -> Charts.render("todo-api", Map.of("service.type", "LoadBalancer")))
                .as("the API is never exposed outside the cluster")
                .hasMessageContaining("type");
        assertThatThrownBy(() -> Charts.render("todo-api", Map.of("env.AUTH_SECRET", "in-values")))
                .as("secrets never go into values")
                .hasMessageContaining("AUTH_SECRET");
        assertThatThrownBy(() -> Charts.render("todo-web", Map.of("image.tag", "latest")))
                .hasMessageContaining("tag");
        assertThatThrownBy(() -> Charts.render("todo", Map.of("replicas", 2)))
                .as("a misspelt top-level key")
                .hasMessageContaining("replicas");
    }

    @Test
    void noValuesFileHoldsASecretValue() throws IOException {
        try (Stream<Path> files = Files.walk(Charts.repositoryRoot().resolve("helm"))) {
            List<Path> valuesFiles = files.filter(
                            path -> path.getFileName().toString().startsWith("values")
                                    && path.getFileName().toString().endsWith(".yaml"))
                    .toList();
            assertThat(valuesFiles).hasSize(3);
            for (Path file : valuesFiles) {
                for (String line : Files.readAllLines(file)) {
                    String code = line.replaceFirst("#.*", "");
                    for (String key : SECRET_KEYS) {
                        assertThat(code.toUpperCase())
                                .as(file + ": " + line)
                                .doesNotContainPattern(key + "\\w*\\s*:\\s*\\S");
                    }
                    assertThat(code).as(file + ": " + line).doesNotContainPattern("(?i)(sk-|postgres(ql)?://)");
                }
            }
        }
    }

    @Test
    void helmTestPodsCheckThatTheAppAnswers() throws IOException {
        assertThat(Charts.render("todo").all(Pod.class))
                .as("test pods are hooks, not installed objects")
                .isEmpty();
        for (String chart : List.of("todo-api", "todo-web")) {
            assertThat(Files.readString(Charts.repositoryRoot()
                            .resolve("helm")
                            .resolve(chart)
                            .resolve("templates/tests/test-connection.yaml")))
                    .contains("\"helm.sh/hook\": test");
        }

        List<Pod> tests = Charts.renderWithTestPods("todo").all(Pod.class);

        assertThat(tests).hasSize(2).allSatisfy(pod -> {
            assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
            assertThat(String.join(" ", container(pod.getSpec()).getCommand())).contains("/health/ready");
        });
        assertThat(tests)
                .anySatisfy(pod -> assertThat(
                                String.join(" ", container(pod.getSpec()).getCommand()))
                        .as("the web server is ready whether or not the API answers; the test wants both")
                        .contains("http://todo-web:80/", "\"reachable\" *: *true"));
        assertThat(tests)
                .anySatisfy(pod -> assertThat(
                                String.join(" ", container(pod.getSpec()).getCommand()))
                        .contains("http://todo-api:9080/"));
    }

    @Test
    void standaloneChartsNameTheirObjectsAfterTheRelease() {
        assertThat(Charts.render("todo-api")
                        .named(Service.class, "todo-todo-api")
                        .getSpec()
                        .getType())
                .isEqualTo("ClusterIP");
        assertThat(Charts.render("todo-web")
                        .named(Service.class, "todo-todo-web")
                        .getSpec()
                        .getType())
                .isEqualTo("LoadBalancer");
    }

    @Test
    void strictReadingRejectsWhatTheApiServerWouldReject() {
        String service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n";

        assertThat(Charts.parse(service + "  type: ClusterIP\n")).hasSize(1);
        assertThatThrownBy(() -> Charts.parse(service + "  tpye: ClusterIP\n")).hasMessageContaining("tpye");
        assertThatThrownBy(() -> Charts.parse(service + "  ports:\n    - port: \"80\"\n"));
        assertThatThrownBy(() -> Charts.parse("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: x\n"))
                .hasMessageContaining("not a kind");
    }

    @Test
    void umbrellaRunsTwoOfEachServerAndTheChartsAloneOne() {
        assertThat(Charts.render("todo").all(Deployment.class))
                .hasSize(2)
                .allSatisfy(deployment ->
                        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2));
        assertThat(Charts.render("todo-api")
                        .all(Deployment.class)
                        .get(0)
                        .getSpec()
                        .getReplicas())
                .isEqualTo(1);
        assertThat(Charts.render("todo-web")
                        .all(Deployment.class)
                        .get(0)
                        .getSpec()
                        .getReplicas())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"todo-api", "todo-web"})
    void autoscalingReplacesTheFixedReplicaCount(String server) {
        assertThat(Charts.render("todo").all(HorizontalPodAutoscaler.class))
                .as("off by default")
                .isEmpty();

        Charts.Rendered rendered = Charts.render(
                "todo", Map.of(server + ".autoscaling.enabled", true, server + ".autoscaling.maxReplicas", 4));

        HorizontalPodAutoscaler autoscaler = rendered.named(HorizontalPodAutoscaler.class, server);
        assertThat(autoscaler.getApiVersion()).isEqualTo("autoscaling/v2");
        assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(server);
        assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(autoscaler.getSpec().getMaxReplicas()).isEqualTo(4);
        assertThat(autoscaler.getSpec().getMetrics())
                .extracting(metric -> metric.getResource().getName() + "="
                        + metric.getResource().getTarget().getAverageUtilization())
                .containsExactly("cpu=70", "memory=100");
        assertThat(rendered.named(Deployment.class, server).getSpec().getReplicas())
                .as("the autoscaler owns the count; a replicas field would reset it at each upgrade")
                .isNull();
        assertThat(Charts.render(
                                "todo",
                                Map.of(
                                        server + ".autoscaling.enabled",
                                        true,
                                        server + ".autoscaling.targetMemoryUtilizationPercentage",
                                        "null"))
                        .named(HorizontalPodAutoscaler.class, server)
                        .getSpec()
                        .getMetrics())
                .extracting(metric -> metric.getResource().getName())
                .containsExactly("cpu");
        assertThatThrownBy(() -> Charts.render(
                        "todo",
                        Map.of(
                                server + ".autoscaling.enabled", true,
                                server + ".autoscaling.targetCPUUtilizationPercentage", "null",
                                server + ".autoscaling.targetMemoryUtilizationPercentage", "null")))
                .hasMessageContaining("autoscaling needs");
    }

    @Test
    void disruptionBudgetsLetOnePodOfEachServerGoAtATime() {
        Charts.Rendered rendered = Charts.render("todo");

        for (String server : List.of("todo-api", "todo-web")) {
            PodDisruptionBudget budget = rendered.named(PodDisruptionBudget.class, server);
            assertThat(budget.getApiVersion()).isEqualTo("policy/v1");
            assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
            assertThat(budget.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(rendered.named(Deployment.class, server)
                            .getSpec()
                            .getSelector()
                            .getMatchLabels());
        }
        assertThat(Charts.render("todo", Map.of("todo-web.podDisruptionBudget.enabled", false))
                        .all(PodDisruptionBudget.class))
                .extracting(budget -> budget.getMetadata().getName())
                .containsExactly("todo-api");
    }

    @Test
    void podsSpreadAcrossNodesWithoutBlockingAOneNodeCluster() {
        Charts.Rendered rendered = Charts.render("todo");

        for (Deployment deployment : rendered.all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getTopologySpreadConstraints()).singleElement().satisfies(spread -> {
                assertThat(spread.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                assertThat(spread.getMaxSkew()).isEqualTo(1);
                assertThat(spread.getWhenUnsatisfiable()).isEqualTo("ScheduleAnyway");
                assertThat(spread.getMatchLabelKeys()).containsExactly("pod-template-hash");
                assertThat(matches(
                                spread.getLabelSelector(),
                                deployment.getSpec().getTemplate().getMetadata().getLabels()))
                        .isTrue();
            });
        }
        Deployment zones = Charts.render(
                        "todo-web",
                        Map.of(
                                "topologySpread.topologyKey", "topology.kubernetes.io/zone",
                                "topologySpread.whenUnsatisfiable", "DoNotSchedule"))
                .all(Deployment.class)
                .get(0);
        assertThat(zones.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
                .singleElement()
                .satisfies(spread -> assertThat(spread.getTopologyKey()).isEqualTo("topology.kubernetes.io/zone"))
                .satisfies(spread -> assertThat(spread.getWhenUnsatisfiable()).isEqualTo("DoNotSchedule"));
        assertThat(Charts.render("todo-api", Map.of("topologySpread.enabled", false))
                        .all(Deployment.class)
                        .get(0)
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getTopologySpreadConstraints())
                .isNullOrEmpty();
    }

    /** Liberty stops listening at SIGTERM and lets requests in flight finish for up to 30 s (its quiesce). */
    @Test
    void stoppingPodsOutlastTheirRoutesAndLibertysQuiesce() {
        for (Deployment deployment : Charts.render("todo").all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            int preStop = container(deployment)
                    .getLifecycle()
                    .getPreStop()
                    .getSleep()
                    .getSeconds()
                    .intValue();

            assertThat(preStop)
                    .as("time for endpoints, kube-proxy, load balancer and ingress to drop the pod")
                    .isBetween(5, 30);
            assertThat(pod.getTerminationGracePeriodSeconds())
                    .as("pre-stop sleep, then up to 30 s of quiesce, then the JVM's exit")
                    .isGreaterThan(preStop + 30L);
        }
        assertThatThrownBy(() -> Charts.render(
                        "todo-web",
                        Map.of("shutdown.preStopSleepSeconds", 20, "shutdown.terminationGracePeriodSeconds", 40)))
                .hasMessageContaining("terminationGracePeriodSeconds must be at least 50");
    }

    @Test
    void onlyTheWebPodsAndTheHelmTestReachTheApi() {
        Charts.Rendered rendered = Charts.renderWithTestPods("todo");
        NetworkPolicy policy = rendered.named(NetworkPolicy.class, "todo-api");
        Map<String, String> apiPods = podLabels(rendered, "todo-api");
        Map<String, String> webPods = podLabels(rendered, "todo-web");
        Pod apiTest = rendered.named(Pod.class, "todo-api-test-ready");
        Pod webTest = rendered.named(Pod.class, "todo-web-test-pages");

        assertThat(matches(policy.getSpec().getPodSelector(), apiPods)).isTrue();
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
        assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getPorts())
                    .singleElement()
                    .satisfies(port -> assertThat(port.getPort().getStrVal()).isEqualTo("http"));
            assertThat(rule.getFrom())
                    .allSatisfy(peer -> assertThat(peer.getNamespaceSelector())
                            .as("this namespace only")
                            .isNull());
            assertThat(admits(rule.getFrom(), webPods)).as("web pods").isTrue();
            assertThat(admits(rule.getFrom(), apiTest.getMetadata().getLabels()))
                    .as("the api's helm test")
                    .isTrue();
            assertThat(admits(rule.getFrom(), webTest.getMetadata().getLabels()))
                    .as("the web's helm test")
                    .isFalse();
            assertThat(admits(rule.getFrom(), apiPods)).as("the api pods").isFalse();
            assertThat(admits(rule.getFrom(), Map.of("app", "anything-else"))).isFalse();
        });
        assertThat(Charts.render("todo", Map.of("todo-api.networkPolicy.enabled", false))
                        .all(NetworkPolicy.class))
                .isEmpty();
    }

    @Test
    void onlyTheApiReachesTheInClusterDatabase() {
        Charts.Rendered rendered = Charts.render("todo", Map.of("todo-api.postgresql.enabled", true));
        NetworkPolicy policy = rendered.named(NetworkPolicy.class, "todo-api-postgresql");
        StatefulSet database = rendered.named(StatefulSet.class, "todo-api-postgresql");

        assertThat(matches(
                        policy.getSpec().getPodSelector(),
                        database.getSpec().getTemplate().getMetadata().getLabels()))
                .isTrue();
        assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(admits(rule.getFrom(), podLabels(rendered, "todo-api"))).isTrue();
            assertThat(admits(rule.getFrom(), podLabels(rendered, "todo-web"))).isFalse();
            assertThat(rule.getPorts())
                    .singleElement()
                    .satisfies(port -> assertThat(port.getPort().getStrVal()).isEqualTo("postgresql"));
        });
    }

    @Test
    void helmTestPodsAreNeverEndpointsOfAService() {
        Charts.Rendered rendered = Charts.renderWithTestPods("todo");

        for (Pod test : rendered.all(Pod.class)) {
            for (Service service : rendered.all(Service.class)) {
                boolean selected = test.getMetadata()
                        .getLabels()
                        .entrySet()
                        .containsAll(service.getSpec().getSelector().entrySet());
                assertThat(selected)
                        .as(test.getMetadata().getName() + " must not be selected by "
                                + service.getMetadata().getName())
                        .isFalse();
            }
        }
    }

    @Test
    void apiTrustsTheWebPodsAsProxiesAndTheWebServerTrustsNoOneWithoutTheIngress() {
        Charts.Rendered rendered = Charts.render("todo");
        Pattern trusted = Pattern.compile(
                rendered.named(ConfigMap.class, "todo-api").getData().get("TRUSTED_PROXIES"));

        assertThat(List.of("10.244.0.7", "10.244.1.23", "127.0.0.1", "0:0:0:0:0:0:0:1"))
                .allMatch(address -> trusted.matcher(address).matches());
        assertThat(List.of("192.168.49.1", "10.96.0.10", "10.2440.1.1", "8.8.8.8", "110.244.0.1"))
                .noneMatch(address -> trusted.matcher(address).matches());
        assertThat(rendered.named(ConfigMap.class, "todo-web").getData())
                .as("without the Ingress nothing in front of the web server is a trusted proxy")
                .doesNotContainKey("TRUSTED_PROXIES");
        assertThat(Charts.render("todo", Map.of("todo-api.trustedProxies", ""))
                        .named(ConfigMap.class, "todo-api")
                        .getData())
                .doesNotContainKey("TRUSTED_PROXIES");
    }

    @Test
    void ingressIsOffByDefaultAndRoutesEverythingToTheWebService() {
        assertThat(Charts.render("todo").all(Ingress.class)).isEmpty();

        Charts.Rendered rendered = Charts.render(
                "todo",
                Map.of(
                        "todo-web.ingress.enabled", true,
                        "todo-web.ingress.host", "todo.example.com",
                        "todo-web.ingress.tlsSecretName", "todo-tls",
                        "todo-web.service.type", "ClusterIP"));

        Ingress ingress = rendered.named(Ingress.class, "todo-web");
        assertThat(ingress.getApiVersion()).isEqualTo("networking.k8s.io/v1");
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getSecretName()).isEqualTo("todo-tls");
            assertThat(tls.getHosts()).containsExactly("todo.example.com");
        });
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getHost()).isEqualTo("todo.example.com");
            assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
                assertThat(path.getPath()).isEqualTo("/");
                assertThat(path.getPathType()).isEqualTo("Prefix");
                assertThat(path.getBackend().getService().getName()).isEqualTo("todo-web");
                assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
            });
        });
        assertThat(rendered.named(Service.class, "todo-web").getSpec().getType())
                .isEqualTo("ClusterIP");
        assertThat(ingress.getMetadata().getAnnotations())
                .as("the chat streams for up to 180 s")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "180");
        Pattern trusted = Pattern.compile(
                rendered.named(ConfigMap.class, "todo-web").getData().get("TRUSTED_PROXIES"));
        assertThat(trusted.matcher("10.244.0.12").matches())
                .as("the ingress controller's pod is a trusted hop")
                .isTrue();
        assertThat(trusted.matcher("192.168.49.1").matches()).isFalse();
    }

    @Test
    void ingressWithoutAHostAnswersAnyHostAndTlsNeedsOne() {
        Ingress anyHost = Charts.render("todo-web", Map.of("ingress.enabled", true))
                .all(Ingress.class)
                .get(0);

        assertThat(anyHost.getSpec().getRules())
                .singleElement()
                .satisfies(rule -> assertThat(rule.getHost()).isNull());
        assertThat(anyHost.getSpec().getTls()).isNullOrEmpty();
        assertThatThrownBy(() ->
                        Charts.render("todo-web", Map.of("ingress.enabled", true, "ingress.tlsSecretName", "tls")))
                .hasMessageContaining("ingress.tlsSecretName needs ingress.host");
        assertThatThrownBy(
                        () -> Charts.render("todo-web", Map.of("ingress.enabled", true, "ingress.host", "Not A Host")))
                .hasMessageContaining("host");
    }

    @Test
    void newValuesThatBreakTheContractAreRejectedByTheSchema() {
        assertThatThrownBy(() -> Charts.render("todo-api", Map.of("autoscaling.maxReplicas", "many")))
                .hasMessageContaining("maxReplicas");
        assertThatThrownBy(() -> Charts.render("todo-web", Map.of("topologySpread.whenUnsatisfiable", "Sometimes")))
                .hasMessageContaining("whenUnsatisfiable");
        assertThatThrownBy(() -> Charts.render("todo-api", Map.of("env.TRUSTED_PROXIES", ".*")))
                .as("trustedProxies is the one place for it")
                .hasMessageContaining("TRUSTED_PROXIES");
        assertThatThrownBy(() -> Charts.render("todo-web", Map.of("ingress.hostname", "x")))
                .hasMessageContaining("hostname");
        assertThatThrownBy(() -> Charts.render("todo-api", Map.of("shutdown.terminationGracePeriodSeconds", 10)))
                .hasMessageContaining("terminationGracePeriodSeconds");
    }

    @Test
    void everyOptionRendersObjectsTheKubernetesModelReadsStrictly() {
        Map<String, Object> everything = new LinkedHashMap<>();
        everything.put("todo-api.postgresql.enabled", true);
        everything.put("todo-api.autoscaling.enabled", true);
        everything.put("todo-web.autoscaling.enabled", true);
        everything.put("todo-web.ingress.enabled", true);
        everything.put("todo-web.ingress.host", "todo.example.com");
        everything.put("todo-web.ingress.tlsSecretName", "todo-tls");
        everything.put("todo-web.service.type", "ClusterIP");
        everything.put("todo-api.podDisruptionBudget.maxUnavailable", "50%");

        Charts.Rendered rendered = Charts.render("todo", everything);

        assertThat(rendered.objects())
                .extracting(HasMetadata::getKind)
                .containsOnly(
                        "ConfigMap",
                        "Service",
                        "Deployment",
                        "StatefulSet",
                        "HorizontalPodAutoscaler",
                        "PodDisruptionBudget",
                        "NetworkPolicy",
                        "Ingress");
        assertThat(rendered.named(PodDisruptionBudget.class, "todo-api")
                        .getSpec()
                        .getMaxUnavailable()
                        .getStrVal())
                .isEqualTo("50%");
    }

    private static List<String> secretNames(Charts.Rendered rendered) {
        return rendered.all(Deployment.class).stream()
                .flatMap(deployment -> container(deployment).getEnvFrom().stream())
                .filter(source -> source.getSecretRef() != null)
                .map(source -> source.getSecretRef().getName())
                .toList();
    }

    private static String configChecksum(Charts.Rendered rendered, String deployment) {
        return rendered.named(Deployment.class, deployment)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get("checksum/config");
    }

    private static Map<String, String> podLabels(Charts.Rendered rendered, String deployment) {
        return rendered.named(Deployment.class, deployment)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
    }

    /** Whether a NetworkPolicy rule's peers let a pod with these labels in (pod selectors, as the chart uses). */
    private static boolean admits(List<NetworkPolicyPeer> peers, Map<String, String> labels) {
        return peers.stream()
                .map(NetworkPolicyPeer::getPodSelector)
                .anyMatch(selector -> selector != null && matches(selector, labels));
    }

    /** A label selector's matchLabels, as the API server applies them; the chart uses no expressions. */
    private static boolean matches(LabelSelector selector, Map<String, String> labels) {
        assertThat(selector.getMatchExpressions()).isNullOrEmpty();
        assertThat(selector.getMatchLabels()).isNotEmpty();
        return labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }

    static Container container(Deployment deployment) {
        return container(deployment.getSpec().getTemplate().getSpec());
    }

    private static Container container(PodSpec pod) {
        assertThat(pod.getContainers()).hasSize(1);
        return pod.getContainers().get(0);
    }

    private static List<PodSpec> podSpecs(Charts.Rendered rendered) {
        return Stream.of(
                        rendered.all(Deployment.class).stream()
                                .map(d -> d.getSpec().getTemplate().getSpec()),
                        rendered.all(StatefulSet.class).stream()
                                .map(s -> s.getSpec().getTemplate().getSpec()),
                        rendered.all(Pod.class).stream().map(Pod::getSpec))
                .flatMap(s -> s)
                .toList();
    }

    private static List<Container> allContainers(Charts.Rendered rendered) {
        return podSpecs(rendered).stream()
                .flatMap(pod -> pod.getContainers().stream())
                .toList();
    }
}
