package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.snykprovisioning.engine.Mode;
import io.jenkins.plugins.snykprovisioning.jenkins.DescribableModelFacts.StepParameter;
import io.jenkins.plugins.snykprovisioning.snyk.SnykRegion;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The step as Pipeline Syntax → Steps Reference shows it and as scripts call it: only the credentials required,
 * help for every parameter, the modes listed, and scripts written for earlier versions still binding.
 */
class StepsReferenceTest {

    private static final List<Class<?>> STEPS = List.of(SnykProvisionUsersStep.class, SnykProvisionUsersBuilder.class);

    @Test
    void onlyTheCredentialsAreRequiredAndEveryOtherSettingIsOptional() {
        for (Class<?> step : STEPS) {
            List<StepParameter> parameters = DescribableModelFacts.parameters(step);
            assertThat(parameters).as(step.getName()).filteredOn(StepParameter::required).extracting(StepParameter::name)
                    .containsExactly("credentialsId");
            assertThat(parameters).extracting(StepParameter::name)
                    .containsExactlyInAnyOrderElementsOf(ProvisioningSettings.PROPERTIES);
            assertThat(DescribableModelFacts.parameter(step, "orgId").required()).isFalse();
        }
    }

    @Test
    void theReferenceFindsHelpForTheStepAndEachParameterInTheStepsOwnFolder() throws Exception {
        assertThat(DescribableModelFacts.help(SnykProvisionUsersStep.class, null)).contains("returns a map of plain values");
        for (StepParameter parameter : DescribableModelFacts.parameters(SnykProvisionUsersStep.class)) {
            assertThat(DescribableModelFacts.help(SnykProvisionUsersStep.class, parameter.name()))
                    .as("help of %s", parameter.name()).isNotNull().contains("<div>");
        }
        // One set of field help: the freestyle step's descriptor redirects to the Pipeline step's.
        assertThat(DescribableModelFacts.help(SnykProvisionUsersBuilder.class, null)).isNotNull();
        assertThat(DescribableModelFacts.help(SnykProvisionUsersBuilder.class, "orgId")).isNull();
    }

    @Test
    void theModesAreListedUnderTheNamesScriptsUseWhichAreTheEnginesModeIdsAndExport() {
        for (Class<?> step : STEPS) {
            assertThat(DescribableModelFacts.parameter(step, "mode").type()).as(step.getName()).isEqualTo(JobMode.class);
        }
        assertThat(JobMode.values()).extracting(JobMode::name)
                .startsWith(Arrays.stream(Mode.values()).map(Mode::id).toArray(String[]::new))
                .containsExactly("provision", "updateRoles", "sync", "offboard", "export");
        for (JobMode mode : JobMode.values()) {
            if (mode == JobMode.export) {
                // Not an engine mode: it reads no users and makes no plan.
                assertThat(mode.mode()).isNull();
                assertThat(mode.planned()).isFalse();
            } else {
                assertThat(mode.mode().id()).isEqualTo(mode.name());
                assertThat(mode.planned()).isEqualTo(mode.mode().planned());
            }
        }
        assertThat(ProvisioningForm.modeLabel(JobMode.sync)).startsWith("Sync: ");
        assertThat(ProvisioningForm.modeLabel(JobMode.export)).startsWith("Export: ");
    }

    @Test
    void regionsStayTextWhoseHelpListsThemSinceTheirIdsCannotNameEnumConstants() throws Exception {
        // 'SNYK-EU-01' has hyphens: as an enum, the documented values would no longer bind in scripts.
        assertThat(DescribableModelFacts.parameter(SnykProvisionUsersStep.class, "region").type()).isEqualTo(String.class);
        assertThat(DescribableModelFacts.help(SnykProvisionUsersStep.class, "region")).contains(SnykRegion.ids());
        assertThat(DescribableModelFacts.help(SnykProvisionUsersStep.class, "mode"))
                .contains("<code>provision</code>", "<code>updateRoles</code>", "<code>sync</code>", "<code>offboard</code>",
                        "<code>export</code>");
    }

