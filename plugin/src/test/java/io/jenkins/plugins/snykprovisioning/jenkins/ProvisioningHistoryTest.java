package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.snykprovisioning.plan.Action;
import io.jenkins.plugins.snykprovisioning.plan.Plan;
import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvisioningHistoryTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final long NOON = Instant.parse("2026-11-30T12:05:00Z").toEpochMilli();

    /** A build of job "onboarding"; its runs in the order they ran. */
    private record FakeBuild(int number, long startMillis, List<ProvisioningSummaryAction> runs)
            implements ProvisioningHistory.Build {
        @Override
        public String url() {
            return "job/onboarding/" + number + "/";
        }
    }

    /** The builds, newest first, counting how many were looked at. */
    private static final class Builds implements Iterator<FakeBuild> {
        private final Iterator<FakeBuild> builds;
        private int examined;

        Builds(List<FakeBuild> newestFirst) {
            this.builds = newestFirst.iterator();
        }

        @Override
        public boolean hasNext() {
            return builds.hasNext();
        }

        @Override
        public FakeBuild next() {
            examined++;
            return builds.next();
        }
    }

    /** A summary as a build saved before the sync mode kept it: without the removals' count. */
    private static ProvisioningSummaryAction recordedBeforeRemovalsExisted(ProvisioningSummaryAction action) {
        action.getCounts().remove(OutcomeCategory.REMOVED.key());
        return action;
    }

    private static ProvisioningSummaryAction run(String mode, boolean dryRun, boolean complete, long provisioned, long added,
            long rolesChanged, long failed) {
        Map<OutcomeCategory, Long> counts = new EnumMap<>(OutcomeCategory.class);
        counts.put(OutcomeCategory.PROVISIONED, provisioned);
        counts.put(OutcomeCategory.ORG_MEMBERSHIPS, added);
        counts.put(OutcomeCategory.ROLE_UPDATED, rolesChanged);
        counts.put(OutcomeCategory.FAILED, failed);
        long total = provisioned + added + rolesChanged + failed;
        ProvisioningSummary summary = new ProvisioningSummary(mode, dryRun, complete, !complete, null, total, counts, 0, total, total, 0, 0,
                Instant.EPOCH, Instant.EPOCH, List.of(), List.of(), false, null);
        return new ProvisioningSummaryAction(summary, "r.json", "r-failed.csv", true, null);
    }

    @Test
    void eachRunIsARowWithItsDateModeAndCountsNewestFirstAndAnOutcomeAnOldBuildDidNotRecordIsMarked() {
        ProvisioningSummaryAction second = run("provision", false, true, 0, 1, 0, 0);
        second.numbered(2);
        List<FakeBuild> builds = List.of(
                new FakeBuild(12, NOON, List.of(run("provision", false, true, 3, 2, 1, 0), second)),
                new FakeBuild(11, NOON - 86_400_000L, List.of()),
                new FakeBuild(10, NOON - 2 * 86_400_000L, List.of(recordedBeforeRemovalsExisted(run("updateRoles", true, true, 0, 0, 7, 2)))));

        List<ProvisioningHistory.Row> rows = ProvisioningHistory.rows(builds.iterator(), UTC);

        assertThat(ProvisioningHistory.COLUMNS).extracting(ProvisioningHistory.Column::getTitle)
                .containsExactly("Provisioned", "Added", "Roles changed", "Removed", "Failed");
        assertThat(rows).extracting(ProvisioningHistory.Row::getLabel).containsExactly("#12 (2)", "#12", "#10");
        assertThat(rows).extracting(ProvisioningHistory.Row::getUrl).containsExactly(
                "job/onboarding/12/snyk-provisioning-2/", "job/onboarding/12/snyk-provisioning/",
                "job/onboarding/10/snyk-provisioning/");
        assertThat(rows).extracting(ProvisioningHistory.Row::getDate)
                .containsExactly("2026-11-30 12:05", "2026-11-30 12:05", "2026-11-28 12:05");
        assertThat(rows).extracting(ProvisioningHistory.Row::getMode)
                .containsExactly("provision", "provision", "updateRoles, dry run");
        assertThat(rows.get(1).getCells()).containsExactly("3", "2", "1", "0", "0");
        assertThat(rows.get(2).getCells()).containsExactly("0", "0", "7", ProvisioningHistory.NOT_RECORDED, "2");
    }

    @Test
    void aRunThatOnlyMadeAPlanSaysSo() {
        List<FakeBuild> builds = List.of(new FakeBuild(2, NOON, List.of(Plans.run(Plans.report(plan(), false, true)))),
                new FakeBuild(1, NOON, List.of(Plans.run(Plans.report(plan(), true, false)))));

        assertThat(ProvisioningHistory.rows(builds.iterator(), UTC)).extracting(ProvisioningHistory.Row::getMode)
                .containsExactly("sync", "sync, plan only");
    }

    private static Plan plan() {
        return Plans.plan("p", List.of(Plans.action(1, Action.REMOVE_MEMBER, Plans.ORG, "alice@example.com", "Developer", null, 0)),
                List.of(), List.of());
    }

    @Test
    void aRunWithFailedUsersOrThatDidNotFinishStandsOut() {
        List<FakeBuild> builds = List.of(
                new FakeBuild(3, NOON, List.of(run("provision", false, false, 1, 0, 0, 0))),
                new FakeBuild(2, NOON, List.of(run("provision", false, true, 1, 0, 0, 1))),
                new FakeBuild(1, NOON, List.of(run("provision", false, true, 1, 0, 0, 0))));

        assertThat(ProvisioningHistory.rows(builds.iterator(), UTC)).extracting(ProvisioningHistory.Row::isAttention)
                .containsExactly(true, true, false);
    }

    @Test
    void theTableKeepsTheLastRunsOnlyAndStopsLookingAfterABoundedNumberOfBuilds() {
        List<FakeBuild> many = new ArrayList<>();
        for (int number = 30; number >= 1; number--) {
            many.add(new FakeBuild(number, NOON, List.of(run("provision", false, true, number, 0, 0, 0))));
        }
        Builds builds = new Builds(many);

        List<ProvisioningHistory.Row> rows = ProvisioningHistory.rows(builds, UTC);

        assertThat(rows).hasSize(ProvisioningHistory.MAX_ROWS);
        assertThat(rows.get(0).getLabel()).isEqualTo("#30");
        assertThat(rows.get(rows.size() - 1).getLabel()).isEqualTo("#21");
        assertThat(builds.examined).isEqualTo(ProvisioningHistory.MAX_ROWS);

        List<FakeBuild> quiet = new ArrayList<>();
        for (int number = 200; number >= 1; number--) {
            quiet.add(new FakeBuild(number, NOON, List.of()));
        }
        Builds withoutRuns = new Builds(quiet);
        assertThat(ProvisioningHistory.rows(withoutRuns, UTC)).isEmpty();
        assertThat(withoutRuns.examined).isEqualTo(ProvisioningHistory.MAX_BUILDS_EXAMINED);
    }
}
