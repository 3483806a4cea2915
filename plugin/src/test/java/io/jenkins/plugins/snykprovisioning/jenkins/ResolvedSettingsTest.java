package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.snykprovisioning.engine.Mode;
import io.jenkins.plugins.snykprovisioning.plan.RemovalLimit;
import io.jenkins.plugins.snykprovisioning.plan.SyncLimits;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResolvedSettingsTest {

    private TestSettings settings;

    @BeforeEach
    void minimal() {
        settings = new TestSettings();
        settings.credentialsId = "snyk";
        settings.usersFile = "users.csv";
    }

    private ResolvedSettings resolve() throws ProvisioningException {
        return ResolvedSettings.of(settings, UnaryOperator.identity());
    }

    @Test
    void defaultsAreTheBuildSteps() throws ProvisioningException {
        ResolvedSettings resolved = resolve();

        assertThat(resolved.mode()).isEqualTo(Mode.PROVISION);
        assertThat(resolved.region()).isNull();
        assertThat(resolved.concurrency()).as("the global setting").isNull();
        assertThat(resolved.maxRetries()).as("the global setting").isNull();
        assertThat(resolved.resultsFile()).isEqualTo("snyk-provisioning-results.json");
        assertThat(resolved.failedCsv()).isEqualTo("snyk-provisioning-results-failed.csv");
        assertThat(resolved.archiveResults()).isTrue();
        assertThat(resolved.orgId()).isNull();
        assertThat(resolved.warnings()).isEmpty();
    }

    @Test
    void variablesAreExpandedButTheCredentialsIdIsLeftToTheLookup() throws ProvisioningException {
        settings.credentialsId = "${SNYK_CRED}";
        settings.orgId = "${ORG}";
        settings.groupId = " ${GROUP} ";
        settings.mode = JobMode.updateRoles;
        settings.region = "${REGION}";
        Map<String, String> environment = Map.of("ORG", "org-1", "GROUP", "10000000-0000-4000-8000-000000000001",
                "REGION", "snyk-eu-01");

        ResolvedSettings resolved = ResolvedSettings.of(settings, text -> BuildProvisioningTest.expand(text, environment));

        assertThat(resolved.credentialsId()).isEqualTo("${SNYK_CRED}");
        assertThat(resolved.orgId()).isEqualTo("org-1");
        assertThat(resolved.groupId()).isEqualTo("10000000-0000-4000-8000-000000000001");
        assertThat(resolved.mode()).isEqualTo(Mode.UPDATE_ROLES);
        assertThat(resolved.region()).isEqualTo("SNYK-EU-01");
        assertThat(resolved.warnings()).containsExactly("orgId: 'org-1' does not look like a Snyk id, which is a UUID "
                + "such as 6e6a3e3c-1b4f-4e4f-9b87-0d8c2a7e5a10");
    }

    @Test
    void aVariableThatIsNotSetIsNamed() {
        settings.orgId = "${ORG_ID}";

        assertThatThrownBy(this::resolve).isInstanceOf(ProvisioningException.class)
                .hasMessage("orgId: '${ORG_ID}' refers to a variable that is not set in this build");
    }

    @Test
    void usersComeFromAFileOrTextButNotBoth() {
        settings.usersFile = null;
        assertThatThrownBy(this::resolve).hasMessageStartingWith("No users: set usersFile");
        settings.usersFile = "users.csv";
        settings.users = "email\nerin@example.com\n";
        assertThatThrownBy(this::resolve).hasMessage("Set either usersFile or users, not both");
    }

    @Test
    void wrongValuesFailWithWhatIsWrong() {
        settings.credentialsId = " ";
        assertThatThrownBy(this::resolve).hasMessageStartingWith("No Snyk credentials");
        settings.credentialsId = "snyk";
        settings.region = "SNYK-MARS-01";
        assertThatThrownBy(this::resolve).hasMessageStartingWith("Unknown Snyk region 'SNYK-MARS-01'");
        settings.region = null;
        settings.concurrency = 51;
        assertThatThrownBy(this::resolve).hasMessage(
                "concurrency must be a whole number from 1 to 50, or left out for the global setting; not 51");
        settings.concurrency = 0;
        assertThatThrownBy(this::resolve).hasMessageStartingWith("concurrency must be a whole number from 1 to 50");
        settings.concurrency = null;
        settings.maxRetries = -1;
        assertThatThrownBy(this::resolve).hasMessage(
                "maxRetries must be a whole number from 0 to 10, or left out for the global setting; not -1");
        settings.maxRetries = null;
        settings.resumeFrom = "/tmp/results.json";
        assertThatThrownBy(this::resolve).hasMessageStartingWith("resumeFrom: '/tmp/results.json' is an absolute path");
    }

    @Test
    void aJobMayTurnRetriesOffAndChooseItsConcurrency() throws ProvisioningException {
        settings.maxRetries = 0;
        settings.concurrency = 50;

        assertThat(resolve().maxRetries()).isZero();
        assertThat(resolve().concurrency()).isEqualTo(50);
    }

    @Test
    void aSyncHasThePlanFileAndTheEnginesLimitsByDefaultAndOnlyMakesAPlan() throws ProvisioningException {
        settings.mode = JobMode.sync;

        ResolvedSettings resolved = resolve();

        assertThat(resolved.mode()).isEqualTo(Mode.SYNC);
        assertThat(resolved.export()).isNull();
        ResolvedSettings.Planning planning = resolved.planning();
        assertThat(planning.planFile()).isEqualTo("snyk-plan.json");
        assertThat(planning.limits()).isEqualTo(SyncLimits.DEFAULT);
        assertThat(planning.planOnly()).isTrue();
        assertThat(planning.applyPlan()).isNull();
        settings.mode = JobMode.provision;
        assertThat(resolve().planning()).as("only sync and offboard plan").isNull();
    }

    @Test
    void theLimitsAreReadWithTheEnginesParsersAndVariablesExpanded() throws ProvisioningException {
        settings.mode = JobMode.offboard;
        settings.maxRemovals = "${MAX}";
        settings.minAdmins = 2;
        settings.protectedUsers = "Root@example.com,\nbreak-glass@example.com  ${ALSO}";
        Map<String, String> environment = Map.of("MAX", "25", "ALSO", "sre@example.com");

        SyncLimits limits = ResolvedSettings.of(settings, text -> BuildProvisioningTest.expand(text, environment)).planning().limits();

        assertThat(limits.maxRemovals()).isEqualTo(new RemovalLimit(25, false));
        assertThat(limits.minAdmins()).isEqualTo(2);
        assertThat(limits.protectedEmails()).containsExactlyInAnyOrder("root@example.com", "break-glass@example.com",
                "sre@example.com");
    }

    @Test
    void wrongLimitsFailBeforeAnythingIsSentWithTheEnginesWords() {
        settings.mode = JobMode.sync;
        settings.maxRemovals = "ten";
        assertThatThrownBy(this::resolve).hasMessage("The removal limit must look like 10% or 25, got 'ten'");
        settings.maxRemovals = "150%";
        assertThatThrownBy(this::resolve).hasMessageStartingWith("The removal limit must be a count of at least 0 or a percentage");
        settings.maxRemovals = "${UNSET}";
        assertThatThrownBy(this::resolve).hasMessage("maxRemovals: '${UNSET}' refers to a variable that is not set in this build");
        settings.maxRemovals = null;
        settings.minAdmins = -1;
        assertThatThrownBy(this::resolve).hasMessage("The least number of Org Admins must not be negative, got -1");
        settings.minAdmins = null;
        settings.planFile = "../plan.json";
        assertThatThrownBy(this::resolve).hasMessageStartingWith("planFile: '../plan.json' leaves the workspace");
        settings.planFile = "snyk-provisioning-results.json";
        assertThatThrownBy(this::resolve).hasMessage("planFile: 'snyk-provisioning-results.json' is the path of another file "
                + "this run writes; give another path");
    }

    @Test
    void aPlanToApplyNeedsNoUsersAndIsOnlyForSyncOrOffboardAndNotADryRun() throws ProvisioningException {
        settings.mode = JobMode.sync;
        settings.usersFile = null;
        settings.applyPlan = "plans/${PLAN}";

        ResolvedSettings resolved = ResolvedSettings.of(settings, text -> BuildProvisioningTest.expand(text, Map.of("PLAN", "p.json")));

        assertThat(resolved.planning().applyPlan()).isEqualTo("plans/p.json");
        assertThat(resolved.planning().planOnly()).isFalse();
        assertThat(resolved.warnings()).isEmpty();
        settings.usersFile = "users.csv";
        settings.applyPlan = "p.json";
        assertThat(resolve().warnings()).containsExactly("usersFile and users are not read in this run (mode sync): an export "
                + "reads no users, and a plan to apply says itself what to do");
        settings.mode = JobMode.provision;
        assertThatThrownBy(this::resolve)
                .hasMessage("applyPlan applies a sync or offboarding plan: set mode to 'sync' or 'offboard', not 'provision'");
        settings.mode = JobMode.sync;
        settings.applyPlan = "/tmp/p.json";
        assertThatThrownBy(this::resolve).hasMessageStartingWith("applyPlan: '/tmp/p.json' is an absolute path");
    }

    @Test
    void offboardingFromEveryOrgTakesNoOrgAndSettingsOfAnotherModeAreWarnedAbout() throws ProvisioningException {
        settings.mode = JobMode.offboard;
        settings.allOrgs = true;
        settings.orgId = "20000000-0000-4000-8000-000000000001";
        assertThat(resolve().warnings()).containsExactly("orgId is not used when offboarding from all orgs: rows without "
                + "an org_id are taken away from every org of the group");

        settings.orgId = null;
        settings.removeMissing = true;
        assertThat(resolve().warnings()).containsExactly(
                "removeMissing is not used in mode offboard: only a sync removes the members its file leaves out");
        settings.mode = JobMode.sync;
        settings.removeMissing = false;
        assertThat(resolve().warnings()).containsExactly(
                "allOrgs is not used in mode sync: a sync covers the orgs its user file names");
    }

    @Test
    void anExportNamesOneOrgOrAllAndTwoDistinctFilesAndNeedsNoUsers() throws ProvisioningException {
        settings.mode = JobMode.export;
        settings.usersFile = null;
        assertThatThrownBy(this::resolve).hasMessage("An export needs orgId (one org) or allOrgs (every org of the group)");
        settings.orgId = "20000000-0000-4000-8000-000000000001";
        settings.allOrgs = true;
        assertThatThrownBy(this::resolve).hasMessage("Set either orgId or allOrgs for an export, not both");
        settings.allOrgs = false;

        ResolvedSettings resolved = resolve();

        assertThat(resolved.mode()).isNull();
        assertThat(resolved.planning()).isNull();
        assertThat(resolved.export()).isEqualTo(new ResolvedSettings.Export("snyk-export.csv", null,
                List.of("20000000-0000-4000-8000-000000000001")));
        settings.orgId = null;
        settings.allOrgs = true;
        settings.adminsReport = "review.md";
        assertThat(resolve().export()).isEqualTo(new ResolvedSettings.Export("snyk-export.csv", "review.md", List.of()));
        settings.adminsReport = "snyk-export.csv";
        assertThatThrownBy(this::resolve).hasMessageStartingWith("adminsReport: 'snyk-export.csv' is the path of another file");
    }

    @Test
    void theFailedRowsGoBesideTheResults() {
        assertThat(ResolvedSettings.failedCsvBeside("results.json")).isEqualTo("results-failed.csv");
        assertThat(ResolvedSettings.failedCsvBeside("out/snyk/Run.JSON")).isEqualTo("out/snyk/Run-failed.csv");
        assertThat(ResolvedSettings.failedCsvBeside("out/results")).isEqualTo("out/results-failed.csv");
    }
}
