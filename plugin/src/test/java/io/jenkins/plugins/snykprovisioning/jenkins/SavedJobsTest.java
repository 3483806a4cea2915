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

    private static XStream xstream() {
        XStream xstream = new XStream();
        xstream.allowTypes(new Class<?>[] {SnykProvisionUsersBuilder.class});
        return xstream;
    }

    static SnykProvisionUsersBuilder load(String fields) {
        return (SnykProvisionUsersBuilder) xstream().fromXML("<" + BUILDER + ">" + fields + "</" + BUILDER + ">");
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
        // Jobs saved before sync, offboarding and export existed.
        assertThat(builder.getPlanFile()).isEqualTo(ProvisioningSettings.DEFAULT_PLAN_FILE);
        assertThat(builder.getExportFile()).isEqualTo(ProvisioningSettings.DEFAULT_EXPORT_FILE);
        assertThat(builder.isRemoveMissing()).isFalse();
        assertThat(builder.isApply()).isFalse();
        assertThat(builder.getMaxRemovals()).isNull();
        assertThat(builder.getMinAdmins()).isNull();
    }

    @Test
    void aSyncJobKeepsItsPlanAndLimitsSettings() {
        SnykProvisionUsersBuilder builder = load("""
                <credentialsId>c</credentialsId><usersFile>hr/leavers.csv</usersFile><mode>offboard</mode><allOrgs>true</allOrgs>
                <planFile>plans/offboard.json</planFile><unstableOnChanges>true</unstableOnChanges><maxRemovals>25</maxRemovals>
                <minAdmins>2</minAdmins><protectedUsers>root@example.com</protectedUsers>
                """);

        assertThat(builder.getMode()).isEqualTo(JobMode.offboard);
        assertThat(builder.isAllOrgs()).isTrue();
        assertThat(builder.getPlanFile()).isEqualTo("plans/offboard.json");
        assertThat(builder.isUnstableOnChanges()).isTrue();
        assertThat(builder.getMaxRemovals()).isEqualTo("25");
        assertThat(builder.getMinAdmins()).isEqualTo(2);
        assertThat(builder.getProtectedUsers()).isEqualTo("root@example.com");
        assertThat(load("<credentialsId>c</credentialsId><mode>export</mode>").getMode()).isEqualTo(JobMode.export);
    }

    @Test
    void zeroConcurrencyAndRetriesSavedByEarlierVersionsStillMeanTheGlobalSettings() {
        SnykProvisionUsersBuilder builder = load("<credentialsId>c</credentialsId><concurrency>0</concurrency><maxRetries>0</maxRetries>");

        assertThat(builder.getConcurrency()).isNull();
        assertThat(builder.getMaxRetries()).isNull();
        assertThat(xstream().toXML(builder)).doesNotContain("concurrency", "etries");

        SnykProvisionUsersBuilder chosen = load("<credentialsId>c</credentialsId><concurrency>4</concurrency><maxRetries>2</maxRetries>");
        assertThat(chosen.getConcurrency()).isEqualTo(4);
        assertThat(chosen.getMaxRetries()).isEqualTo(2);
    }

    @Test
    void retriesTurnedOffStayOffWhenTheJobIsSavedAndLoadedAgain() {
        SnykProvisionUsersBuilder builder = load("<credentialsId>c</credentialsId><maxRetries>3</maxRetries>");
        builder.setMaxRetries(0);

        String saved = xstream().toXML(builder);
        SnykProvisionUsersBuilder loaded = (SnykProvisionUsersBuilder) xstream().fromXML(saved);

        assertThat(saved).contains("<retries>0</retries>").doesNotContain("maxRetries");
        assertThat(loaded.getMaxRetries()).isZero();
        loaded.setMaxRetries(null);
        assertThat(xstream().toXML(loaded)).doesNotContain("etries");
    }

    @Test
    void aModeWrittenInAnotherSpellingIsStillRead() {
        assertThat(load("<credentialsId>c</credentialsId><mode>update-roles</mode>").getMode()).isEqualTo(JobMode.updateRoles);
    }
}
