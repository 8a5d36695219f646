package dev.todo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * k8s-secrets-template/create-secret.sh run by a real shell against a stand-in {@code kubectl}: a small script that
 * records each call's arguments and standard input and answers {@code get secret} from the Secret as the earlier calls
 * left it. The test plays the API server: it reads each applied manifest strictly as YAML and merges it, as server-side
 * apply does, and takes out the keys each merge patch sets to null.
 */
class CreateSecretScriptIT {

    private static final Path SCRIPT = Charts.repositoryRoot().resolve("k8s-secrets-template/create-secret.sh");
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    /** As Neon gives it, with the characters a shell, sed or a URL parser could mangle in the password. */
    private static final String NEON_URL = "postgresql://neondb_owner:npg_A$b`c'd\"e\\f%2F&x=y*?!#@"
            + "ep-cool-name-123456.eu-central-1.aws.neon.tech/neondb?sslmode=require&channel_binding=require";

    private static final String STUB = """
            #!/bin/sh
            # Records each call, as call-N.args (one argument a line) and call-N.stdin; answers get from ./secret.
            dir="$(dirname "$0")"
            n=$(( $(cat "$dir/count" 2>/dev/null || echo 0) + 1 ))
            echo "$n" > "$dir/count"
            printf '%s\\n' "$@" > "$dir/call-$n.args"
            case " $* " in
                *" get "*)
                    [ ! -f "$dir/unreachable" ] || { echo 'The connection to the server was refused' >&2; exit 1; }
                    [ ! -f "$dir/secret" ] || cat "$dir/secret"
                    ;;
                *" apply "*) cat > "$dir/call-$n.stdin" ;;
            esac
            """;

    @TempDir
    Path directory;

    private Path kubectl;
    private final Map<String, String> cluster = new LinkedHashMap<>();
    private boolean lastAppliedAnnotation;
    private int callsSeen;

