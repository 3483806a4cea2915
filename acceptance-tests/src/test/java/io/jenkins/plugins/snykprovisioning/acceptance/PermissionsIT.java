package io.jenkins.plugins.snykprovisioning.acceptance;

import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.BUILDER;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.CREDENTIALS_ID;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.GROUP;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.ORG;
import static io.jenkins.plugins.snykprovisioning.acceptance.SimulatedSnykForJenkins.credentialsDropDown;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin under matrix-based security (matrix-auth), with a user per level: Overall/Read (and Job/Read, to
 * see the job), Job/Build, Job/Configure, and admin. The credentials drop-down lists credentials to those who
 * may configure the job (Item/ExtendedRead, implied by Configure); Test connection uses credentials, so it
 * needs Job/Configure (Overall/Administer outside a job); a user who may only build cannot make a build use
 * credentials other than the job's own through a credentials parameter, and nothing is sent to Snyk.
 */
@WithLocalJenkins
@RequiresPlugins("matrix-auth")
class PermissionsIT {

    private static final String JOB = "permissions-onboarding";
    private static final String OTHER_CREDENTIALS = "snyk-other-tenant";
    private static final String READER = "perm-reader";
    private static final String BUILD_USER = "perm-builder";
    private static final String CONFIGURER = "perm-configurer";

    private static SimulatedSnykForJenkins snyk;
    private static final Map<String, JenkinsClient> USERS = new LinkedHashMap<>();

    @BeforeAll
    static void start(LocalJenkins jenkins) {
        snyk = SimulatedSnykForJenkins.start(jenkins);
        // Snyk would accept this token: a build that fails without using it fails on Jenkins' rules, not Snyk's.
        snyk.secretText(OTHER_CREDENTIALS, snyk.addToken("jenkins-other-tenant"));
        snyk.freestyleJob(JOB, Map.of("credentialsId", "${SNYK_CRED}", "orgId", ORG, "groupId", GROUP, "users", "${USERS}"), """
                <hudson.model.ParametersDefinitionProperty>
                  <parameterDefinitions>
                    <hudson.model.TextParameterDefinition><name>USERS</name><defaultValue></defaultValue></hudson.model.TextParameterDefinition>
                    %s
                  </parameterDefinitions>
                </hudson.model.ParametersDefinitionProperty>
                """.formatted(SimulatedSnykForJenkins.secretTextParameter("SNYK_CRED", CREDENTIALS_ID)));

        String tokens = jenkins.scriptConsole("""
                import hudson.model.User
                import jenkins.security.ApiTokenProperty
                def realm = jenkins.model.Jenkins.get().securityRealm
                ['%s', '%s', '%s'].each { id ->
                    if (realm.getUser(id) == null) {
                        realm.createAccount(id, UUID.randomUUID().toString())
                    }
                    def user = User.getById(id, true)
                    def property = user.getProperty(ApiTokenProperty)
                    if (property == null) {
                        property = new ApiTokenProperty()
                        user.addProperty(property)
                    }
                    println(id + '=' + property.tokenStore.generateNewToken('acceptance').plainValue)
                    user.save()
                }
                """.formatted(READER, BUILD_USER, CONFIGURER));
        tokens.lines().filter(line -> line.contains("=")).forEach(line -> {
            String id = line.substring(0, line.indexOf('='));
            USERS.put(id, jenkins.as(id, line.substring(line.indexOf('=') + 1).trim()));
        });
        USERS.put("admin", jenkins);
        assertThat(USERS).containsOnlyKeys(READER, BUILD_USER, CONFIGURER, "admin");

        jenkins.scriptConsole("""
                import hudson.model.Item
                import hudson.security.GlobalMatrixAuthorizationStrategy
                import jenkins.model.Jenkins
                import org.jenkinsci.plugins.matrixauth.PermissionEntry
                def strategy = new GlobalMatrixAuthorizationStrategy()
                strategy.add(Jenkins.ADMINISTER, PermissionEntry.user('admin'))
                ['%1$s', '%2$s', '%3$s'].each { id ->
                    strategy.add(Jenkins.READ, PermissionEntry.user(id))
                    strategy.add(Item.READ, PermissionEntry.user(id))
                }
                strategy.add(Item.BUILD, PermissionEntry.user('%2$s'))
                strategy.add(Item.CONFIGURE, PermissionEntry.user('%3$s'))
                Jenkins.get().authorizationStrategy = strategy
                Jenkins.get().save()
                """.formatted(READER, BUILD_USER, CONFIGURER));
    }

