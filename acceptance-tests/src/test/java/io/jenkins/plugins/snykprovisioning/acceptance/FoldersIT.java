package io.jenkins.plugins.snykprovisioning.acceptance;

import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.CREDENTIALS_ID;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.GROUP;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.ORG;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.credentialsDropDown;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.snykprovisioning.simulator.LoggedRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Secret text credentials kept in a folder (cloudbees-folder): the jobs inside the folder may use them, the
 * jobs outside may not, and each job's credentials drop-down offers what that job may use.
 */
@WithLocalJenkins
@RequiresPlugins("cloudbees-folder")
class FoldersIT {

    private static final String FOLDER = "snyk-team";
    private static final String FOLDER_CREDENTIALS = "snyk-team-token";
    private static final String FOLDER_TOKEN_LABEL = "jenkins-folder";
    private static final String INSIDE = FOLDER + "/onboarding-in-folder";
    private static final String OUTSIDE = "onboarding-outside-folder";

    private static SimulatedSnykForJenkins snyk;

    @BeforeAll
    static void start(LocalJenkins jenkins) {
        snyk = SimulatedSnykForJenkins.start(jenkins);
        jenkins.scriptConsole("jenkins.model.Jenkins.get().createProject(com.cloudbees.hudson.plugins.folder.Folder, '"
                + FOLDER + "')");
        snyk.secretTextInFolder(FOLDER, FOLDER_CREDENTIALS, snyk.addToken(FOLDER_TOKEN_LABEL));
        for (String job : new String[] {INSIDE, OUTSIDE}) {
            snyk.freestyleJob(job, Map.of("credentialsId", FOLDER_CREDENTIALS, "orgId", ORG, "groupId", GROUP,
                    "users", "email,role\n" + email(job) + ",Developer\n"), "");
        }
    }

    @AfterAll
    static void stop() {
        if (snyk != null) {
            snyk.close();
        }
    }

    /** The one user each job provisions. */
    private static String email(String job) {
        return job.substring(job.lastIndexOf('/') + 1) + "@example.com";
    }

    @Test
    void aJobInTheFolderProvisionsWithTheFoldersCredentials() {
        LocalJenkins.Build build = snyk.build(INSIDE, Map.of());
        String console = snyk.console(build);

        assertThat(build.result()).as(console).isEqualTo("SUCCESS");
        assertThat(snyk.pending(email(INSIDE))).isTrue();
        // Sent with the folder's token, not the global credentials' token.
        assertThat(snyk.writesMentioning(email(INSIDE))).isNotEmpty()
                .extracting(LoggedRequest::tokenLabel).containsOnly(FOLDER_TOKEN_LABEL);
        assertThat(console).doesNotContain(snyk.token);
    }

    @Test
    void aJobOutsideTheFolderCannotUseItsCredentialsAndSendsNothing() {
        long before = snyk.lastRequest();

        LocalJenkins.Build build = snyk.build(OUTSIDE, Map.of());

        assertThat(build.result()).isEqualTo("FAILURE");
        assertThat(snyk.console(build)).contains("No Secret text credentials with id '" + FOLDER_CREDENTIALS + "'");
        assertThat(snyk.simulator.requests().since(before)).as("requests to Snyk").isEmpty();
        assertThat(snyk.pending(email(OUTSIDE))).isFalse();
    }

    @Test
    void eachJobsCredentialsDropDownListsWhatItMayUse() {
        assertThat(credentialsDropDown(snyk.jenkins, INSIDE)).contains(FOLDER_CREDENTIALS, CREDENTIALS_ID);
        assertThat(credentialsDropDown(snyk.jenkins, OUTSIDE)).contains(CREDENTIALS_ID).doesNotContain(FOLDER_CREDENTIALS);
    }
}
