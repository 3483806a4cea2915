package io.jenkins.plugins.snykprovisioning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.snykprovisioning.plan.Plan;
import io.jenkins.plugins.snykprovisioning.plan.PlanFile;
import io.jenkins.plugins.snykprovisioning.plan.RemovalLimit;
import io.jenkins.plugins.snykprovisioning.plan.SyncLimits;
import io.jenkins.plugins.snykprovisioning.simulator.LoggedRequest;
import io.jenkins.plugins.snykprovisioning.simulator.model.Role;
import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sync and offboarding over HTTP: plans, their limits, applying them, and what nothing may ever do.
 * Every refusal is checked on the simulator's request log: nothing was written.
 */
class SyncTest {

    @RegisterExtension
    final SimulatedSnyk snyk = new SimulatedSnyk();

    private SimulatedSnyk.Finished sync(String users, Consumer<SimulatedSnyk.Run> setup) throws Exception {
        return snyk.execute(users, run -> {
            run.mode = Mode.SYNC;
            run.removeMissing = true;
            setup.accept(run);
        });
    }

    /** The file of a plan made (not applied) for the file {@code PLATFORM}. */
    private Path plan(boolean removeMissing, SyncLimits limits) throws Exception {
        Path planFile = snyk.execute(PLATFORM, run -> {
            run.mode = Mode.SYNC;
            run.removeMissing = removeMissing;
            run.limits = limits;
        }).summary().plan().planFile();
        assertThat(snyk.writes()).as("a plan only reads").isEmpty();
        return planFile;
    }

    private static SyncLimits limits(String maxRemovals, int minAdmins, String... protectedEmails) {
        return new SyncLimits(RemovalLimit.parse(maxRemovals), minAdmins, Set.of(protectedEmails));
    }

    private static List<String> described(Plan plan) {
        return plan.actions().stream().map(a -> a.kind().id() + " " + a.email()).toList();
    }

    /** The file ORG should look like: erin new, carol (a person of the group) added, bob re-roled, alice and dave left out. */
    private static final String PLATFORM = "email,role\nerin@acme.test,Developer\ncarol@acme.test,Developer\n"
            + "bob@acme.test,Org Collaborator\n";

    @Test
    void aPlanSaysWhatWouldChangeAndChangesNothing() throws Exception {
        SimulatedSnyk.Run run = snyk.run(PLATFORM);
        run.mode = Mode.SYNC;
        run.removeMissing = true;
        run.limits = limits("50%", 1);
        SimulatedSnyk.Finished done = run.execute();

        assertThat(snyk.writes()).isEmpty();
        Plan plan = PlanFile.read(run.planFile);
        assertThat(described(plan)).containsExactly("provision erin@acme.test", "add_membership carol@acme.test",
                "change_role bob@acme.test", "remove_member alice@acme.test", "delete_pending_provision dave@acme.test");
        assertThat(plan.refused()).isFalse();
        assertThat(plan.orgIds()).containsExactly(SimulatedSnyk.ORG);
        assertThat(plan.tokenUserId()).isEqualTo(SimulatedSnyk.ADMIN_ID);
        assertThat(plan.notes()).anyMatch(note -> note.contains("admin@acme.test keeps its membership: the token's own user"));
        assertThat(done.summary().dryRun()).isTrue();
        assertThat(done.summary().plan().applied()).isFalse();
        assertThat(done.entry("removed", "alice@acme.test").get("result").get("planned").asText()).isEqualTo("remove_member");
        assertThat(done.entry("pending_deleted", "dave@acme.test").get("dry_run").asBoolean()).isTrue();
        assertThat(snyk.roleOf(SimulatedSnyk.ORG, "alice@acme.test")).isEqualTo(Role.ORG_COLLABORATOR);
    }

    @Test
    void aMemberWhomTheGroupDoesNotListAsAPersonIsNeverRemoved() throws Exception {
        // ci-bot is a service account: V1 does not list it among the group's people.
        SimulatedSnyk.Finished done = sync(PLATFORM, run -> run.limits = limits("100%", 0));

        Plan plan = done.summary().plan().plan();
        assertThat(plan.actions()).noneMatch(a -> "ci-bot@acme.test".equals(a.email()) || SimulatedSnyk.ADMIN_ID.equals(a.userId()));
        assertThat(plan.notes()).anyMatch(note -> note.contains("ci-bot@acme.test keeps its membership: not listed among the group's people"));
    }

