package io.jenkins.plugins.snykprovisioning.acceptance;

import io.jenkins.plugins.snykprovisioning.simulator.DemoState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * "Try it in Jenkins" ({@code scripts/try-in-jenkins}): the real Jenkins of the acceptance tests with the
 * freshly built plugin, the Snyk simulator's demo tenant as its Snyk, the Secret text credentials
 * {@value #CREDENTIALS_ID} and three example jobs; runs until Ctrl+C, then stops Jenkins cleanly.
 *
 * <p>The work folder is kept between runs (jobs, builds, credentials, the admin password) unless
 * {@code --fresh} is given; the simulator starts from the demo tenant every time.
 */
public final class TryInJenkins {

    static final String CREDENTIALS_ID = "snyk-token";
    static final String PIPELINE_JOB = "snyk-pipeline-example";
    static final String FREESTYLE_JOB = "snyk-freestyle-example";
    static final String ONBOARDING_JOB = "snyk-onboarding";

    private static final String USAGE = """
            Usage: scripts/try-in-jenkins [--port N] [--simulator-port N] [--work-dir DIR] [--fresh]
              --port N            Jenkins' port on 127.0.0.1 (default 8080; any free port when taken)
              --simulator-port N  the Snyk simulator's port (default 8089; any free port when taken)
              --work-dir DIR      where JENKINS_HOME and the log live (default acceptance-tests/target/try-in-jenkins)
              --fresh             start from an empty JENKINS_HOME instead of the one left by the last run
            """;

    private TryInJenkins() {
    }

    public static void main(String[] args) throws Exception {
        int port = 8080;
        int simulatorPort = 8089;
        Path requestedWorkDir = Path.of(System.getProperty("tryInJenkins.workDir", "acceptance-tests/target/try-in-jenkins"));
        boolean fresh = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--simulator-port" -> simulatorPort = Integer.parseInt(value(args, ++i));
                case "--work-dir" -> requestedWorkDir = Path.of(value(args, ++i));
                case "--fresh" -> fresh = true;
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return;
                }
                default -> usageError("Unknown option " + args[i]);
            }
        }
        Path workDir = requestedWorkDir.toAbsolutePath().normalize();
        Path projectRoot = LocalJenkinsExtension.projectRoot();

        JenkinsInstallation installation;
        try {
            installation = JenkinsInstallation.locate(System.getenv());
        } catch (JenkinsInstallation.MissingJenkinsException e) {
            System.err.println("Cannot start Jenkins: " + e.getMessage());
            System.exit(1);
            return;
        }
        boolean reused = !fresh && Files.isRegularFile(workDir.resolve("home/config.xml"));
        System.out.println("Starting Jenkins " + (reused ? "(keeping the jobs and builds of the last run) " : "")
                + "in " + workDir + " with " + installation.java() + " ...");
        LocalJenkins jenkins = LocalJenkins.start(installation, LocalJenkinsExtension.hpi(projectRoot), workDir, port,
                !fresh, Map.of());
        SimulatedSnykForJenkins snyk = SimulatedSnykForJenkins.startDemo(jenkins, simulatorPort, CREDENTIALS_ID);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Jenkins ...");
            jenkins.stop();
            snyk.simulator.stop();
            System.out.println("Stopped. Its files are kept in " + workDir);
        }, "stop try-in-jenkins"));

        createExampleJobs(snyk, projectRoot);
        System.out.print("""

                Jenkins %s with the Snyk User Provisioning plugin is up (in %.0f s):

                  Jenkins    %s
                  Log in as  admin, password %s
                             (also in %s)
                  Snyk       the simulator at %s (demo tenant: group %s,
                             orgs demo-platform %s and demo-payments %s);
                             the Secret text credentials '%s' hold its admin token
                  Jobs       %s (Pipeline), %s (freestyle),
                             %s (parameterized: org, users as CSV text, credentials, dry run)
                  Log        %s

                Press Ctrl+C to stop.
                """.formatted(jenkinsVersion(jenkins), jenkins.bootTime().toMillis() / 1000.0, jenkins.url(),
                jenkins.adminPassword(), jenkins.home().resolve(LocalJenkins.PASSWORD_FILE), snyk.simulator.baseUrl(),
                DemoState.GROUP_ID, DemoState.PLATFORM_ORG_ID, DemoState.PAYMENTS_ORG_ID, CREDENTIALS_ID, PIPELINE_JOB,
                FREESTYLE_JOB, ONBOARDING_JOB, workDir.resolve("jenkins.log")));
        jenkins.awaitExit();
    }

    /** The example jobs, each unless it is left from an earlier run (and maybe changed since). */
    static void createExampleJobs(SimulatedSnykForJenkins snyk, Path projectRoot) throws IOException {
        String ids = "credentialsId: '" + CREDENTIALS_ID + "', orgId: '" + DemoState.PLATFORM_ORG_ID + "', groupId: '"
                + DemoState.GROUP_ID + "'";
        if (isMissing(snyk.jenkins, PIPELINE_JOB)) {
            snyk.pipelineJob(PIPELINE_JOB, """
                    node {
                      // A user file would usually come from the repository; this one is written here.
                      writeFile file: 'onboarding/users.csv', text: '''email,role
                    erin@example.com,Developer
                    frank@example.com,Org Collaborator
                    carol@example.com,Developer
                    bob@example.com,Org Collaborator
                    '''
                      def r = snykProvisionUsers(%s, usersFile: 'onboarding/users.csv')
                      echo "new ${r.provisioned}, added to the org ${r.org_memberships}, role corrected ${r.role_updated}, failed ${r.failed} of ${r.total}"
                    }
                    """.formatted(ids));
            describe(snyk.jenkins, PIPELINE_JOB, "The Pipeline step snykProvisionUsers with a user file the job writes.");
        }
        if (isMissing(snyk.jenkins, FREESTYLE_JOB)) {
            snyk.freestyleJob(FREESTYLE_JOB, Map.of("credentialsId", CREDENTIALS_ID, "orgId", DemoState.PLATFORM_ORG_ID,
                    "groupId", DemoState.GROUP_ID, "usersFile", "users.csv"), "");
            snyk.workspaceFile(FREESTYLE_JOB, "users.csv", Files.readString(projectRoot.resolve("docs/examples/users.csv")));
            describe(snyk.jenkins, FREESTYLE_JOB, "The build step Provision users to Snyk with docs/examples/users.csv,"
                    + " which is in the workspace; one of its rows is not an email address, so the build is unstable.");
        }
        if (isMissing(snyk.jenkins, ONBOARDING_JOB)) {
            snyk.pipelineJob(ONBOARDING_JOB, """
                    <hudson.model.ParametersDefinitionProperty>
                      <parameterDefinitions>
                        <hudson.model.StringParameterDefinition>
                          <name>ORG</name>
                          <description>Snyk org id</description>
                          <defaultValue>%s</defaultValue>
                          <trim>true</trim>
                        </hudson.model.StringParameterDefinition>
                        <hudson.model.TextParameterDefinition>
                          <name>USERS</name>
                          <description>CSV: email,role (a role name or public id)</description>
                          <defaultValue>email,role
                    new-hire@example.com,Developer
                    alice@example.com,Org Admin
                    </defaultValue>
                        </hudson.model.TextParameterDefinition>
                        %s
                        <hudson.model.BooleanParameterDefinition>
                          <name>DRY_RUN</name>
                          <description>Only show what would be done</description>
                          <defaultValue>true</defaultValue>
                        </hudson.model.BooleanParameterDefinition>
                      </parameterDefinitions>
                    </hudson.model.ParametersDefinitionProperty>
                    """.formatted(DemoState.PLATFORM_ORG_ID, SimulatedSnykForJenkins.secretTextParameter("SNYK_CRED", CREDENTIALS_ID)), """
                    node {
                      // Single quotes: the step expands ${...} itself, and resolves the credentials parameter for this build.
                      def r = snykProvisionUsers(credentialsId: '${SNYK_CRED}', orgId: '${ORG}', groupId: '%s',
                                                 users: '${USERS}', dryRun: params.DRY_RUN, resultsFile: 'reports/${BUILD_NUMBER}.json')
                      currentBuild.description = "${r.total} users: ${r.provisioned} new, ${r.org_memberships} added, ${r.failed} failed"
                    }
                    """.formatted(DemoState.GROUP_ID));
            describe(snyk.jenkins, ONBOARDING_JOB, "Onboard people to an org: Build with Parameters.");
        }
    }

    private static boolean isMissing(LocalJenkins jenkins, String job) {
        return jenkins.get("job/" + job + "/api/json?tree=name").status() == 404;
    }

    private static void describe(LocalJenkins jenkins, String job, String description) {
        jenkins.postForm("job/" + job + "/submitDescription", Map.of("description", description));
    }

    private static String jenkinsVersion(LocalJenkins jenkins) {
        return jenkins.get("api/json?tree=nothing").headers().getOrDefault("x-jenkins", List.of("")).get(0);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            usageError(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static void usageError(String message) {
        System.err.println(message);
        System.err.print(USAGE);
        System.exit(2);
    }
}
