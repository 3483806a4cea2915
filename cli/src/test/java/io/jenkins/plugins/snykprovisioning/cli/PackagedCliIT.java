package io.jenkins.plugins.snykprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.snykprovisioning.simulator.DemoState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code snyk-provision.jar} as README runs it: in its own process, its output going to a pipe. */
class PackagedCliIT {

    private static final Path JAR = Path.of(System.getProperty("cli.jar", "target/snyk-provision.jar")).toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    /** What a process printed (standard output and error together) and how it exited. */
    record Ran(int exit, String output) {
    }

    private Ran java(Map<String, String> environment, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().remove("SNYK_TOKEN");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Ran(process.exitValue(), output);
    }

    @Test
    void capitalVPrintsTheVersionFromTheManifest() throws Exception {
        Ran version = java(Map.of(), List.of("-jar", JAR.toString(), "-V"));
        assertThat(version.exit()).isZero();
        assertThat(version.output().trim()).isEqualTo("snyk-provision " + System.getProperty("cli.version"));
    }

    @Test
    void outputToAPipeHasNoEscapeCodesAndNoCarriageReturns() throws Exception {
        for (List<String> command : List.of(List.of("--help"), List.of("demo", "--help"), List.of("demo", "--output-dir", "quiet"))) {
            List<String> args = new ArrayList<>(List.of("-jar", JAR.toString()));
            args.addAll(command);
            Ran ran = java(Map.of(), args);
            assertThat(ran.exit()).as(ran.output()).isZero();
            assertThat(ran.output()).as(String.join(" ", command)).doesNotContain("\u001b").doesNotContain("\r");
        }
    }

    @Test
    void theDemosClosingAdviceRunsAsPrinted() throws Exception {
        Ran demo = java(Map.of(), List.of("-jar", JAR.toString(), "demo", "--output-dir", "demo"));
        assertThat(demo.exit()).as(demo.output()).isZero();
        List<String> simulator = words(demo.output(), "    java -cp ");
        List<String> feedBack = words(demo.output(), "    SNYK_TOKEN=");
        assertThat(simulator).containsSequence("--port", "8089");
        Path failed = dir.resolve("demo/provisioning-failed.csv");
        Files.writeString(failed, Files.readString(failed).replace("mallory(at)example.com", "mallory@example.com"));

        // The simulator as printed, but on a free port: its first line is its URL.
        simulator.set(0, JAVA);
        simulator.set(simulator.indexOf("--port") + 1, "0");
        Process server = new ProcessBuilder(simulator).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String url = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(url).startsWith("http://127.0.0.1:");
            List<String> args = new ArrayList<>(feedBack.subList(2, feedBack.size()));
            args.set(args.indexOf("--api-url") + 1, url);
            String[] token = feedBack.get(0).split("=", 2);
            assertThat(token[1]).isEqualTo(DemoState.ADMIN_TOKEN);
            Ran fed = java(Map.of(token[0], token[1]), args);
            assertThat(fed.exit()).as(fed.output()).isZero();
            assertThat(fed.output()).contains("Provisioned (new users) mallory@example.com");
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The words of the line of {@code output} that starts with {@code start} (no quoting needed in this test's paths). */
    private static List<String> words(String output, String start) {
        String line = output.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(
                "no line starting with '" + start + "' in:\n" + output));
        return new ArrayList<>(List.of(line.trim().split(" +")));
    }
}