    @BeforeEach
    void installTheStandInKubectl() throws IOException {
        kubectl = Files.createDirectories(directory.resolve("bin"));
        Path stub = kubectl.resolve("kubectl");
        Files.writeString(stub, STUB);
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "bash"})
    void firstRunGeneratesTheTokenSecretWritesItBackAndAppliesServerSide(String shell) throws IOException {
        Path file = envFile(
                "# the app's secrets",
                "DATABASE_URL=" + NEON_URL,
                "AUTH_SECRET=",
                "BETTER_AUTH_SECRET=",
                "OPENAI_API_KEY=sk-test-first",
                "XIAOMI_API_KEY=");

        Run run = run(shell, file.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        Map<String, String> secret = cluster;
        assertThat(secret.keySet()).containsExactlyInAnyOrder("DATABASE_URL", "AUTH_SECRET", "OPENAI_API_KEY");
        assertThat(secret.get("DATABASE_URL")).isEqualTo(NEON_URL);
        assertThat(Base64.getDecoder().decode(secret.get("AUTH_SECRET"))).hasSize(48);
        assertThat(Files.readAllLines(file))
                .as("the generated secret fills its empty line, and everything else stays")
                .containsExactly(
                        "# the app's secrets",
                        "DATABASE_URL=" + NEON_URL,
                        "AUTH_SECRET=" + secret.get("AUTH_SECRET"),
                        "BETTER_AUTH_SECRET=",
                        "OPENAI_API_KEY=sk-test-first",
                        "XIAOMI_API_KEY=");
        List<String> apply = run.calls().stream()
                .filter(call -> call.args().contains("apply"))
                .findFirst()
                .orElseThrow()
                .args();
        assertThat(apply).contains("--server-side", "--force-conflicts", "-f", "-");
        assertThat(apply).anyMatch(argument -> argument.startsWith("--field-manager="));
        assertNoValueLeaks(run, secret);
    }

    @Test
    void runningAgainChangesNothing() throws IOException {
        Path file = envFile("DATABASE_URL=" + NEON_URL, "AUTH_SECRET=", "OPENAI_API_KEY=sk-test-first");
        run("sh", file.toString());
        Map<String, String> first = Map.copyOf(cluster);
        String fileAfterFirstRun = Files.readString(file);

        Run again = run("sh", file.toString());

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(cluster).isEqualTo(first);
        assertThat(Files.readString(file)).isEqualTo(fileAfterFirstRun);
        assertThat(again.output()).contains("AUTH_SECRET kept, DATABASE_URL kept, OPENAI_API_KEY kept");
    }

    @Test
    void changingOneKeyInTheFileChangesOnlyThatKey() throws IOException {
        Path file = envFile("DATABASE_URL=" + NEON_URL, "AUTH_SECRET=", "OPENAI_API_KEY=sk-test-first");
        run("sh", file.toString());
        Map<String, String> before = Map.copyOf(cluster);

        Files.writeString(file, Files.readString(file).replace("sk-test-first", "sk-test-second"));
        Run rotation = run("sh", file.toString());

        assertThat(rotation.exitCode()).as(rotation.output()).isZero();
        assertThat(cluster).containsEntry("OPENAI_API_KEY", "sk-test-second");
        assertThat(withoutKey(cluster, "OPENAI_API_KEY")).isEqualTo(withoutKey(before, "OPENAI_API_KEY"));
        assertThat(rotation.output())
                .contains("AUTH_SECRET kept, DATABASE_URL kept, OPENAI_API_KEY changed")
                .doesNotContain("sk-test");
    }

    @Test
    void aKeyLeftOutOfTheFileIsRemovedButTheTokenSecretIsKeptFromTheSecret() throws IOException {
        Path file = envFile("DATABASE_URL=" + NEON_URL, "AUTH_SECRET=", "XIAOMI_API_KEY=mimo-key");
        run("sh", file.toString());
        String authSecret = cluster.get("AUTH_SECRET");

        // A new copy of the file, as on another machine: the model key emptied, no AUTH_SECRET line at all.
        Path fresh = envFile("DATABASE_URL=" + NEON_URL, "XIAOMI_API_KEY=");
        Run run = run("sh", fresh.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(cluster).doesNotContainKey("XIAOMI_API_KEY").containsEntry("AUTH_SECRET", authSecret);
        assertThat(Files.readAllLines(fresh)).contains("AUTH_SECRET=" + authSecret);
        assertThat(run.output()).contains("XIAOMI_API_KEY removed", "AUTH_SECRET: kept from the Secret");
    }

    @Test
    void rotateMakesANewTokenSecretAndLeavesTheRest() throws IOException {
        Path file = envFile("DATABASE_URL=" + NEON_URL, "AUTH_SECRET=", "OPENAI_API_KEY=sk-test-first");
        run("sh", file.toString());
        Map<String, String> before = Map.copyOf(cluster);

        Run rotation = run("sh", "--rotate", "AUTH_SECRET", file.toString());

        assertThat(rotation.exitCode()).as(rotation.output()).isZero();
        assertThat(cluster.get("AUTH_SECRET")).isNotEqualTo(before.get("AUTH_SECRET"));
        assertThat(withoutKey(cluster, "AUTH_SECRET")).isEqualTo(withoutKey(before, "AUTH_SECRET"));
        assertThat(Files.readAllLines(file))
                .filteredOn(line -> line.startsWith("AUTH_SECRET="))
                .containsExactly("AUTH_SECRET=" + cluster.get("AUTH_SECRET"));
        assertThat(rotation.output()).contains("every user is signed out");
    }

    @Test
    void inClusterDatabaseIsRememberedAndItsPasswordNeverChangesBehindItsBack() throws IOException {
        Path file = envFile("AUTH_SECRET=", "OPENAI_API_KEY=", "POSTGRES_PASSWORD=");
        Run first = run("sh", "--in-cluster-db", file.toString());
        assertThat(first.exitCode()).as(first.output()).isZero();
        String password = cluster.get("POSTGRES_PASSWORD");
        assertThat(password).matches("[0-9a-f]{48}");
        assertThat(Files.readAllLines(file)).contains("POSTGRES_PASSWORD=" + password);

        Run withoutTheFlag = run("sh", file.toString());
        assertThat(withoutTheFlag.exitCode())
                .as("no DATABASE_URL needed: POSTGRES_PASSWORD says the database is the chart's own")
                .isZero();
        assertThat(cluster).containsEntry("POSTGRES_PASSWORD", password);

        Files.writeString(file, Files.readString(file).replace(password, "an0therPassw0rd"));
        int callsBefore = callsSeen;
        Run changed = run("sh", file.toString());
        assertThat(changed.exitCode()).isNotZero();
        assertThat(changed.output())
                .contains("POSTGRES_PASSWORD", "differs from the one in the Secret", "--postgres-password-changed")
                .doesNotContain(password, "an0therPassw0rd");
        assertThat(changed.calls().subList(callsBefore, changed.calls().size()))
                .noneMatch(call -> call.args().contains("apply"));
        assertThat(cluster).containsEntry("POSTGRES_PASSWORD", password);

        Run confirmed = run("sh", "--postgres-password-changed", file.toString());
        assertThat(confirmed.exitCode()).as(confirmed.output()).isZero();
        assertThat(cluster).containsEntry("POSTGRES_PASSWORD", "an0therPassw0rd");
    }

    @Test
    void namespaceReachesEveryKubectlCallAndTheManifest() throws IOException {
        Path file = envFile("DATABASE_URL=" + NEON_URL);

        Run run = run("sh", "--namespace", "todo-prod", "--name", "prod-secrets", file.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.calls())
                .allSatisfy(call -> assertThat(call.args()).containsSubsequence("--namespace", "todo-prod"));
        assertThat(run.calls())
                .filteredOn(call -> call.args().contains("get"))
                .singleElement()
                .satisfies(call -> assertThat(call.args()).containsSubsequence("secret", "prod-secrets"));
        JsonNode manifest = lastManifest(run);
        assertThat(manifest.at("/metadata/namespace").asString()).isEqualTo("todo-prod");
        assertThat(manifest.at("/metadata/name").asString()).isEqualTo("prod-secrets");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "bash"})
    void crlfLineEndingsAreReadAsLinesAndKept(String shell) throws IOException {
        Path file = directory.resolve("windows.env");
        Files.writeString(file, "DATABASE_URL=" + NEON_URL + "\r\nAUTH_SECRET=\r\nOPENAI_API_KEY=sk-crlf\r\n");

        Run run = run(shell, file.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(cluster.get("DATABASE_URL")).isEqualTo(NEON_URL);
        assertThat(cluster.get("OPENAI_API_KEY")).isEqualTo("sk-crlf");
        assertThat(cluster.get("AUTH_SECRET"))
                .as("AUTH_SECRET=\\r is empty, so one is generated")
                .doesNotContain("\r")
                .hasSize(64);
        assertThat(Files.readString(file))
                .isEqualTo("DATABASE_URL=" + NEON_URL + "\r\nAUTH_SECRET=" + cluster.get("AUTH_SECRET")
                        + "\r\nOPENAI_API_KEY=sk-crlf\r\n");
    }

    @Test
    void quotesAroundAValueAndAnExportAreNotPartOfIt() throws IOException {
        Path file = envFile("export DATABASE_URL=\"" + NEON_URL + "\"", "  OPENAI_API_KEY='sk-quoted'   ");

        Run run = run("sh", file.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(cluster).containsEntry("DATABASE_URL", NEON_URL).containsEntry("OPENAI_API_KEY", "sk-quoted");
    }

    @Test
    void aKeySetTwiceIsRefusedWithBothLines() throws IOException {
        Path file = envFile("DATABASE_URL=" + NEON_URL, "OPENAI_API_KEY=sk-one", "", "OPENAI_API_KEY=sk-two");

        Run run = run("sh", file.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output())
                .contains("OPENAI_API_KEY is set twice (lines 2 and 4)")
                .doesNotContain("sk-");
        assertThat(run.calls()).isEmpty();
    }

    @Test
    void badInputIsRefusedWithAPlainMessageAndNothingApplied() throws IOException {
        assertRefused(envFile("OPENAI_API_KEY=sk-x"), "DATABASE_URL is missing");
        assertRefused(envFile("DATABASE_URL=mysql://db/todo"), "DATABASE_URL must start with postgresql://");
        assertRefused(
                envFile("DATABASE_URL=" + NEON_URL, "AUTH_SECRET=too-short-secret"),
                "AUTH_SECRET is 16 bytes long; it must be at least 32");
        assertRefused(envFile("DATABASE_URL=" + NEON_URL, "this is not a setting"), "line 2: not a KEY=value line");
        assertThat(cluster).isEmpty();
    }

    @Test
    void anUnreachableClusterStopsTheRunBeforeAnythingIsWritten() throws IOException {
        Files.writeString(kubectl.resolve("unreachable"), "");
        Path file = envFile("DATABASE_URL=" + NEON_URL, "AUTH_SECRET=");

        Run run = run("sh", file.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("kubectl cannot read the Secret todo-secrets");
        assertThat(Files.readAllLines(file)).containsExactly("DATABASE_URL=" + NEON_URL, "AUTH_SECRET=");
    }

    @Test
    void valuesThatAnEarlierClientSideApplyCopiedIntoAnAnnotationAreRemoved() throws IOException {
        cluster.put("DATABASE_URL", NEON_URL);
        cluster.put("BETTER_AUTH_SECRET", "a-seed-secret-of-more-than-32-bytes-long");
        lastAppliedAnnotation = true;
        Path file = envFile("DATABASE_URL=" + NEON_URL, "BETTER_AUTH_SECRET=");

        Run run = run("sh", file.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.calls())
                .anySatisfy(call -> assertThat(call.args())
                        .containsSubsequence("annotate", "secret", "todo-secrets")
                        .contains("kubectl.kubernetes.io/last-applied-configuration-"));
        assertThat(cluster)
                .as("the seed's token secret is kept under its own name; no new AUTH_SECRET")
                .containsEntry("BETTER_AUTH_SECRET", "a-seed-secret-of-more-than-32-bytes-long")
                .doesNotContainKey("AUTH_SECRET");
    }

    @Test
    void dryRunWritesAndAppliesNothing() throws IOException {
        Path file = envFile("DATABASE_URL=" + NEON_URL, "AUTH_SECRET=");

        Run run = run("sh", "--dry-run", file.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("AUTH_SECRET added", "Dry run: nothing written or applied");
        assertThat(run.calls()).noneMatch(call -> call.args().contains("apply"));
        assertThat(Files.readAllLines(file)).containsExactly("DATABASE_URL=" + NEON_URL, "AUTH_SECRET=");
    }

    /**
     * macOS ships bash 3.2, where {@code set -u} makes an empty array's expansion an error. The script uses no
     * arrays and nothing newer than POSIX sh (the tests above run it under dash, which has neither).
     */
    @Test
    void scriptUsesNoArrayAndNothingBash32Lacks() throws IOException {
        String code = Files.readAllLines(SCRIPT).stream()
                .map(line -> line.replaceFirst("^\\s*#.*", ""))
                .collect(Collectors.joining("\n"));

        assertThat(Files.readAllLines(SCRIPT).get(0)).isEqualTo("#!/bin/sh");
        assertThat(code)
                .doesNotContainPattern("\\[[@*]\\]")
                .doesNotContainPattern("\\w=\\(")
                .doesNotContainPattern("\\b(declare|typeset|mapfile|readarray|local\\s+-n|coproc|shopt)\\b")
                .doesNotContainPattern("\\$\\{\\w+(,,|\\^\\^)")
                .doesNotContainPattern("\\[\\[\\s")
                .doesNotContain("|&", ";;&", "<<<", "pipefail");
    }

    private void assertRefused(Path file, String message) throws IOException {
        Run run = run("sh", file.toString());
        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains(message);
        assertThat(run.calls()).noneMatch(call -> call.args().contains("apply"));
    }

    private static void assertNoValueLeaks(Run run, Map<String, String> secret) {
        for (String value : secret.values()) {
            assertThat(run.output()).doesNotContain(value);
            assertThat(run.calls())
                    .as("values reach kubectl on its standard input only")
                    .allSatisfy(call -> assertThat(call.args()).noneMatch(argument -> argument.contains(value)));
        }
    }

    private static Map<String, String> withoutKey(Map<String, String> secret, String key) {
        Map<String, String> rest = new LinkedHashMap<>(secret);
        rest.remove(key);
        return rest;
    }

    private Path envFile(String... lines) throws IOException {
        Path file = Files.createTempFile(directory, "todo-secrets", ".env");
        Files.write(file, List.of(lines));
        return file;
    }

    /** Runs the script with the stand-in kubectl first on PATH, then plays the API server for what it called. */
    private Run run(String shell, String... arguments) throws IOException {
        writeClusterState();
        List<String> command = new ArrayList<>(List.of(shell, SCRIPT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("PATH", kubectl + ":" + System.getenv("PATH"));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("create-secret.sh did not finish in 60 s:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<Call> calls = calls();
        for (Call call : calls.subList(callsSeen, calls.size())) {
            playApiServer(call);
        }
        callsSeen = calls.size();
        return new Run(process.exitValue(), output, calls);
    }

    private void writeClusterState() throws IOException {
        StringBuilder answer = new StringBuilder();
        cluster.forEach((key, value) -> answer.append(key)
                .append('=')
                .append(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)))
                .append('\n'));
        if (lastAppliedAnnotation) {
            answer.append("#last-applied\n");
        }
        Path secret = kubectl.resolve("secret");
        if (cluster.isEmpty() && !lastAppliedAnnotation) {
            Files.deleteIfExists(secret);
        } else {
            Files.writeString(secret, answer);
        }
    }

    private void playApiServer(Call call) {
        List<String> args = call.args();
        if (args.contains("apply")) {
            JsonNode manifest = YAML.readTree(call.stdin());
            assertThat(manifest.at("/kind").asString()).isEqualTo("Secret");
            assertThat(manifest.has("stringData")).isFalse();
            assertThat(manifest.at("/metadata").has("annotations"))
                    .as("nothing the script applies copies values into an annotation")
                    .isFalse();
            manifest.get("data")
                    .properties()
                    .forEach(entry -> cluster.put(
                            entry.getKey(),
                            new String(
                                    Base64.getDecoder().decode(entry.getValue().asString()), StandardCharsets.UTF_8)));
        } else if (args.contains("patch")) {
            String patch = args.get(args.indexOf("-p") + 1);
            Matcher removed = Pattern.compile("\"(\\w+)\":null").matcher(patch);
            while (removed.find()) {
                cluster.remove(removed.group(1));
            }
        } else if (args.contains("annotate")) {
            lastAppliedAnnotation = false;
        }
    }

    private JsonNode lastManifest(Run run) {
        return YAML.readTree(run.calls().stream()
                .filter(call -> call.args().contains("apply"))
                .reduce((first, second) -> second)
                .orElseThrow()
                .stdin());
    }

    private List<Call> calls() throws IOException {
        List<Call> calls = new ArrayList<>();
        for (int n = 1; Files.exists(kubectl.resolve("call-" + n + ".args")); n++) {
            Path stdin = kubectl.resolve("call-" + n + ".stdin");
            calls.add(new Call(
                    Files.readAllLines(kubectl.resolve("call-" + n + ".args")),
                    Files.exists(stdin) ? Files.readString(stdin) : ""));
        }
        return calls;
    }

    private record Call(List<String> args, String stdin) {}

    private record Run(int exitCode, String output, List<Call> calls) {}
}
