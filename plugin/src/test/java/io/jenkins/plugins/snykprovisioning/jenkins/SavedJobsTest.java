package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import org.junit.jupiter.api.Test;

/**
 * Freestyle jobs saved by earlier versions load with the settings they had. Jenkins reads a job's config.xml with
 * XStream, field by field, without running the constructor, then calls {@code readResolve}; so does this test.
 */
class SavedJobsTest {

    private static final String BUILDER = SnykProvisionUsersBuilder.class.getName();

    static SnykProvisionUsersBuilder load(String fields) {
        XStream xstream = new XStream();
        xstream.allowTypes(new Class<?>[] {SnykProvisionUsersBuilder.class});
        return (SnykProvisionUsersBuilder) xstream.fromXML("<" + BUILDER + ">" + fields + "</" + BUILDER + ">");
    }

    @Test
    void aJobSavedWhenTheOrgWasAConstructorParameterKeepsItsOrgAndMode() {
        SnykProvisionUsersBuilder builder = load("""
                <credentialsId>snyk-token</credentialsId>
                <orgId>20000000-0000-4000-8000-000000000001</orgId>
                <groupId>10000000-0000-4000-8000-000000000001</groupId>
                <usersFile>onboarding/users.csv</usersFile>
                <mode>updateRoles</mode>
                <dryRun>true</dryRun>
                <region>SNYK-EU-01</region>
                <resultsFile>reports/snyk.json</resultsFile>
                <archiveResults>false</archiveResults>
                <failOnUserErrors>true</failOnUserErrors>
                """);

        assertThat(builder.getCredentialsId()).isEqualTo("snyk-token");
        assertThat(builder.getOrgId()).isEqualTo("20000000-0000-4000-8000-000000000001");
        assertThat(builder.getMode()).isEqualTo(JobMode.updateRoles);
        assertThat(builder.isDryRun()).isTrue();
        assertThat(builder.getRegion()).isEqualTo("SNYK-EU-01");
        assertThat(builder.getResultsFile()).isEqualTo("reports/snyk.json");
        assertThat(builder.isArchiveResults()).isFalse();
        assertThat(builder.isFailOnUserErrors()).isTrue();
    }

    @Test
    void settingsLeftOutOfAHandWrittenConfigurationTakeTheirDefaults() {
        SnykProvisionUsersBuilder builder = load("<credentialsId>snyk-token</credentialsId><usersFile>u.csv</usersFile>");

        assertThat(builder.getOrgId()).isNull();
        assertThat(builder.getMode()).isEqualTo(JobMode.provision);
        assertThat(builder.getResultsFile()).isEqualTo(ProvisioningSettings.DEFAULT_RESULTS_FILE);
        assertThat(builder.isArchiveResults()).isTrue();
    }

    @Test
    void aModeWrittenInAnotherSpellingIsStillRead() {
        assertThat(load("<credentialsId>c</credentialsId><mode>update-roles</mode>").getMode()).isEqualTo(JobMode.updateRoles);
    }
}
