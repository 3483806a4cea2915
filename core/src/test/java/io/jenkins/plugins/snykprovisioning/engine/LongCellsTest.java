package io.jenkins.plugins.snykprovisioning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user file of huge cells does not multiply into what the run records. */
class LongCellsTest {

    private static final int ROWS = 300;
    private static final int EMAIL_CHARS = 60_000;

    @RegisterExtension
    final SimulatedSnyk snyk = new SimulatedSnyk();

    @Test
    void threeHundredRowsOfSixtyThousandCharacterEmailsLeaveSmallRecords() throws Exception {
        // An 18 MB file, well inside the 64 MB limit: each "email" is one distinct, invalid 60,000-character cell.
        String users = "email,role\n" + IntStream.range(0, ROWS)
                .mapToObj(i -> String.format("%05d", i) + "x".repeat(EMAIL_CHARS - 5) + ",Developer\n")
                .collect(Collectors.joining());
        assertThat(users.length()).isGreaterThan(ROWS * EMAIL_CHARS);
        SimulatedSnyk.Run run = snyk.run(users);

        SimulatedSnyk.Finished done = run.execute();

        assertThat(done.summary().failed()).isEqualTo(ROWS);
        assertThat(Files.size(run.results())).as("results file").isLessThan(256 * 1024);
        assertThat(Files.size(run.journal())).as("journal").isLessThan(256 * 1024);
        assertThat(Files.size(run.failedCsv())).as("failed rows").isLessThan(192 * 1024);
        for (JsonNode failed : done.results().get("failed")) {
            assertThat(failed.get("email").asText()).hasSize(255).matches("\\d{5}x+\u2026");
            assertThat(failed.get("error").asText())
                    .isEqualTo("the email has 60000 characters, more than an address may have (254)");
        }
        assertThat(snyk.writes()).isEmpty();
    }
}