    @Test
    void scriptsWrittenForEarlierVersionsStillBind() throws Exception {
        SnykProvisionUsersStep step = DescribableModelFacts.bind(SnykProvisionUsersStep.class, Map.of(
                "credentialsId", "snyk-token", "orgId", " 20000000-0000-4000-8000-000000000001 ", "usersFile", "users.csv",
                "mode", "updateRoles", "dryRun", true, "region", "SNYK-EU-01", "concurrency", 0, "maxRetries", 0));

        assertThat(step.getCredentialsId()).isEqualTo("snyk-token");
        assertThat(step.getOrgId()).isEqualTo("20000000-0000-4000-8000-000000000001");
        assertThat(step.getUsersFile()).isEqualTo("users.csv");
        assertThat(step.getMode()).isEqualTo(JobMode.updateRoles);
        assertThat(step.isDryRun()).isTrue();
        assertThat(step.getRegion()).isEqualTo("SNYK-EU-01");
        assertThat(step.getConcurrency()).as("0 meant, and means, the global setting").isNull();
        assertThat(step.getMaxRetries()).as("0 now turns retries off").isZero();
    }

    @Test
    void aSyncOrExportScriptBindsItsPlanLimitsAndFiles() throws Exception {
        SnykProvisionUsersStep step = DescribableModelFacts.bind(SnykProvisionUsersStep.class, Map.ofEntries(
                Map.entry("credentialsId", "snyk-token"), Map.entry("mode", "sync"), Map.entry("usersFile", "users.csv"),
                Map.entry("removeMissing", true), Map.entry("planFile", "plans/p.json"), Map.entry("apply", true),
                Map.entry("unstableOnChanges", true), Map.entry("maxRemovals", "25"), Map.entry("minAdmins", 2),
                Map.entry("protectedUsers", "root@example.com"), Map.entry("applyPlan", " "), Map.entry("adminsReport", "")));

        assertThat(step.getMode()).isEqualTo(JobMode.sync);
        assertThat(step.isRemoveMissing()).isTrue();
        assertThat(step.getPlanFile()).isEqualTo("plans/p.json");
        assertThat(step.isApply()).isTrue();
        assertThat(step.isUnstableOnChanges()).isTrue();
        assertThat(step.getMaxRemovals()).isEqualTo("25");
        assertThat(step.getMinAdmins()).isEqualTo(2);
        assertThat(step.getProtectedUsers()).isEqualTo("root@example.com");
        assertThat(step.getApplyPlan()).as("blank is not given").isNull();
        assertThat(step.getAdminsReport()).isNull();

        SnykProvisionUsersStep export = DescribableModelFacts.bind(SnykProvisionUsersStep.class,
                Map.of("credentialsId", "snyk-token", "mode", "export", "allOrgs", true));
        assertThat(export.getMode()).isEqualTo(JobMode.export);
        assertThat(export.isAllOrgs()).isTrue();
    }

    @Test
    void aModeIsNamedExactlyAsListed() {
        assertThatThrownBy(() -> DescribableModelFacts.bind(SnykProvisionUsersStep.class, Map.of("mode", "Sync")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Sync");
    }

    @Test
    void aSavedModeIsReadInEverySpellingTheEngineAccepts() {
        assertThat(JobMode.of(null)).isEqualTo(JobMode.provision);
        assertThat(JobMode.of("updateRoles")).isEqualTo(JobMode.updateRoles);
        assertThat(JobMode.of("update-roles")).isEqualTo(JobMode.updateRoles);
        assertThat(JobMode.of("export")).isEqualTo(JobMode.export);
        assertThatThrownBy(() -> JobMode.of("delete")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown mode 'delete'; expected 'provision', 'updateRoles', 'sync', 'offboard' or 'export'");
    }
}
