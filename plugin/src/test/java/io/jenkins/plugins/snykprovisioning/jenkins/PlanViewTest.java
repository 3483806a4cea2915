package io.jenkins.plugins.snykprovisioning.jenkins;

import static io.jenkins.plugins.snykprovisioning.jenkins.Plans.ORG;
import static io.jenkins.plugins.snykprovisioning.jenkins.Plans.OTHER_ORG;
import static io.jenkins.plugins.snykprovisioning.jenkins.Plans.action;
import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import io.jenkins.plugins.snykprovisioning.plan.Action;
import io.jenkins.plugins.snykprovisioning.plan.Plan;
import io.jenkins.plugins.snykprovisioning.plan.PlanAction;
import io.jenkins.plugins.snykprovisioning.plan.PlanReport;
import io.jenkins.plugins.snykprovisioning.plan.RemovalLimit;
import io.jenkins.plugins.snykprovisioning.plan.SyncLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlanViewTest {

    private static final String MINUS = "\u2212";

    private static List<String> lines(PlanView.OrgChanges org) {
        return org.getChanges().stream().map(change -> change.getSign() + " " + change.getUser() + ": " + change.getDescription())
                .toList();
    }

    @Test
    void aPlanIsADiffPerOrgWithItsCountsAndTheOrgAsItWas() {
        PlanAction unnamed = new PlanAction(6, Action.REMOVE_MEMBER, OTHER_ORG, null, "40000000-0000-4000-8000-000000000002",
                "m-6", "Org Admin", null, null, 0);
        Plan plan = Plans.plan("plan-1", List.of(
                action(1, Action.PROVISION, ORG, "erin@example.com", null, "Developer", 2),
                action(2, Action.ADD_MEMBERSHIP, ORG, "carol@example.com", null, "Developer", 3),
                action(3, Action.CHANGE_ROLE, ORG, "bob@example.com", "Developer", "Org Collaborator", 4),
                action(4, Action.REPLACE_PENDING_PROVISION, ORG, "frank@example.com", "Org Collaborator", "Developer", 5),
                action(5, Action.DELETE_PENDING_PROVISION, ORG, "dave@example.com", "Org Collaborator", null, 0),
                unnamed), List.of("org " + ORG + ": ci-bot@example.com keeps its membership"), List.of());

        PlanView view = PlanView.of(Plans.report(plan, true, false), "plans/snyk-plan.json");

        assertThat(view.getOrgs()).extracting(PlanView.OrgChanges::getOrgId).containsExactly(ORG, OTHER_ORG);
        PlanView.OrgChanges org = view.getOrgs().get(0);
        assertThat(lines(org)).containsExactly(
                "+ erin@example.com: provision as Developer (line 2)",
                "+ carol@example.com: add to the org as Developer (line 3)",
                "~ bob@example.com: role Developer \u2192 Org Collaborator (line 4)",
                "~ frank@example.com: pending provision's role Org Collaborator \u2192 Developer (line 5)",
                MINUS + " dave@example.com: delete the pending provision (as Org Collaborator)");
        assertThat(org.getSummary()).isEqualTo("+2 ~2 " + MINUS + "1");
        assertThat(org.getBefore()).isEqualTo("4 member(s), 1 pending provision(s), 2 Org Admin(s) before");
        assertThat(org.getCounts()).containsEntry("provision", 1L).containsEntry("delete_pending_provision", 1L);
        PlanView.OrgChanges other = view.getOrgs().get(1);
        assertThat(other.getBefore()).as("no figures for the org in the plan").isNull();
        assertThat(lines(other)).containsExactly(MINUS + " user 40000000-0000-4000-8000-000000000002: remove from the org (now Org Admin)");
        assertThat(other.getChanges().get(0).getKind()).isEqualTo("remove_member");

        assertThat(view.getSummary()).isEqualTo("+2 ~2 " + MINUS + "2");
        assertThat(view.getChanges()).isEqualTo(6);
        assertThat(view.getCounts()).containsOnlyKeys("provision", "add_membership", "change_role", "replace_pending_provision",
                "remove_member", "delete_pending_provision");
        assertThat(view.getDescription()).isEqualTo("Plan plan-1: sync of users.csv, made 2026-11-30T08:00:00Z with the token of "
                + "admin; members and pending provisions not in the file are removed");
        assertThat(view.getPlanFile()).isEqualTo("plans/snyk-plan.json");
        assertThat(view.isMade()).isTrue();
        assertThat(view.getNotes()).containsExactly("org " + ORG + ": ci-bot@example.com keeps its membership");
        assertThat(view.getNotShownNote()).isNull();
        assertThat(view.getNotesNote()).isNull();
    }

    @Test
    void theLimitsAreThePlansInWordsWithItsRefusals() {
        List<PlanAction> removal = List.of(action(1, Action.REMOVE_MEMBER, ORG, "alice@example.com", "Developer", null, 0));
        Plan plan = Plans.plan("plan-2", removal, List.of(), List.of("3 removals are more than the 2 allowed; raise the "
                + "removal limit if this is intended"), new SyncLimits(RemovalLimit.parse("2"), 0,
                Set.of("Root@example.com", "break-glass@example.com")));

        PlanView view = PlanView.of(Plans.report(plan, true, false), null);

        assertThat(view.getLimits()).isEqualTo("at most 2 removal(s) in all; at least 0 Org Admin(s) left in each org; "
                + "never removed or re-roled: break-glass@example.com, root@example.com");
        assertThat(view.isRefused()).isTrue();
        assertThat(view.getRefusals()).containsExactly("3 removals are more than the 2 allowed; raise the removal limit if this is intended");
        assertThat(view.getRefusalsNote()).isNull();
        assertThat(PlanView.of(Plans.report(Plans.plan("plan-3", removal, List.of(), List.of()), true, false), null).getLimits())
                .isEqualTo("at most 10% of each org's members and pending provisions removed; at least 1 Org Admin(s) left in each org");
    }

    @Test
    void whatIsKeptWithTheBuildIsBoundedAndSaysHowMuchMoreThePlanFileHas() {
        List<PlanAction> actions = new ArrayList<>();
        for (int i = 1; i <= 600; i++) {
            actions.add(action(i, Action.REMOVE_MEMBER, i <= 300 ? ORG : OTHER_ORG, "leaver" + i + "@example.com", "Developer", null, 0));
        }
        String huge = "x".repeat(10_000);
        actions.add(action(601, Action.PROVISION, OTHER_ORG, huge + "@example.com", null, "Developer", 0));
        List<String> notes = IntStream.rangeClosed(1, 150).mapToObj(i -> "note " + i).toList();
        List<String> refusals = IntStream.rangeClosed(1, 120).mapToObj(i -> "refusal " + i + " " + huge).toList();

        PlanView view = PlanView.of(Plans.report(Plans.plan("big", actions, notes, refusals), true, false), null);

        assertThat(view.getOrgs()).hasSize(2);
        assertThat(view.getOrgs().get(0).getChanges()).hasSize(300);
        assertThat(view.getOrgs().get(1).getChanges()).as("the rest of the room").hasSize(PlanView.MAX_ACTIONS - 300);
        assertThat(view.getOrgs().get(1).getCounts()).as("counts are whole").containsEntry("remove_member", 300L)
                .containsEntry("provision", 1L);
        assertThat(view.getChanges()).isEqualTo(601);
        assertThat(view.getNotShownNote()).isEqualTo("The first 500 of 601 changes are shown here; the plan file has them all.");
        assertThat(view.getNotes()).hasSize(PlanView.MAX_TEXTS);
        assertThat(view.getNotesNote()).isEqualTo("and 50 more in the plan file");
        assertThat(view.getRefusals()).hasSize(PlanView.MAX_TEXTS)
                .allMatch(refusal -> refusal.length() == ProvisioningSummaryAction.MAX_MESSAGE_CHARS + 1);
        assertThat(view.getRefusalsNote()).isEqualTo("and 20 more in the plan file");

        List<PlanAction> oneEach = IntStream.rangeClosed(1, 600).mapToObj(i -> action(i, Action.PROVISION,
                String.format("20000000-0000-4000-8000-%012d", i), "new" + i + "@example.com", null, "Developer", 0)).toList();
        PlanView manyOrgs = PlanView.of(Plans.report(Plans.plan("orgs", oneEach, List.of(), List.of()), true, false), null);
        assertThat(manyOrgs.getOrgs()).hasSize(PlanView.MAX_ORGS);
        assertThat(manyOrgs.getNotShownNote())
                .isEqualTo("The first 500 of 600 orgs, with 500 of 600 changes, are shown here; the plan file has them all.");
    }

    @Test
    void aLongEmailIsCutBeforeItIsSaved() {
        String huge = "y".repeat(5_000) + "@example.com";
        PlanView view = PlanView.of(Plans.report(Plans.plan("cut", List.of(action(1, Action.PROVISION, ORG, huge, null, "Developer", 0)),
                List.of(), List.of()), true, false), null);

        assertThat(view.getOrgs().get(0).getChanges().get(0).getUser())
                .hasSize(ProvisioningSummaryAction.MAX_VALUE_CHARS + 1).endsWith("\u2026");
    }

    @Test
    void aRunsPlanIsSavedWithTheBuildAndReadBackWhole() {
        Plan plan = Plans.plan("saved", List.of(action(1, Action.CHANGE_ROLE, ORG, "bob@example.com", "Developer", "Org Admin", 3)),
                List.of("a note"), List.of());
        PlanReport report = Plans.report(plan, false, true);
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {ProvisioningSummaryAction.class.getPackageName() + ".**"});

        ProvisioningSummaryAction loaded = (ProvisioningSummaryAction) xstream.fromXML(xstream.toXML(Plans.run(report)));

        PlanView view = loaded.getPlan();
        assertThat(view.getId()).isEqualTo("saved");
        assertThat(view.isApplied()).isTrue();
        assertThat(view.isMade()).isFalse();
        assertThat(lines(view.getOrgs().get(0))).containsExactly("~ bob@example.com: role Developer \u2192 Org Admin (line 3)");
        assertThat(view.getNotes()).containsExactly("a note");
        assertThat(loaded.getHeadline()).isEqualTo("1 change(s) planned, mode sync: applied");
    }
}
