package io.jenkins.plugins.snykprovisioning.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file to resume from may come from anywhere: it is read with bounds, whatever it holds. */
class PreviousRunTest {

    @TempDir
    Path dir;

    private static String entry(String email, String result) {
        return "{\"success\":true,\"email\":\"" + email + "\",\"org_id\":\"org-1\",\"result\":" + result + "}";
    }

    private Path journal(String... entries) throws IOException {
        Path journal = dir.resolve("r.journal.jsonl");
        try (Journal writer = Journal.create(journal, "provision", false)) {
            // Only the header: the lines come from the test.
        }
        for (String entry : entries) {
            Files.writeString(journal, "{\"category\":\"provisioned\",\"entry\":" + entry + "}\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        }
        return journal;
    }

    private Path results(String... entries) throws IOException {
        return Files.writeString(dir.resolve("r.json"), "{\"provisioned\":[" + String.join(",", entries) + "],\"summary\":{}}");
    }

    @Test
    void aJournalLineLongerThanTheBoundIsRefusedNotReadWhole() throws Exception {
        Path journal = journal(entry("a@example.com", "{}"),
                entry("b@example.com", "\"" + "x".repeat(Journal.MAX_LINE_CHARS) + "\""));

        assertThatThrownBy(() -> PreviousRun.load(journal)).isInstanceOf(IOException.class)
                .hasMessage(journal + " line 3 is longer than 1048576 characters; no journal of this tool has such lines");
    }

    @Test
    void aResultsEntryLongerThanTheBoundIsRefused() throws Exception {
        // Many small values: no single string is long, the entry is.
        String wide = IntStream.range(0, 120_000).mapToObj(i -> "\"k" + i + "\":1").collect(Collectors.joining(",", "{", "}"));
        Path results = results(entry("a@example.com", "{}"), entry("b@example.com", wide));

        assertThatThrownBy(() -> PreviousRun.load(results)).isInstanceOf(IOException.class)
                .hasMessage(results + " has an entry longer than 1048576 characters; no results file of this tool has such entries");
    }

    @Test
    void resultsNestedDeeperThanTheBoundAreRefused() throws Exception {
        Path results = results(entry("a@example.com", "[".repeat(100) + "]".repeat(100)));

        assertThatThrownBy(() -> PreviousRun.load(results)).isInstanceOf(IOException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void aFileLargerThanTheBoundIsRefusedBeforeItIsRead() throws Exception {
        Path results = results(entry("a@example.com", "{}"), entry("b@example.com", "{}"));

        assertThatThrownBy(() -> PreviousRun.load(results, 100)).isInstanceOf(IOException.class)
                .hasMessage(results + " is larger than 100 bytes, the most a file to resume from may hold");
        assertThat(PreviousRun.load(results, Files.size(results)).size()).isEqualTo(2);
    }

    @Test
    void resultsOnOneLongLineAreStillRead() throws Exception {
        // The journal check reads only the start of the first line, which here is the whole file.
        String[] entries = IntStream.range(0, 20_000).mapToObj(i -> entry("u" + i + "@example.com", "{}")).toArray(String[]::new);
        Path results = results(entries);
        assertThat(Files.size(results)).isGreaterThan(ResultsFormat.MAX_ENTRY_CHARS);

        assertThat(PreviousRun.load(results).size()).isEqualTo(20_000);
        assertThat(PreviousRun.load(journal(entries)).size()).isEqualTo(20_000);
    }

    @Test
    void entriesWithinTheBoundsAreCarriedWhole() throws Exception {
        String result = SnykJson.MAPPER.createObjectNode().put("role", "Developer").put("note", "y".repeat(100_000)).toString();
        Path results = results(entry("a@example.com", result));

        UserOutcome carried = PreviousRun.load(results).outcomeOf(UserOutcome.key("a@example.com", "org-1"));

        assertThat(carried.change().answer().get("note").asText()).hasSize(100_000);
        assertThat(ResultsFormat.entry(carried).get("from_previous_run").asBoolean()).isTrue();
    }
}