    @Test
    void aPlanOverTheRemovalLimitIsWrittenWithItsReasonAndNothingIsApplied() throws Exception {
        SimulatedSnyk.Finished done = sync(PLATFORM, run -> run.apply = true);

        assertThat(snyk.writes()).as("--yes, but the limit refused the plan").isEmpty();
        Plan plan = done.summary().plan().plan();
        assertThat(plan.refusals()).singleElement().asString()
                .contains("org " + SimulatedSnyk.ORG + ": 2 removals are more than 10% of its 5 members and pending provisions (at most 1)");
        assertThat(done.summary().plan().applied()).isFalse();
        assertThat(done.summary().allSucceeded()).isFalse();
        assertThat(snyk.pending(SimulatedSnyk.ORG, "dave@acme.test")).isTrue();
    }

    @Test
    void aCountOfRemovalsLimitsThemAcrossOrgs() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute("email,role,org_id\nnobody@acme.test,Developer," + SimulatedSnyk.ORG + "\n"
                + "nobody@acme.test,Developer," + SimulatedSnyk.OTHER_ORG + "\n", run -> {
                    run.mode = Mode.SYNC;
                    run.removeMissing = true;
                    run.apply = true;
                    run.limits = limits("2", 0);
                });

        assertThat(done.summary().plan().refusals()).singleElement().asString().startsWith("5 removals are more than the 2 allowed");
        assertThat(snyk.writes()).isEmpty();
    }

    @Test
    void aPlanLeavingTooFewOrgAdminsIsRefused() throws Exception {
        snyk.state().addOrgMember(SimulatedSnyk.OTHER_ORG, SimulatedSnyk.CAROL_ID, snyk.roleId(Role.ORG_ADMIN));
        String users = "email,role,org_id\nbob@acme.test,Org Collaborator," + SimulatedSnyk.OTHER_ORG + "\n";

        SimulatedSnyk.Finished done = snyk.execute(users, run -> {
            run.mode = Mode.SYNC;
            run.removeMissing = true;
            run.apply = true;
            run.limits = limits("100%", 2);
        });

        assertThat(done.summary().plan().refusals()).singleElement().asString()
                .isEqualTo("org " + SimulatedSnyk.OTHER_ORG + " would be left with 1 Org Admin(s), fewer than 2");
        assertThat(snyk.writes()).isEmpty();
    }

    @Test
    void aProtectedUserIsLeftAloneAndNoted() throws Exception {
        SimulatedSnyk.Finished done = sync(PLATFORM, run -> run.limits = limits("100%", 1, "Alice@acme.test"));

        Plan plan = done.summary().plan().plan();
        assertThat(plan.actions()).noneMatch(a -> "alice@acme.test".equals(a.email()));
        assertThat(plan.notes()).anyMatch(note -> note.endsWith("alice@acme.test keeps its membership: protected"));
        assertThat(plan.refused()).isFalse();
    }

    @Test
    void anAppliedPlanDoesWhatItSaidAndASecondApplyWritesNothing() throws Exception {
        Path planning = plan(true, limits("50%", 1));

        String token = snyk.anotherToken();
        SimulatedSnyk.Finished rehearsed = snyk.execute(null, run -> {
            run.applyPlan = planning;
            run.apiToken = token;
            run.defaultOrg = null;
            run.dryRun = true;
        });
        assertThat(snyk.writes()).as("a dry run of an apply sends nothing").isEmpty();
        assertThat(rehearsed.summary().plan().applied()).isFalse();
        assertThat(rehearsed.size("removed")).isEqualTo(1);
        assertThat(rehearsed.results().get("removed").get(0).get("dry_run").asBoolean()).isTrue();

        // Stricter limits in the applying run do not matter: the plan is held to the limits it was reviewed with.
        SimulatedSnyk.Finished applied = apply(planning, limits("1", 3));
        assertThat(applied.summary().plan().applied()).isTrue();
        assertThat(applied.summary().failed()).isZero();
        assertThat(applied.size("provisioned")).isEqualTo(1);
        assertThat(applied.size("org_memberships")).isEqualTo(1);
        assertThat(applied.size("role_updated")).isEqualTo(1);
        assertThat(applied.size("removed")).isEqualTo(1);
        assertThat(applied.size("pending_deleted")).isEqualTo(1);
        assertThat(snyk.roleOf(SimulatedSnyk.ORG, "alice@acme.test")).isNull();
        assertThat(snyk.pending(SimulatedSnyk.ORG, "dave@acme.test")).isFalse();
        assertThat(snyk.pending(SimulatedSnyk.ORG, "erin@acme.test")).isTrue();
        assertThat(snyk.roleOf(SimulatedSnyk.ORG, "carol@acme.test")).isEqualTo("Developer");
        assertThat(snyk.roleOf(SimulatedSnyk.ORG, "bob@acme.test")).isEqualTo(Role.ORG_COLLABORATOR);
        assertThat(snyk.roleOf(SimulatedSnyk.ORG, "ci-bot@acme.test")).isEqualTo(Role.ORG_ADMIN);

        snyk.simulator.requests().clear();
        SimulatedSnyk.Finished again = apply(planning, limits("50%", 1));
        assertThat(snyk.writes()).as("a plan applied twice writes nothing the second time").isEmpty();
        assertThat(again.size("skipped")).isEqualTo(5);
        assertThat(again.results().get("skipped").findValuesAsText("reason")).allMatch(reason -> reason.startsWith("changed since the plan"));
    }

    @Test
    void aPlanWhoseOwnLimitsNoLongerHoldIsNotApplied() throws Exception {
        Path planning = plan(true, limits("50%", 1));
        ObjectNode plan = (ObjectNode) SnykJson.MAPPER.readTree(planning.toFile());
        ((ObjectNode) plan.get("limits")).put("max_removals", "1");
        Files.writeString(planning, plan.toString());

        String token = snyk.anotherToken();
        SimulatedSnyk.Run applying = snyk.run(null);
        applying.applyPlan = planning;
        applying.apiToken = token;
        applying.defaultOrg = null;
        applying.limits = limits("100%", 0);
        SimulatedSnyk.Finished applied = applying.execute();

        assertThat(applied.summary().plan().applied()).isFalse();
        assertThat(applied.summary().plan().refusals()).singleElement().asString().contains("2 removals are more than the 1 allowed");
        assertThat(applying.notices).anyMatch(notice -> notice.startsWith("not applied, a limit no longer holds: 2 removals"));
        assertThat(applied.summary().allSucceeded()).isFalse();
        assertThat(snyk.writes()).isEmpty();
    }

    @Test
    void anActionWhoseUserChangedSinceThePlanIsSkipped() throws Exception {
        Path planning = plan(true, limits("50%", 1));
        snyk.state().addOrgMember(SimulatedSnyk.ORG, SimulatedSnyk.ALICE_ID, SimulatedSnyk.DEVELOPER);

        SimulatedSnyk.Finished applied = apply(planning, limits("50%", 1));

        assertThat(applied.entry("skipped", "alice@acme.test").get("reason").asText())
                .isEqualTo("changed since the plan: now Developer, not Org Collaborator");
        assertThat(snyk.roleOf(SimulatedSnyk.ORG, "alice@acme.test")).isEqualTo("Developer");
        assertThat(applied.size("removed")).isZero();
        assertThat(applied.size("pending_deleted")).isEqualTo(1);
    }

    @Test
    void aPlanTamperedToRemoveTheTokensOwnUserIsRefusedWhenApplied() throws Exception {
        Path planning = plan(false, limits("100%", 0));
        ObjectNode plan = (ObjectNode) SnykJson.MAPPER.readTree(planning.toFile());
        String adminMembership = snyk.state().org(SimulatedSnyk.ORG).orElseThrow().members().stream()
                .filter(m -> m.userId().equals(SimulatedSnyk.ADMIN_ID)).findFirst().orElseThrow().id();
        ((ArrayNode) plan.get("actions")).addObject().put("id", 99).put("action", "remove_member").put("org_id", SimulatedSnyk.ORG)
                .put("email", "admin@acme.test").put("user_id", SimulatedSnyk.ADMIN_ID).put("membership_id", adminMembership)
                .put("current_role", Role.ORG_ADMIN);
        Files.writeString(planning, plan.toString());

        SimulatedSnyk.Finished applied = apply(planning, limits("100%", 0));

        assertThat(applied.summary().plan().refusals()).anyMatch(r -> r.contains("would remove admin@acme.test")
                && r.contains("who is protected"));
        assertThat(snyk.writes()).isEmpty();
    }

    @Test
    void aPlanMadeWithAnotherUsersTokenIsNotApplied() throws Exception {
        Path planning = plan(false, SyncLimits.DEFAULT);
        snyk.state().addToken(new io.jenkins.plugins.snykprovisioning.simulator.model.ApiToken("carol-token", "carol",
                SimulatedSnyk.CAROL_ID, io.jenkins.plugins.snykprovisioning.simulator.model.TokenType.PERSONAL, true));

        SimulatedSnyk.Finished applied = snyk.execute(null, run -> {
            run.applyPlan = planning;
            run.apiToken = "carol-token";
            run.defaultOrg = null;
        });

        assertThat(applied.summary().plan().rejected()).contains("was made with the token of admin");
        assertThat(snyk.writes()).isEmpty();
    }

    @Test
    void aPlanForAnotherGroupOrOrgOrTooOldIsRefusedBeforeAnythingIsSent() throws Exception {
        Path planning = plan(false, SyncLimits.DEFAULT);
        snyk.simulator.requests().clear();

        assertThatThrownBy(() -> snyk.execute(null, run -> {
            run.applyPlan = planning;
            run.groupId = "a0000000-0000-4000-8000-000000000009";
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("it was made for group " + SimulatedSnyk.GROUP);
        assertThatThrownBy(() -> snyk.execute(null, run -> {
            run.applyPlan = planning;
            run.defaultOrg = SimulatedSnyk.OTHER_ORG;
        })).hasMessageContaining("it covers the orgs " + SimulatedSnyk.ORG);
        assertThatThrownBy(() -> snyk.execute(null, run -> {
            run.applyPlan = planning;
            run.defaultOrg = null;
            run.maxPlanAge = java.time.Duration.ZERO;
        })).hasMessageContaining("longer ago than 0 hours");
        assertThat(snyk.simulator.requests().entries()).isEmpty();
    }

    @Test
    void offboardingTakesAUserFromEveryOrgOfTheGroup() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute("email\nbob@acme.test\nnobody@acme.test\n", run -> {
            run.mode = Mode.OFFBOARD;
            run.allOrgs = true;
            // A default org (the job's, say) does not narrow offboarding from every org.
            run.defaultOrg = SimulatedSnyk.ORG;
            run.apply = true;
            run.limits = limits("100%", 1);
        });

        assertThat(done.summary().plan().plan().orgIds()).containsExactly(SimulatedSnyk.ORG, SimulatedSnyk.OTHER_ORG);
        assertThat(done.size("removed")).isEqualTo(2);
        assertThat(snyk.roleOf(SimulatedSnyk.ORG, "bob@acme.test")).isNull();
        assertThat(snyk.roleOf(SimulatedSnyk.OTHER_ORG, "bob@acme.test")).isNull();
        assertThat(done.summary().plan().plan().notes()).anyMatch(note -> note.startsWith("nobody@acme.test (line 3) is neither"));
        assertThat(snyk.writes()).hasSize(2).allMatch(w -> w.method().equals("DELETE"));
    }

    @Test
    void offboardingDeletesPendingProvisionsToo() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute("email\ndave@acme.test\n", run -> {
            run.mode = Mode.OFFBOARD;
            run.apply = true;
            run.limits = limits("100%", 1);
        });

        assertThat(done.size("pending_deleted")).isEqualTo(1);
        assertThat(snyk.pending(SimulatedSnyk.ORG, "dave@acme.test")).isFalse();
    }

    @Test
    void aFileWithARowThatCannotBeUsedRefusesThePlan() throws Exception {
        SimulatedSnyk.Finished done = sync("email,role\nnot-an-email,Developer\nbob@acme.test,Nope\n" + PLATFORM.substring(11),
                run -> {
                    run.apply = true;
                    run.limits = limits("100%", 0);
                });

        assertThat(done.summary().plan().refusals()).hasSize(2)
                .anySatisfy(r -> assertThat(r).startsWith("the file has a row that cannot be used, line 2: 'not-an-email'"));
        assertThat(snyk.writes()).isEmpty();
    }

    @Test
    void anInterruptedApplyIsResumedWithoutRepeatingARemoval() throws Exception {
        List<String> leavers = IntStream.range(0, 60).mapToObj(i -> "leaver" + i + "@acme.test").toList();
        for (int i = 0; i < leavers.size(); i++) {
            snyk.state().addUser(SimulatedSnyk.userId("leaver" + i), leavers.get(i), "Leaver " + i, "leaver" + i, true);
            snyk.state().addOrgMember(SimulatedSnyk.OTHER_ORG, SimulatedSnyk.userId("leaver" + i), snyk.roleId(Role.ORG_COLLABORATOR));
        }
        String users = "email,org_id\n" + leavers.stream().map(e -> e + "," + SimulatedSnyk.OTHER_ORG).collect(Collectors.joining("\n"));
        SimulatedSnyk.Run planning = snyk.run(users);
        planning.mode = Mode.OFFBOARD;
        planning.limits = limits("100%", 1);
        planning.execute();

        snyk.config().setLatency(io.jenkins.plugins.snykprovisioning.simulator.Latency.parse("30"));
        SimulatedSnyk.Run first = snyk.run(null);
        first.applyPlan = planning.planFile;
        first.apiToken = snyk.anotherToken();
        first.defaultOrg = null;
        first.concurrency = 2;
        first.limits = limits("100%", 1);
        SimulatedSnyk.Finished partial = first.executeCancelledAfter(10);
        assertThat(partial.summary().interrupted()).isTrue();
        long removedFirst = partial.size("removed");
        assertThat(removedFirst).isBetween(10L, 59L);
        List<String> deletedFirst = snyk.writes().stream().map(LoggedRequest::path).toList();

        snyk.simulator.requests().clear();
        snyk.config().setLatency(io.jenkins.plugins.snykprovisioning.simulator.Latency.parse("0"));
        SimulatedSnyk.Finished resumed = snyk.execute(null, run -> {
            run.applyPlan = planning.planFile;
            run.apiToken = snyk.anotherToken();
            run.defaultOrg = null;
            run.resumeFrom = first.journal();
            run.limits = limits("100%", 1);
        });

        assertThat(resumed.summary().errors()).isEmpty();
        assertThat(resumed.size("removed")).isEqualTo(60);
        assertThat(resumed.results().get("removed").findValues("from_previous_run")).hasSize((int) removedFirst);
        assertThat(snyk.writes()).noneMatch(w -> deletedFirst.contains(w.path()));
        assertThat(leavers).allMatch(email -> snyk.roleOf(SimulatedSnyk.OTHER_ORG, email) == null);
    }

    /** Applies {@code plan} with a token of its own, like a later build of the admin would. */
    private SimulatedSnyk.Finished apply(Path plan, SyncLimits limits) throws Exception {
        String token = snyk.anotherToken();
        return snyk.execute(null, run -> {
            run.applyPlan = plan;
            run.apiToken = token;
            run.defaultOrg = null;
            run.limits = limits;
        });
    }

    private ExportSummary export(Path output, Path report, List<String> orgs) throws Exception {
        return Provisioning.builder().apiUrl(snyk.simulator.baseUrl()).token(snyk.token).groupId(SimulatedSnyk.GROUP)
                .rateLimitPerMinute(0).export(output, report, orgs, null);
    }

    @Test
    void syncingAFreshExportBackPlansNothing() throws Exception {
        for (String name : List.of("export.csv", "export.json")) {
            Path exported = snyk.dir.resolve(name);
            ExportSummary summary = export(exported, null, List.of());
            assertThat(summary.orgs()).isEqualTo(2);
            assertThat(summary.pending()).isEqualTo(1);
            assertThat(summary.members()).isEqualTo(7);

            String token = snyk.anotherToken();
            SimulatedSnyk.Finished done = snyk.execute(Files.readString(exported), run -> {
                run.mode = Mode.SYNC;
                run.removeMissing = true;
                run.defaultOrg = null;
                run.apiToken = token;
                run.limits = limits("10%", 1);
            });

            assertThat(done.summary().plan().plan().actions()).as(name).isEmpty();
            assertThat(done.summary().plan().refusals()).isEmpty();
        }
        assertThat(Files.readAllLines(snyk.dir.resolve("export.csv"))).first().isEqualTo("email,role,org_id,user_id,status");
        assertThat(Files.readAllLines(snyk.dir.resolve("export.csv")))
                .contains("dave@acme.test,Org Collaborator," + SimulatedSnyk.ORG + ",,pending")
                .contains("bob@acme.test,Developer," + SimulatedSnyk.ORG + "," + SimulatedSnyk.BOB_ID + ",member");
        assertThat(snyk.writes()).isEmpty();
    }

    @Test
    void theAccessReviewListsEachOrgsAdminsAndTheCountPerRole() throws Exception {
        Path report = snyk.dir.resolve("review.md");
        export(snyk.dir.resolve("one.csv"), report, List.of(SimulatedSnyk.ORG));

        String review = Files.readString(report);
        assertThat(review).contains("## platform (`" + SimulatedSnyk.ORG + "`)")
                .contains("Org Admins (2): admin@acme.test, ci-bot@acme.test")
                .contains("| Org Admin | 2 | 0 |").contains("| Org Collaborator | 1 | 1 |").contains("| Developer | 1 | 0 |")
                .doesNotContain("payments");
    }
}
