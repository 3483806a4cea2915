package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.snykprovisioning.engine.Mode;
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
    void theFailedRowsGoBesideTheResults() {
        assertThat(ResolvedSettings.failedCsvBeside("results.json")).isEqualTo("results-failed.csv");
        assertThat(ResolvedSettings.failedCsvBeside("out/snyk/Run.JSON")).isEqualTo("out/snyk/Run-failed.csv");
        assertThat(ResolvedSettings.failedCsvBeside("out/results")).isEqualTo("out/results-failed.csv");
    }
}
