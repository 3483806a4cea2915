package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeBarTest {

    private static Map<String, Long> counts(Object... keysAndCounts) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (OutcomeCategory category : OutcomeCategory.values()) {
            counts.put(category.key(), 0L);
        }
        for (int i = 0; i < keysAndCounts.length; i += 2) {
            counts.put((String) keysAndCounts[i], ((Number) keysAndCounts[i + 1]).longValue());
        }
        return counts;
    }

    @Test
    void eachOutcomeThatHappenedIsASegmentAsWideAsItsShareInTheResultsFileOrder() {
        OutcomeBar bar = OutcomeBar.of(counts("failed", 10, "provisioned", 50, "role_updated", 40), 0, false);

        assertThat(bar.getSegments()).extracting(OutcomeBar.Segment::getLabel)
                .containsExactly("Provisioned (new users)", "Role updated", "Failed");
        assertThat(bar.getSegments()).extracting(OutcomeBar.Segment::getCount).containsExactly(50L, 40L, 10L);
        assertThat(bar.getSegments()).extracting(OutcomeBar.Segment::getWidth).containsExactly("50.00", "40.00", "10.00");
        assertThat(bar.getSegments()).extracting(OutcomeBar.Segment::getX).containsExactly("0.00", "50.00", "90.00");
        assertThat(bar.getDescription()).isEqualTo("Provisioned (new users) 50, Role updated 40, Failed 10");
    }

    @Test
    void segmentsAreContiguousAndFillTheBarAndASingleUserAmongThousandsStillShows() {
        OutcomeBar bar = OutcomeBar.of(counts("already_added", 9_998, "failed", 1), 1, false);

        List<OutcomeBar.Segment> segments = bar.getSegments();
        assertThat(segments).extracting(OutcomeBar.Segment::getLabel)
                .containsExactly("Already added", "Failed", "Not processed");
        double x = 0;
        for (OutcomeBar.Segment segment : segments) {
            assertThat(segment.x()).isCloseTo(x, within(1e-9));
            x += segment.width();
        }
        assertThat(x).isCloseTo(OutcomeBar.WIDTH, within(1e-9));
        double smallest = OutcomeBar.MIN_SEGMENT_WIDTH * OutcomeBar.WIDTH / (OutcomeBar.WIDTH + 2 * OutcomeBar.MIN_SEGMENT_WIDTH);
        assertThat(segments.get(1).width()).isGreaterThan(smallest - 0.01);
        assertThat(segments.get(2).getColor()).isEqualTo(OutcomeBar.NOT_PROCESSED_COLOR);
    }

    @Test
    void everyOutcomeHasItsOwnColorAndAnOutcomeAddedLaterStillGetsASegment() {
        Map<String, Long> all = counts();
        all.replaceAll((key, zero) -> 1L);
        all.put("offboarded", 2L);

        OutcomeBar bar = OutcomeBar.of(all, 0, false);

        assertThat(bar.getSegments()).hasSize(OutcomeCategory.values().length + 1);
        assertThat(bar.getSegments()).extracting(OutcomeBar.Segment::getColor).allMatch(color -> color.matches("#[0-9a-f]{6}"))
                .doesNotHaveDuplicates();
        assertThat(bar.getSegments().get(bar.getSegments().size() - 1).getLabel()).isEqualTo("offboarded");
    }

    @Test
    void aRunWithNoUsersHasNoSegmentsAndSaysSo() {
        OutcomeBar bar = OutcomeBar.of(counts(), 0, false);

        assertThat(bar.getSegments()).isEmpty();
        assertThat(bar.getDescription()).isEqualTo("No users");
    }

    @Test
    void theBuildsSummaryDrawsItsCountsAndTheUsersNeverReached() {
        ProvisioningSummary summary = new ProvisioningSummary("provision", false, false, true, null, 6,
                Map.of(OutcomeCategory.PROVISIONED, 3L, OutcomeCategory.FAILED, 1L), 2, 4, 4, 0, 0, Instant.EPOCH,
                Instant.EPOCH, List.of(), List.of(), false, null);
        ProvisioningSummaryAction action = new ProvisioningSummaryAction(summary, "r.json", "r-failed.csv", true, null);

        assertThat(action.getOutcomeBar().getDescription()).isEqualTo("Provisioned (new users) 3, Failed 1, Not processed 2");
    }
}
