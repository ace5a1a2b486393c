package dev.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code roster} launcher script, run by bash against a stand-in JDK whose {@code java} records how it was
 * called (and, when asked to record a start-up cache, writes one, fails, or interrupts the launcher). It checks
 * the launcher's decisions without starting a JVM: which JDK it picks, the options it passes, and the life of
 * the start-up cache.
 */
class LauncherTest {
    private static final String FAKE_JAVA = """
            #!/usr/bin/env bash
            for log in "$FAKE_JAVA_LOG" "$FAKE_JAVA_LOG.@JDK@"; do { printf '%s\\n' "$@"; echo ----; } >>"$log"; done
            for arg in "$@"; do
              case "$arg" in
                -XX:AOTCacheOutput=*|-XX:ArchiveClassesAtExit=*)
                  case "${FAKE_TRAINING:-records}" in
                    records) printf 'cache' >"${arg#*=}" ;;
                    fails) echo "training failed on purpose"; exit 1 ;;
                    is-interrupted) printf 'half a cache' >"${arg#*=}"; kill -TERM "$PPID"; exit 0 ;;
                  esac ;;
              esac
            done
            """;

    @TempDir
    Path dir;

    private Path project;
    private Path target;
    private Path log;

    @BeforeEach
    void project() throws IOException {
        // The launcher finds the project from its own path: a copy with a jar newer than the sources builds nothing.
        project = Files.createDirectories(dir.resolve("project"));
        target = Files.createDirectories(project.resolve("server/target"));
        Files.copy(Path.of(System.getProperty("roster.launcher")), project.resolve("roster"));
        Path sources = Files.createDirectories(project.resolve("server/src/main"));
        for (Path source : List.of(project.resolve("pom.xml"), project.resolve("server/pom.xml"), sources.resolve("A.java"))) {
            Files.writeString(source, "");
            Files.setLastModifiedTime(source, FileTime.from(Instant.now().minusSeconds(60)));
        }
        Files.writeString(target.resolve("roster.jar"), "jar");
        log = dir.resolve("java-calls.log");
    }

