package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutcomeLabelsTest {

    private static final Set<OutcomeCategory> CHANGES =
            EnumSet.of(OutcomeCategory.PROVISIONED, OutcomeCategory.ORG_MEMBERSHIPS, OutcomeCategory.ROLE_UPDATED,
                    OutcomeCategory.REMOVED, OutcomeCategory.PENDING_DELETED);

    @Test
    void aDryRunNamesEachChangeAsWhatWouldBeDoneAndTheOtherOutcomesAsTheyAre() {
        for (OutcomeCategory category : OutcomeCategory.values()) {
            String done = OutcomeLabels.of(category, false);
            String dryRun = OutcomeLabels.of(category, true);
            if (CHANGES.contains(category)) {
                assertThat(dryRun).as(category.key()).contains("ould be").isNotEqualTo(done);
            } else {
                assertThat(dryRun).as(category.key()).isEqualTo(done).doesNotContain("ould be");
            }
        }
        assertThat(OutcomeLabels.of(OutcomeCategory.PROVISIONED, true)).isEqualTo("Would be provisioned (new users)");
        // A plan that is not applied is a dry run: its removals too are what would be done.
        assertThat(OutcomeLabels.of(OutcomeCategory.REMOVED, true)).isEqualTo("Would be removed from org");
    }

    @Test
    void everyLabelFitsTheConsoleSummarysLabelColumn() {
        // The summary table gives a label 34 characters; a longer one pushes its count out of line.
        for (OutcomeCategory category : OutcomeCategory.values()) {
            assertThat(OutcomeLabels.of(category, true)).hasSizeLessThanOrEqualTo(34);
            assertThat(OutcomeLabels.of(category, false)).hasSizeLessThanOrEqualTo(34);
        }
    }
}
