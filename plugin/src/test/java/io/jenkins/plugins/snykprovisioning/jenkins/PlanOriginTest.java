package io.jenkins.plugins.snykprovisioning.jenkins;

import static io.jenkins.plugins.snykprovisioning.jenkins.Plans.ORG;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.snykprovisioning.plan.Action;
import io.jenkins.plugins.snykprovisioning.plan.Plan;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanOriginTest {

    /** A build of job "sync"; its runs in the order they ran. */
    private record FakeBuild(int number, List<ProvisioningSummaryAction> runs) implements ProvisioningHistory.Build {
        @Override
        public String url() {
            return "job/sync/" + number + "/";
        }

        @Override
        public long startMillis() {
            return 0;
        }
    }

    private static Plan plan(String id) {
        return Plans.plan(id, List.of(Plans.action(1, Action.REMOVE_MEMBER, ORG, "alice@example.com", "Developer", null, 0)),
                List.of(), List.of());
    }

    private static ProvisioningSummaryAction made(String id) {
        return Plans.run(Plans.report(plan(id), true, false));
    }

    private static ProvisioningSummaryAction applied(String id) {
        return Plans.run(Plans.report(plan(id), false, true));
    }

    @Test
    void anApplyFindsTheRunThatMadeItsPlanInAnEarlierBuildOrEarlierInItsOwn() {
        ProvisioningSummaryAction approvedLater = applied("plan-b");
        approvedLater.numbered(2);
        List<FakeBuild> builds = List.of(
                new FakeBuild(14, List.of(applied("plan-a"))),
                new FakeBuild(13, List.of(made("plan-b"), approvedLater)),
                new FakeBuild(12, List.of(applied("plan-a"))),
                new FakeBuild(11, List.of(made("plan-a"))));

        PlanOrigin fromEarlierBuild = PlanOrigin.find(builds.iterator(), "plan-a");
        PlanOrigin fromSameBuild = PlanOrigin.find(builds.subList(1, 4).iterator(), "plan-b");

        assertThat(fromEarlierBuild.getLabel()).isEqualTo("#11");
        assertThat(fromEarlierBuild.getUrl()).isEqualTo("job/sync/11/snyk-provisioning/");
        assertThat(fromSameBuild.getLabel()).isEqualTo("#13");
        assertThat(PlanOrigin.find(builds.iterator(), "plan-elsewhere")).isNull();
    }

    @Test
    void theSearchStopsAfterABoundedNumberOfBuilds() {
        List<FakeBuild> builds = new ArrayList<>();
        for (int number = 200; number > 1; number--) {
            builds.add(new FakeBuild(number, List.of()));
        }
        builds.add(new FakeBuild(1, List.of(made("old"))));
        int[] examined = {0};
        Iterator<FakeBuild> all = builds.iterator();
        Iterator<FakeBuild> counting = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return all.hasNext();
            }

            @Override
            public FakeBuild next() {
                examined[0]++;
                return all.next();
            }
        };

        assertThat(PlanOrigin.find(counting, "old")).isNull();
        assertThat(examined[0]).isEqualTo(ProvisioningHistory.MAX_BUILDS_EXAMINED);
    }

    @Test
    void aRunThatMadeItsOwnPlanOrHasNoneLinksNowhere() {
        assertThat(made("plan-c").getPlannedIn()).isNull();
        assertThat(Plans.run(Plans.report(plan("plan-d"), true, true)).getPlannedIn()).isNull();
    }
}
