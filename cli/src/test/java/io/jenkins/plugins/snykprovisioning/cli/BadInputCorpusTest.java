package io.jenkins.plugins.snykprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.snykprovisioning.simulator.DemoState;
import io.jenkins.plugins.snykprovisioning.simulator.LoggedRequest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of {@code src/test/resources/bad-input}, listed with what must happen in
 * {@code expected.tsv}: the exit code, how many users may be provisioned (none of the invalid
 * rows), and a message naming the file or line. Never a stack trace.
 */
class BadInputCorpusTest {

    @TempDir
    Path dir;

    static Path corpus() throws URISyntaxException {
        return Path.of(BadInputCorpusTest.class.getResource("/bad-input/expected.tsv").toURI()).getParent();
    }

    static Stream<Arguments> expectations() throws Exception {
        return Files.readAllLines(corpus().resolve("expected.tsv"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("\t", 4))
                .map(field -> Arguments.of(field[0], Integer.parseInt(field[1]), Integer.parseInt(field[2]), field[3]));
    }

    @Test
    void theCorpusHasAtLeastFortyFilesAndEachIsListed() throws Exception {
        try (Stream<Path> files = Files.list(corpus())) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("expected.tsv")).toList();
            assertThat(names).hasSizeGreaterThanOrEqualTo(40);
            assertThat(expectations().map(a -> (String) a.get()[0])).containsExactlyInAnyOrderElementsOf(names);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void eachBadFileGetsAClearMessageAndNoInvalidRowIsSent(String file, int exitCode, int writes, String message) throws Exception {
        try (InProcessCli cli = new InProcessCli(dir)) {
            cli.variables.put("SNYK_TOKEN", DemoState.ADMIN_TOKEN);
            Path input = corpus().resolve(file);
            int exit = cli.run(cli.against("--file", input.toString(), "--output", dir.resolve("results.json").toString()));
            String console = cli.output() + cli.err;
            assertThat(exit).as(console).isEqualTo(exitCode);
            assertThat(console.replace(input.toString(), file)).contains(message);
            assertThat(console).doesNotContain("Exception").doesNotContain("\tat ");
            List<LoggedRequest> provisions = cli.simulator.requests().writes();
            assertThat(provisions).as(console).hasSize(writes);
            assertThat(dir.resolve("results.json")).as("a results file is written in every case").exists();
        }
    }

    @Test
    void aSingleTenMegabyteLineIsRefusedNamingItsLine() throws Exception {
        Path file = dir.resolve("one-long-line.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("email,role\n");
            for (int i = 0; i < 10 * 1024 * 1024 / 16; i++) {
                out.write("xxxxxxxxxxxxxxxx");
            }
            out.write("@example.com,Developer\n");
        }
        assertRefused(file, "one-long-line.csv line 2: line is longer than 65536 characters");
    }

    @Test
    void aMillionRowsAreRefusedAtTheConfiguredLimitWithoutHoldingThemAll() throws Exception {
        Path file = dir.resolve("million.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("email,role\n");
            for (int i = 0; i < 1_000_000; i++) {
                out.write("user" + i + "@example.com,Developer\n");
            }
        }
        assertRefused(file, "million.csv line 200002: more than 200000 users, the configured limit");
    }

    private void assertRefused(Path file, String message) throws IOException {
        try (InProcessCli cli = new InProcessCli(dir)) {
            cli.variables.put("SNYK_TOKEN", DemoState.ADMIN_TOKEN);
            assertThat(cli.run(cli.against("--file", file.toString()))).isEqualTo(1);
            assertThat(cli.output()).contains(message).doesNotContain("\tat ");
            assertThat(cli.simulator.requests().count()).isZero();
        }
    }
}
