package dev.todo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Containerfiles read as Docker reads them, checked against what {@code ./mvnw package} left in this build (no
 * Docker engine is needed): every path they copy exists, the images they start from are pinned, and the final image
 * runs the server as a non-root user with nothing from the local loop in it.
 */
class ContainerfilesIT {

    /** The build stage's working directory, and where the shared runtime lies inside it. */
    private static final String BUILD_DIR = "/build/";

    private static final String BUILD_RUNTIME = "/build/target/liberty/";

    private static final Path ROOT = Charts.repositoryRoot();
    private static final Path RUNTIME = Path.of(System.getProperty(
            "liberty.runtime.dir", ROOT.resolve("target/liberty").toString()));

    @ParameterizedTest
    @ValueSource(strings = {"api", "web"})
    void everyPathCopiedFromTheBuildContextExists(String server) throws IOException {
        List<Instruction> copies = containerfile(server).stream()
                .filter(instruction -> instruction.is("COPY") && instruction.option("from") == null)
                .toList();

        assertThat(copies).isNotEmpty();
        for (Instruction copy : copies) {
            for (String source : copy.sources()) {
                assertThat(ROOT.resolve(source)).as(copy.line()).exists();
                assertThat(dockerIgnored(source))
                        .as(source + " must reach the build context")
                        .isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "web"})
    void everyPathCopiedFromTheBuildStageIsWhatPackageLeaves(String server) throws IOException {
        List<Instruction> copies = containerfile(server).stream()
                .filter(instruction -> instruction.is("COPY") && "build".equals(instruction.option("from")))
                .toList();

        assertThat(copies).isNotEmpty();
        for (Instruction copy : copies) {
            for (String source : copy.sources()) {
                assertThat(fromBuildStage(source)).as(copy.line()).exists();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "web"})
    void theApplicationGoesWhereServerXmlLooksForIt(String server) throws IOException {
        String serverXml =
                Files.readString(ROOT.resolve("liberty").resolve(server).resolve("server.xml"));
        Matcher location =
                Pattern.compile("<webApplication [^>]*location=\"([^\"]+)\"").matcher(serverXml);
        assertThat(location.find()).isTrue();

        assertThat(containerfile(server)).anySatisfy(instruction -> {
            assertThat(instruction.is("COPY")).isTrue();
            assertThat(instruction.sources()).anyMatch(source -> source.endsWith("/apps/" + location.group(1)));
            assertThat(instruction.destination()).isEqualTo("/config/apps/");
        });
        assertThat(fromBuildStage(BUILD_RUNTIME + "wlp/usr/servers/" + server + "/apps/" + location.group(1)))
                .isRegularFile();
    }

    @Test
    void apiImageGetsTheDatabaseLibraryAndNeverTheEmbeddedPostgresql() throws IOException {
        List<Instruction> api = containerfile("api");
        Instruction library = api.stream()
                .filter(instruction ->
                        instruction.is("COPY") && "/config/lib/database/".equals(instruction.destination()))
                .findFirst()
                .orElseThrow();
        Path copied = fromBuildStage(library.sources().get(0));

        try (Stream<Path> jars = Files.list(copied)) {
            assertThat(jars.map(jar -> jar.getFileName().toString()))
                    .containsExactlyInAnyOrder("todo-datasource.jar", "postgresql.jar", "checker-qual.jar");
        }
        for (String server : List.of("api", "web")) {
            assertThat(finalStage(containerfile(server)))
                    .allSatisfy(instruction -> assertThat(instruction.line())
                            .doesNotContainIgnoringCase("embedded")
                            .doesNotContainIgnoringCase("zonky"));
            // The reactor needs every module's pom, but the embedded PostgreSQL's sources never enter the build.
            assertThat(containerfile(server))
                    .filteredOn(instruction -> instruction.is("COPY"))
                    .flatMap(Instruction::sources)
                    .filteredOn(source -> source.contains("embedded-postgres"))
                    .containsExactly("liberty/embedded-postgres/pom.xml");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "web"})
    void baseImagesArePinned(String server) throws IOException {
        List<Instruction> instructions = containerfile(server);
        Map<String, String> arguments = new HashMap<>();
        instructions.stream()
                .filter(instruction ->
                        instruction.is("ARG") && instruction.arguments().contains("="))
                .forEach(instruction -> arguments.putIfAbsent(
                        instruction.arguments().split("=", 2)[0],
                        instruction.arguments().split("=", 2)[1]));
        List<String> images = new ArrayList<>();
        for (Instruction from : instructions.stream()
                .filter(instruction -> instruction.is("FROM"))
                .toList()) {
            String image = from.arguments().split("\\s+")[0];
            Matcher argument = Pattern.compile("\\$\\{(\\w+)}").matcher(image);
            images.add(argument.matches() ? arguments.get(argument.group(1)) : image);
        }

        assertThat(images).hasSize(2).allSatisfy(image -> {
            assertThat(image).as("explicit tag").matches("[^:]+(:\\d+)?/?[^:]*:[^:]+");
            assertThat(image).as("no floating tag").doesNotEndWith(":latest");
            assertThat(image.substring(image.lastIndexOf(':') + 1))
                    .as("a versioned tag")
                    .matches(".*\\d+\\.\\d+.*");
        });
        assertThat(images.get(0)).startsWith("eclipse-temurin:17");
        assertThat(images.get(1))
                .startsWith("icr.io/appcafe/open-liberty:")
                .contains(System.getProperty("liberty.runtime.version", "26.0.0.5"))
                .contains("kernel-slim");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "web"})
    void finalImageRunsTheServerAsNonRootOnPort9080(String server) throws IOException {
        List<Instruction> finalStage = finalStage(containerfile(server));

        List<Instruction> users = finalStage.stream()
                .filter(instruction -> instruction.is("USER"))
                .toList();
        assertThat(users).isNotEmpty();
        assertThat(users.get(users.size() - 1).arguments()).isNotIn("0", "root").matches("\\d+(:\\d+)?");
        assertThat(finalStage)
                .filteredOn(instruction -> instruction.is("COPY"))
                .allSatisfy(copy -> assertThat(copy.option("chown")).isEqualTo("1001:0"));
        assertThat(finalStage)
                .filteredOn(instruction -> instruction.is("EXPOSE"))
                .extracting(Instruction::arguments)
                .containsExactly("9080");
        assertThat(finalStage)
                .filteredOn(instruction -> instruction.is("RUN"))
                .extracting(Instruction::arguments)
                .anyMatch(run -> run.contains("features.sh"))
                .anyMatch(run -> run.contains("configure.sh"));
        assertThat(finalStage)
                .filteredOn(instruction -> instruction.is("LABEL"))
                .extracting(Instruction::arguments)
                .anyMatch(label -> label.contains("org.opencontainers.image.title=\"todo-" + server + "\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "web"})
    void jvmOptionsReachTheServerAfterTheFeaturesAndBeforeTheClassCacheIsBuilt(String server) throws IOException {
        List<Instruction> finalStage = finalStage(containerfile(server));
        String source = "liberty/" + server + "/jvm.options";

        int copy = indexOf(
                finalStage,
                instruction -> instruction.is("COPY") && instruction.sources().contains(source));
        assertThat(copy).as("COPY " + source).isNotNegative();
        assertThat(finalStage.get(copy).destination()).isEqualTo("/config/jvm.options");
        // After features.sh, so a changed option does not download the features again; before configure.sh, whose
        // class cache holds code compiled for the heap these options set.
        assertThat(copy)
                .isGreaterThan(indexOf(
                        finalStage, run -> run.is("RUN") && run.arguments().contains("features.sh")))
                .isLessThan(indexOf(
                        finalStage, run -> run.is("RUN") && run.arguments().contains("configure.sh")));
        // The image runs with the options the two-server mode of this build runs with.
        assertThat(RUNTIME.resolve("wlp/usr/servers/" + server + "/jvm.options"))
                .hasSameTextualContentAs(ROOT.resolve(source));
        assertThat(Files.readAllLines(ROOT.resolve(source))).anyMatch(line -> line.startsWith("-Xmx"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "web"})
    void whatTheBuildLeavesUnderTheChartsEmptyDirMountsIsRemovedInTheSameLayer(String server) throws IOException {
        List<String> emptyDirs = Charts.render("todo-" + server)
                .all(Deployment.class)
                .get(0)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getVolumeMounts()
                .stream()
                .map(VolumeMount::getMountPath)
                .toList();
        String configure = finalStage(containerfile(server)).stream()
                .filter(run -> run.is("RUN") && run.arguments().contains("configure.sh"))
                .findFirst()
                .orElseThrow()
                .arguments();

        assertThat(emptyDirs).contains("/opt/ol/wlp/output", "/logs", "/tmp");
        Matcher removal =
                Pattern.compile("configure\\.sh\\s*&&\\s*rm -rf ([^&;]+)").matcher(configure);
        assertThat(removal.find()).as(configure).isTrue();
        List<String> removed = List.of(removal.group(1).strip().split("\\s+"));
        for (String mount : emptyDirs) {
            assertThat(removed)
                    .as("the server starts of configure.sh write under " + mount
                            + ", which the chart hides behind an emptyDir")
                    .anyMatch(path -> path.startsWith(mount + "/"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "web"})
    void theFeatureLayerLeavesOutTheJavadocThisLibertyShips(String server) throws IOException {
        String features = finalStage(containerfile(server)).stream()
                .filter(run -> run.is("RUN") && run.arguments().contains("features.sh"))
                .findFirst()
                .orElseThrow()
                .arguments();
        Matcher removal =
                Pattern.compile("features\\.sh\\s*&&\\s*rm -rf ([^&;]+)").matcher(features);
        assertThat(removal.find()).as(features).isTrue();

        for (String path : removal.group(1).strip().split("\\s+")) {
            assertThat(path).startsWith("/opt/ol/wlp/dev/").endsWith("/javadoc");
            Path inThisRuntime = RUNTIME.resolve("wlp").resolve(path.substring("/opt/ol/wlp/".length()));
            try (Stream<Path> files = Files.list(inThisRuntime)) {
                assertThat(files)
                        .as(path + " in Liberty " + System.getProperty("liberty.runtime.version", ""))
                        .isNotEmpty()
                        .allMatch(file -> file.getFileName().toString().endsWith("-javadoc.zip"));
            }
        }
    }

    @Test
    void apiImageStartsThroughItsEntrypointThenTheBaseImagesOwn() throws IOException {
        List<Instruction> finalStage = finalStage(containerfile("api"));
        Instruction copy = finalStage.stream()
                .filter(instruction ->
                        instruction.is("COPY") && instruction.sources().contains("liberty/api/entrypoint.sh"))
                .findFirst()
                .orElseThrow();

        // sh runs the script, so it needs no execute bit; the base image's entry point then starts the server.
        assertThat(execForm(last(finalStage, "ENTRYPOINT")))
                .containsExactly("/bin/sh", copy.destination(), "/opt/ol/helpers/runtime/docker-server.sh");
        // A new ENTRYPOINT clears the CMD inherited from the base image.
        assertThat(execForm(last(finalStage, "CMD"))).containsExactly("/opt/ol/wlp/bin/server", "run", "defaultServer");
        assertThat(finalStage(containerfile("web")))
                .as("the web server needs no LTPA keys: the base image's entry point and command stay")
                .noneMatch(instruction -> instruction.is("ENTRYPOINT") || instruction.is("CMD"));
    }

    @Test
    void buildContextKeepsOutBuildOutputGitAndSecrets() throws IOException {
        for (String path : List.of(
                "target/liberty",
                "todo-ear/target/x",
                ".git/config",
                "todo-secrets.env",
                "k8s-secrets-template/todo-secrets.env",
                "prod.env",
                "key.pem")) {
            assertThat(dockerIgnored(path)).as(path).isTrue();
        }
    }

    private static List<Instruction> containerfile(String server) throws IOException {
        return Instruction.parse(
                Files.readString(ROOT.resolve("liberty").resolve(server).resolve("Dockerfile")));
    }

    private static Instruction last(List<Instruction> instructions, String keyword) {
        return instructions.stream()
                .filter(instruction -> instruction.is(keyword))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no " + keyword));
    }

    /** The JSON array of an exec-form ENTRYPOINT or CMD. */
    private static List<String> execForm(Instruction instruction) {
        JsonNode array = JsonMapper.builder().build().readTree(instruction.arguments());
        assertThat(array.isArray()).as(instruction.line()).isTrue();
        List<String> words = new ArrayList<>();
        array.forEach(word -> words.add(word.asString()));
        return words;
    }

    private static int indexOf(List<Instruction> instructions, Predicate<Instruction> wanted) {
        for (int i = 0; i < instructions.size(); i++) {
            if (wanted.test(instructions.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static List<Instruction> finalStage(List<Instruction> instructions) {
        int lastFrom = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).is("FROM")) {
                lastFrom = i;
            }
        }
        return instructions.subList(lastFrom, instructions.size());
    }

    /** A path in the build stage, as this build left it: the shared runtime, or else the repository. */
    private static Path fromBuildStage(String path) {
        if (path.startsWith(BUILD_RUNTIME)) {
            return RUNTIME.resolve(path.substring(BUILD_RUNTIME.length()));
        }
        assertThat(path).startsWith(BUILD_DIR);
        return ROOT.resolve(path.substring(BUILD_DIR.length()));
    }

    /** Whether .dockerignore keeps a path out (its patterns here: `**` prefixes, `*` in names, directories). */
    private static boolean dockerIgnored(String path) throws IOException {
        String normalized = path.replaceAll("/+$", "");
        boolean ignored = false;
        for (String line : Files.readAllLines(ROOT.resolve(".dockerignore"))) {
            String pattern = line.strip();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            boolean exception = pattern.startsWith("!");
            String glob = (exception ? pattern.substring(1) : pattern).replaceAll("/+$", "");
            if (normalized.matches(globToRegex(glob) + "(?:/.*)?")) {
                ignored = !exception;
            }
        }
        return ignored;
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            if (glob.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 2;
            } else if (glob.charAt(i) == '*') {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(i))));
            }
        }
        return regex.toString();
    }

    /** One Containerfile instruction, continuation lines joined. */
    record Instruction(String keyword, String arguments, String line) {

        static List<Instruction> parse(String containerfile) {
            List<Instruction> instructions = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String raw : containerfile.lines().toList()) {
                String line = raw.strip();
                if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
                    continue;
                }
                if (line.endsWith("\\")) {
                    current.append(line, 0, line.length() - 1).append(' ');
                    continue;
                }
                current.append(line);
                String joined = current.toString().strip();
                current.setLength(0);
                String[] parts = joined.split("\\s+", 2);
                instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : "", joined));
            }
            return instructions;
        }

        boolean is(String name) {
            return keyword.equals(name);
        }

        String option(String name) {
            Matcher option = Pattern.compile("--" + name + "=(\\S+)").matcher(arguments);
            return option.find() ? option.group(1) : null;
        }

        private List<String> paths() {
            return List.of(arguments.replaceAll("--\\w+=\\S+\\s*", "").strip().split("\\s+"));
        }

        List<String> sources() {
            List<String> paths = paths();
            return paths.subList(0, paths.size() - 1);
        }

        String destination() {
            List<String> paths = paths();
            return paths.get(paths.size() - 1);
        }
    }
}