    @Test
    void serveTrainsTheCacheOnceAndMapsItAtEveryStart() throws Exception {
        Path jdk = fakeJdk("jdk-25", "25.0.1");

        Run first = launch(Map.of("JAVA_HOME", jdk.toString()), "serve", "--port", "0");
        Run second = launch(Map.of("JAVA_HOME", jdk.toString()), "serve", "--port", "0");

        assertThat(first.exitCode).isZero();
        assertThat(second.exitCode).isZero();
        List<List<String>> calls = javaCalls();
        assertThat(calls).hasSize(3);
        List<String> training = calls.get(0);
        assertThat(training).anyMatch(a -> a.startsWith("-XX:AOTCacheOutput=") && a.endsWith(".tmp"))
                .endsWith("-jar", target.resolve("roster.jar").toString(), "train")
                .contains("-XX:+UseSerialGC", "-Xms32m", "-Xmx96m", "-XX:+ExitOnOutOfMemoryError");
        Path cache = onlyCache();
        assertThat(cache.getFileName().toString()).matches("roster-\\d+\\.aot");
        for (List<String> start : List.of(calls.get(1), calls.get(2))) {
            assertThat(start).contains("-XX:AOTCache=" + cache, "-XX:+UseSerialGC", "-Xms32m", "-Xmx96m",
                            "-XX:+ExitOnOutOfMemoryError",
                            "--sun-misc-unsafe-memory-access=allow", "-XX:TrimNativeHeapInterval=5000")
                    .noneMatch(a -> a.startsWith("-XX:AOTCacheOutput"))
                    .endsWith("-jar", target.resolve("roster.jar").toString(), "serve", "--port", "0");
        }
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void onlyServeMapsTheCache() throws Exception {
        Path jdk = fakeJdk("jdk-25", "25.0.1");

        assertThat(launch(Map.of("JAVA_HOME", jdk.toString()), "--version").exitCode).isZero();

        List<List<String>> calls = javaCalls();
        assertThat(calls).hasSize(2); // the training, then the command itself
        assertThat(calls.get(1)).noneMatch(a -> a.startsWith("-XX:AOTCache")).endsWith("--version");
    }

    @Test
    void theOperatorsOptionsComeLastReplaceSerialWithTheirCollectorAndGetACacheOfTheirOwn() throws Exception {
        Path jdk = fakeJdk("jdk-25", "25.0.1");
        launch(Map.of("JAVA_HOME", jdk.toString()), "serve");
        Path defaultCache = onlyCache();

        Run run = launch(Map.of("JAVA_HOME", jdk.toString(), "ROSTER_JAVA_OPTS", "-XX:+UseG1GC -Xmx256m"), "serve");

        assertThat(run.exitCode).isZero();
        List<List<String>> calls = javaCalls();
        assertThat(calls).hasSize(4);
        List<String> training = calls.get(2);
        List<String> start = calls.get(3);
        for (List<String> call : List.of(training, start)) {
            assertThat(call).contains("-XX:+UseG1GC").doesNotContain("-XX:+UseSerialGC");
            assertThat(call.indexOf("-Xmx256m")).isGreaterThan(call.indexOf("-Xmx96m"));
        }
        Path cache = onlyCache();
        assertThat(cache).isNotEqualTo(defaultCache); // recorded under other options, so trained anew
        assertThat(start).contains("-XX:AOTCache=" + cache);
    }

    @Test
    void aFailedTrainingIsKeptForReadingNotRetriedAndTheServerStartsWithoutACache() throws Exception {
        Path jdk = fakeJdk("jdk-25", "25.0.1");
        Map<String, String> env = Map.of("JAVA_HOME", jdk.toString(), "FAKE_TRAINING", "fails");

        Run first = launch(env, "serve");
        Run second = launch(env, "serve");

        assertThat(first.exitCode).isZero();
        assertThat(first.output).contains("recording the start-up cache failed");
        assertThat(second.exitCode).isZero();
        List<List<String>> calls = javaCalls();
        assertThat(calls).hasSize(3); // one training only
        assertThat(calls.get(1)).noneMatch(a -> a.startsWith("-XX:AOTCache")).endsWith("serve");
        assertThat(calls.get(2)).noneMatch(a -> a.startsWith("-XX:AOTCache")).endsWith("serve");
        try (Stream<Path> files = Files.list(target)) {
            Path failed = files.filter(f -> f.toString().endsWith(".aot.failed")).findFirst().orElseThrow();
            assertThat(Files.readString(failed)).contains("training failed on purpose");
        }
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anInterruptedTrainingLeavesNothingBehindAndTheNextStartTrainsAgain() throws Exception {
        Path jdk = fakeJdk("jdk-25", "25.0.1");

        Run interrupted = launch(Map.of("JAVA_HOME", jdk.toString(), "FAKE_TRAINING", "is-interrupted"), "serve");

        assertThat(interrupted.exitCode).isEqualTo(130);
        assertThat(javaCalls()).hasSize(1); // the server itself never started
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("roster.jar");
        }

        assertThat(launch(Map.of("JAVA_HOME", jdk.toString()), "serve").exitCode).isZero();
        assertThat(javaCalls()).hasSize(3);
        onlyCache();
    }

    @Test
    void olderJdksGetAClassDataArchiveAndNoneOfTheNewerJdksOptions() throws Exception {
        Path jdk = fakeJdk("jdk-21", "21.0.5");

        assertThat(launch(Map.of("JAVA_HOME", jdk.toString()), "serve").exitCode).isZero();

        List<List<String>> calls = javaCalls();
        assertThat(calls.get(0)).anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
        Path archive = onlyCache();
        assertThat(archive.getFileName().toString()).endsWith(".jsa");
        assertThat(calls.get(1)).contains("-XX:SharedArchiveFile=" + archive)
                .noneMatch(a -> a.startsWith("-XX:CompileCommand") || a.startsWith("-XX:TrimNativeHeapInterval")
                        || a.startsWith("--sun-misc-unsafe-memory-access"));
    }

    @Test
    void withoutJavaHomeOrANewEnoughJavaOnThePathItUsesAJdkTheBuildDiscovered() throws Exception {
        Path old = fakeJdk("jdk-17", "17.0.9");
        Path discovered = fakeJdk("jdk-25", "25.0.1");
        Path home = Files.createDirectories(dir.resolve("home/.m2"));
        Files.writeString(home.resolve("discovered-jdk-toolchains-cache.xml"), """
                <toolchains>
                  <toolchain><configuration><jdkHome>%s</jdkHome></configuration></toolchain>
                  <toolchain><configuration><jdkHome>%s</jdkHome></configuration></toolchain>
                </toolchains>
                """.formatted(old, discovered));

        Run run = launch(Map.of("HOME", dir.resolve("home").toString(), "PATH", pathWith(old.resolve("bin"))), "serve");

        assertThat(run.exitCode).isZero();
        assertThat(calls(discovered)).hasSize(2); // the training and the server
        assertThat(calls(old)).isEmpty();
    }

    @Test
    void withNoNewEnoughJdkAnywhereItSaysWhatToInstall() throws Exception {
        Path old = fakeJdk("jdk-17", "17.0.9");

        Run run = launch(Map.of("JAVA_HOME", old.toString(), "PATH", pathWith(old.resolve("bin"))), "serve");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.output).contains("no JDK >= 21 found");
        assertThat(javaCalls()).isEmpty();
    }

