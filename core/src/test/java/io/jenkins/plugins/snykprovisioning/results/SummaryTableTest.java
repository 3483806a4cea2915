package io.jenkins.plugins.snykprovisioning.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.snykprovisioning.plan.PlanReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    private static ProvisioningSummary summary(boolean complete, long rows, String fatalError) {
        Instant now = Instant.now();
        return new ProvisioningSummary("provision", false, complete, false, fatalError, rows, Map.of(), complete ? 0 : rows,
                0, 0, 0, 0, now, now, fatalError == null ? List.of() : List.of(fatalError), List.of(), false, null);
    }

    @Test
    void theUsersInTheFileAreShownOnceTheFileWasRead() {
        assertThat(SummaryTable.lines(summary(true, 3, null), OutcomeCategory::label))
                .anyMatch(line -> line.matches("Users in file +3"));
        assertThat(SummaryTable.lines(summary(false, 3, "the token of x cannot do this job"), OutcomeCategory::label))
                .anyMatch(line -> line.matches("Users in file +3")).anyMatch(line -> line.matches("Not processed +3"));
    }

    @Test
    void aRunThatStoppedBeforeReadingTheFileShowsNoCountOfItsUsers() {
        List<String> lines = SummaryTable.lines(summary(false, 0, "users.csv line 2: ends in the middle of the JSON"),
                OutcomeCategory::label);
        assertThat(lines).noneMatch(line -> line.startsWith("Users in file"))
                .contains("Error: users.csv line 2: ends in the middle of the JSON");
    }

    @Test
    void removalsAreRowsOfSyncAndOffboardingRunsOnly() {
        List<String> onboarding = SummaryTable.lines(summary(true, 3, null), OutcomeCategory::label);
        assertThat(onboarding).noneMatch(line -> line.startsWith("Removed from org") || line.startsWith("Pending provision deleted"))
                .anyMatch(line -> line.matches("Role updated +0"));

        Instant now = Instant.now();
        ProvisioningSummary sync = new ProvisioningSummary("sync", false, true, false, null, 1,
                Map.of(OutcomeCategory.REMOVED, 1L), 0, 1, 1, 0, 0, now, now, List.of(), List.of(), false,
                new PlanReport(null, null, List.of(), true, null));
        assertThat(SummaryTable.lines(sync, OutcomeCategory::label)).anyMatch(line -> line.matches("Removed from org +1"))
                .anyMatch(line -> line.matches("Pending provision deleted +0"));
    }
}