    @AfterAll
    static void stop() {
        if (snyk != null) {
            // Back to the harness's security: any logged-in user may do anything, anonymous users nothing.
            snyk.jenkins.scriptConsole("""
                    def authorization = new hudson.security.FullControlOnceLoggedInAuthorizationStrategy()
                    authorization.allowAnonymousRead = false
                    jenkins.model.Jenkins.get().authorizationStrategy = authorization
                    jenkins.model.Jenkins.get().save()
                    """);
            snyk.close();
        }
    }

    @Test
    void theCredentialsDropDownListsCredentialsOnlyToThoseWhoMayConfigureTheJob() {
        assertThat(credentialsDropDown(USERS.get(READER), JOB)).doesNotContain(CREDENTIALS_ID, OTHER_CREDENTIALS);
        assertThat(credentialsDropDown(USERS.get(BUILD_USER), JOB)).doesNotContain(CREDENTIALS_ID, OTHER_CREDENTIALS);
        assertThat(credentialsDropDown(USERS.get(CONFIGURER), JOB)).contains(CREDENTIALS_ID, OTHER_CREDENTIALS);
        assertThat(credentialsDropDown(USERS.get("admin"), JOB)).contains(CREDENTIALS_ID, OTHER_CREDENTIALS);
    }

    @Test
    void testConnectionNeedsJobConfigureInAJobAndAdministerOutsideOne() {
        String inJob = JenkinsClient.jobPath(JOB) + "descriptorByName/" + BUILDER + "/testConnection";
        String atRoot = "descriptorByName/" + BUILDER + "/testConnection";
        Map<String, String> form = Map.of("credentialsId", CREDENTIALS_ID, "region", "");

        for (String refused : new String[] {READER, BUILD_USER}) {
            long before = snyk.lastRequest();
            LocalJenkins.Response answer = USERS.get(refused).postForm(inJob, form);
            assertThat(answer.status()).as(refused).isEqualTo(403);
            assertThat(answer.body()).as(refused).doesNotContain("Connected to");
            assertThat(snyk.simulator.requests().since(before)).as("requests to Snyk for %s", refused).isEmpty();
        }
        for (String allowed : new String[] {CONFIGURER, "admin"}) {
            LocalJenkins.Response answer = USERS.get(allowed).postForm(inJob, form);
            assertThat(answer.status()).as(allowed).isEqualTo(200);
            assertThat(answer.body()).as(allowed).contains("Connected to " + snyk.simulator.baseUrl());
        }
        assertThat(USERS.get(CONFIGURER).postForm(atRoot, form).status()).isEqualTo(403);
        assertThat(USERS.get("admin").postForm(atRoot, form).body()).contains("Connected to ");
    }

    @Test
    void aUserWhoMayOnlyBuildCannotPickOtherCredentialsThroughTheParameterAndNothingIsSent() {
        JenkinsClient builder = USERS.get(BUILD_USER);

        // The job's own credentials (the parameter's default) work for this user...
        int allowed = builder.build(JOB, Map.of("USERS", "email,role\nperm-own@example.com,Developer\n",
                "SNYK_CRED", CREDENTIALS_ID));
        LocalJenkins.Build own = builder.waitForBuild(JOB, allowed, SimulatedSnykForJenkins.BUILD_TIMEOUT);
        assertThat(own.result()).as(snyk.console(own)).isEqualTo("SUCCESS");
        assertThat(snyk.pending("perm-own@example.com")).isTrue();

        // ...other credentials do not: the build fails before any request.
        long before = snyk.lastRequest();
        int refused = builder.build(JOB, Map.of("USERS", "email,role\nperm-other@example.com,Developer\n",
                "SNYK_CRED", OTHER_CREDENTIALS));
        LocalJenkins.Build other = builder.waitForBuild(JOB, refused, SimulatedSnykForJenkins.BUILD_TIMEOUT);

        assertThat(other.result()).isEqualTo("FAILURE");
        assertThat(snyk.console(other)).contains("No Secret text credentials with id '" + OTHER_CREDENTIALS + "'");
        assertThat(snyk.simulator.requests().since(before)).as("requests to Snyk").isEmpty();
        assertThat(snyk.pending("perm-other@example.com")).isFalse();
    }
}