    @Test
    void onMacOsStatTheCacheKeepsItsName() throws Exception {
        Path jdk = fakeJdk("jdk-25", "25.0.1");
        launch(Map.of("JAVA_HOME", jdk.toString()), "serve");
        Path cache = onlyCache();
        Path tools = linkTools(dir.resolve("bsd-tools"));
        Path gnuStat = Files.readSymbolicLink(tools.resolve("stat"));
        Files.delete(tools.resolve("stat"));
        // BSD stat has no -c; -f takes the format, with %z for the size and %m for the modification time.
        executable(tools.resolve("stat"), """
                #!/usr/bin/env bash
                files=(); format=""
                while [ $# -gt 0 ]; do
                  case "$1" in
                    -c) echo "stat: illegal option -- c" >&2; exit 1 ;;
                    -f) format="$2"; shift 2 ;;
                    -L) shift ;;
                    *) files+=("$1"); shift ;;
                  esac
                done
                format="${format//%z/%s}"; format="${format//%m/%Y}"
                exec %s -L -c "$format" "${files[@]}"
                """.replace("%s -L", gnuStat + " -L"));

        Run run = launch(Map.of("JAVA_HOME", jdk.toString(), "PATH", tools.toString()), "serve");

        assertThat(run.exitCode).isZero();
        List<List<String>> calls = javaCalls();
        assertThat(calls).hasSize(3); // no second training
        assertThat(calls.get(2)).contains("-XX:AOTCache=" + cache);
    }

    /** A directory that looks like a JDK of {@code version} to the launcher (its release file and bin/java). */
    private Path fakeJdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        executable(Files.createDirectories(home.resolve("bin")).resolve("java"), FAKE_JAVA.replace("@JDK@", name));
        return home;
    }

    private static void executable(Path file, String script) throws IOException {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A PATH with {@code javaBin} first and then only the tools the launcher uses, so no java of this machine's. */
    private String pathWith(Path javaBin) throws Exception {
        return javaBin + ":" + linkTools(dir.resolve("tools"));
    }

    /** {@code tools}, holding links to the commands the launcher and the stand-in java run, from this machine's PATH. */
    private static Path linkTools(Path tools) throws Exception {
        Files.createDirectories(tools);
        for (String tool : List.of("bash", "env", "readlink", "stat", "cksum", "find", "sync", "mv", "rm", "awk")) {
            Process which = new ProcessBuilder("bash", "-c", "command -v " + tool).start();
            String found = new String(which.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(which.waitFor()).as("%s on this machine's PATH", tool).isZero();
            Files.createSymbolicLink(tools.resolve(tool), Path.of(found));
        }
        return tools;
    }

    private Run launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", project.resolve("roster").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Only what the test sets: an operator's JAVA_HOME or ROSTER_JAVA_OPTS must not leak into it.
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", System.getenv("PATH"));
        environment.put("HOME", dir.resolve("empty-home").toString());
        environment.putAll(env);
        environment.put("FAKE_JAVA_LOG", log.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private record Run(int exitCode, String output) {
    }

    /** Every call of any stand-in java, in order, each as its arguments. */
    private List<List<String>> javaCalls() throws IOException {
        return parseCalls(log);
    }

    /** The calls of the stand-in java of one JDK. */
    private List<List<String>> calls(Path jdk) throws IOException {
        return parseCalls(Path.of(log + "." + jdk.getFileName()));
    }

    private static List<List<String>> parseCalls(Path file) throws IOException {
        List<List<String>> calls = new ArrayList<>();
        if (Files.notExists(file)) {
            return calls;
        }
        List<String> current = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.equals("----")) {
                calls.add(current);
                current = new ArrayList<>();
            } else {
                current.add(line);
            }
        }
        return calls;
    }

    /** The one start-up cache in the jar's directory. */
    private Path onlyCache() throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            List<Path> caches = files.filter(f -> f.toString().endsWith(".aot") || f.toString().endsWith(".jsa")).toList();
            assertThat(caches).hasSize(1);
            return caches.get(0);
        }
    }

    /** Temporary files of a training: none may outlive the launcher. */
    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.toString().endsWith(".tmp") || f.toString().contains(".tmp.")).toList();
        }
    }
}
