package io.jenkins.plugins.snykprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.simulator.DemoState;
import io.jenkins.plugins.snykprovisioning.simulator.Latency;
import io.jenkins.plugins.snykprovisioning.simulator.LoggedRequest;
import io.jenkins.plugins.snykprovisioning.simulator.SnykSimulator;
import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ctrl+C and SIGTERM of a real CLI process (run from the test class path, so no package step is
 * needed): exit 130, results written, and a resume that repeats no write.
 */
class InterruptTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalMidRunWritesPartialResultsAndExits130(String signal) throws Exception {
        try (SnykSimulator simulator = new SnykSimulator(DemoState.create()).start(0)) {
            simulator.config().setLatency(Latency.parse("40"));
            Path users = dir.resolve("users.csv");
            Files.writeString(users, "email,role\n" + IntStream.range(0, 300).mapToObj(i -> "user" + i + "@example.com,Developer\n")
                    .collect(Collectors.joining()));
            Path results = dir.resolve("results.json");
            Path journal = dir.resolve("results.journal.jsonl");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "--api-url", simulator.baseUrl(), "--group-id", DemoState.GROUP_ID, "--org-id", DemoState.PLATFORM_ORG_ID,
                    "--file", users.toString(), "--output", results.toString(), "--concurrency", "2", "--rate-limit", "0",
                    "--log-dir", dir.resolve("logs").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("console.txt").toFile());
            builder.environment().put("SNYK_TOKEN", DemoState.ADMIN_TOKEN);
            Process process = builder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((!Files.exists(journal) || Files.readAllLines(journal).size() < 20) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String console = Files.readString(dir.resolve("console.txt"));
            assertThat(process.exitValue()).as(console).isEqualTo(130);
            assertThat(console).contains("Interrupted: finishing the users in progress and writing the results");

            JsonNode partial = SnykJson.MAPPER.readTree(results.toFile());
            assertThat(partial.get("summary").get("interrupted").asBoolean()).isTrue();
            assertThat(partial.get("summary").get("complete").asBoolean()).isFalse();
            int provisioned = partial.get("provisioned").size();
            assertThat(provisioned).isBetween(18, 299);
            assertThat(partial.get("summary").get("not_processed").asInt())
                    .isEqualTo(300 - provisioned - partial.get("failed").size());

            List<String> writtenBefore = simulator.requests().writes().stream().map(LoggedRequest::requestBody).toList();
            simulator.requests().clear();
            simulator.config().setLatency(Latency.parse("0"));
            ProcessBuilder resume = new ProcessBuilder(builder.command()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("resume.txt").toFile());
            resume.command().addAll(List.of("--resume", results.toString()));
            resume.command().set(resume.command().indexOf(results.toString()), dir.resolve("final.json").toString());
            resume.environment().put("SNYK_TOKEN", DemoState.ADMIN_TOKEN);
            Process second = resume.start();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).as(Files.readString(dir.resolve("resume.txt"))).isZero();
            JsonNode done = SnykJson.MAPPER.readTree(dir.resolve("final.json").toFile());
            assertThat(done.get("provisioned").size()).isEqualTo(300);
            for (LoggedRequest write : simulator.requests().writes()) {
                String email = write.requestBody().replaceAll(".*\"email\":\"([^\"]+)\".*", "$1");
                assertThat(writtenBefore).as("%s was provisioned before the interruption", email)
                        .noneMatch(body -> body.contains("\"" + email + "\"") && partialProvisioned(partial, email));
            }
        }
    }

    private static boolean partialProvisioned(JsonNode partial, String email) {
        for (JsonNode entry : partial.get("provisioned")) {
            if (entry.get("email").asText().equals(email)) {
                return true;
            }
        }
        return false;
    }
}
