package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.snykprovisioning.simulator.DemoState;
import io.jenkins.plugins.snykprovisioning.simulator.Latency;
import io.jenkins.plugins.snykprovisioning.simulator.LoggedRequest;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorState;
import io.jenkins.plugins.snykprovisioning.simulator.SnykSimulator;
import io.jenkins.plugins.snykprovisioning.simulator.model.ApiToken;
import io.jenkins.plugins.snykprovisioning.simulator.model.TokenType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run both build steps share, driven without Jenkins against the simulator over HTTP. */
class BuildProvisioningTest {

    private static final String CREDENTIALS_ID = "snyk-token";
    private static final String RESULTS = ProvisioningSettings.DEFAULT_RESULTS_FILE;
    private static final String FAILED_CSV = "snyk-provisioning-results-failed.csv";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final String token = "jenkins-unit-token-" + UUID.randomUUID();
    private SnykSimulator simulator;
    private LocalBuild build;
    private TestSettings settings;

    @BeforeEach
    void start() throws IOException {
        SimulatorState state = DemoState.create();
        state.addToken(new ApiToken(token, "jenkins", DemoState.ADMIN_USER_ID, TokenType.PERSONAL, true));
        // In the platform, but in no org of the group: Snyk refuses to add this user.
        state.addUser("u-outsider", "outsider@example.com", "Outsider", "outsider", true);
        simulator = new SnykSimulator(state).start(0);
        build = new LocalBuild(dir);
        build.tokens.put(CREDENTIALS_ID, token);
        settings = new TestSettings();
        settings.credentialsId = CREDENTIALS_ID;
        settings.orgId = DemoState.PLATFORM_ORG_ID;
        settings.groupId = DemoState.GROUP_ID;
        settings.usersFile = "users.csv";
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    private BuildProvisioning provisioning() {
        return new BuildProvisioning(new BuildContext(build, build, build, build.log,
                new SnykApiDefaults("SNYK-US-01", simulator.baseUrl(), 4, 0, 2, 5, 1, null)));
    }

    private ProvisioningResult run() throws Exception {
        return (ProvisioningResult) provisioning().run(ResolvedSettings.of(settings, UnaryOperator.identity()));
    }

    private ExportResult export() throws Exception {
        return (ExportResult) provisioning().run(ResolvedSettings.of(settings, UnaryOperator.identity()));
    }

    private JsonNode results() throws IOException {
        return JSON.readTree(build.workspace.resolve(RESULTS).toFile());
    }

    private List<String> emails(JsonNode results, String category) {
        List<String> emails = new ArrayList<>();
        results.get(category).forEach(entry -> emails.add(entry.get("email").asText()));
        return emails;
    }

    private boolean pending(String email) {
        return simulator.state().pendingProvisions(DemoState.PLATFORM_ORG_ID).stream()
                .anyMatch(provision -> provision.email().equalsIgnoreCase(email));
    }

    /** Everything the run wrote or showed: the console, the workspace, the build's folder, the summary. */
    private String everythingWritten() throws IOException {
        StringBuilder all = new StringBuilder(build.console());
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(file));
            }
        }
        for (ProvisioningSummaryAction summary : build.summaries) {
            all.append(summary.getHeadline()).append(summary.getFatalError());
            summary.getFailedUsers().forEach(user -> all.append(user.getError()));
        }
        return all.toString();
    }

    @Test
    void provisionsFromTheWorkspaceFileAndKeepsTheResultsWithTheBuild() throws Exception {
        build.write("users.csv", "email,role\nerin@example.com,Org Collaborator\nfrank@example.com,Developer\n"
                + "carol@example.com,Org Collaborator\n");
        // An earlier run's failed rows, which this run must not leave to be taken for its own.
        build.write(FAILED_CSV, "email,role_public_id,org_id,user_id,line,error\nold@example.com,,,,2,refused\n");

        ProvisioningResult result = run();

        assertThat(result.usersFailed()).isFalse();
        Map<String, Object> value = new LinkedHashMap<>();
        value.putAll(Map.of("provisioned", 2L, "already_provisioned", 0L, "org_memberships", 1L, "already_added", 0L,
                "role_updated", 0L, "removed", 0L, "pending_deleted", 0L, "failed", 0L, "skipped", 0L));
        value.putAll(Map.of("total", 3L, "complete", true, "dryRun", false));
        value.put("resultsFile", RESULTS);
        value.put("failedCsv", null);
        assertThat(result.stepValue()).containsExactlyInAnyOrderEntriesOf(value);
        assertThat(pending("erin@example.com")).isTrue();
        assertThat(pending("frank@example.com")).isTrue();
        assertThat(simulator.state().memberRole(DemoState.PLATFORM_ORG_ID, DemoState.CAROL_USER_ID)).isPresent();

        assertThat(emails(results(), "provisioned")).containsExactlyInAnyOrder("erin@example.com", "frank@example.com");
        assertThat(results().at("/summary/complete").asBoolean()).isTrue();
        // No row failed: no header-only failed rows file, archived, copied or linked.
        assertThat(build.workspace.resolve(FAILED_CSV)).doesNotExist();
        assertThat(build.artifacts.resolve(RESULTS)).hasSameTextualContentAs(build.workspace.resolve(RESULTS));
        assertThat(build.artifacts.resolve(FAILED_CSV)).doesNotExist();
        assertThat(build.buildFolder.resolve("snyk-provisioning")).as("the artifacts are the build's one copy of the results")
                .isEmptyDirectory();

        assertThat(build.summaries).singleElement().satisfies(summary -> {
            assertThat(summary.getCounts()).containsEntry("provisioned", 2L).containsEntry("org_memberships", 1L)
                    .containsEntry("failed", 0L);
            assertThat(summary.getTotal()).isEqualTo(3);
            assertThat(summary.isComplete()).isTrue();
            assertThat(summary.isArchived()).isTrue();
            assertThat(summary.getFailedUsers()).isEmpty();
            assertThat(summary.getResultsFile()).isEqualTo(RESULTS);
            assertThat(summary.getFailedCsv()).isNull();
            assertThat(summary.getHeadline()).isEqualTo("3 user row(s), mode provision: every user done");
        });
        assertThat(build.console()).contains(
                "Snyk user provisioning: mode provision, users from users.csv, org " + DemoState.PLATFORM_ORG_ID
                        + ", group " + DemoState.GROUP_ID + ", API " + simulator.baseUrl(),
                "provision of 3 user row(s) from users.csv in 1 org(s)",
                "Snyk provisioning summary", "Provisioned (new users)", "Results:     " + RESULTS,
                "Failed rows: none", "Archived with the build.");
        assertThat(everythingWritten()).doesNotContain(token);
    }

    @Test
    void failedUsersAreListedWithTheirReasonsAndNeverShowTheToken() throws Exception {
        // Snyk's error texts would carry the Authorization header; the engine must redact it.
        simulator.config().setEchoTokenInErrors(true);
        build.write("users.csv", "email,role\nerin@example.com,Org Collaborator\nnot-an-email,Org Collaborator\n"
                + "gina@example.com,No Such Role\noutsider@example.com,Org Collaborator\n");

        ProvisioningResult result = run();

        assertThat(result.usersFailed()).isTrue();
        assertThat(result.stepValue()).containsEntry("failed", 3L).containsEntry("provisioned", 1L)
                .containsEntry("complete", true);
        ProvisioningSummaryAction summary = build.summaries.get(0);
        assertThat(summary.getFailedUsers()).extracting(ProvisioningSummaryAction.FailedUser::getEmail)
                .containsExactlyInAnyOrder("not-an-email", "gina@example.com", "outsider@example.com");
        assertThat(summary.getFailedUsers()).filteredOn(user -> user.getEmail().equals("not-an-email")).singleElement()
                .satisfies(user -> {
                    assertThat(user.getLine()).isEqualTo(3);
                    assertThat(user.getError()).isEqualTo("'not-an-email' is not a valid email address");
                    assertThat(user.getOrgId()).isEqualTo(DemoState.PLATFORM_ORG_ID);
                });
        assertThat(summary.getFailedUsersNote()).isNull();
        assertThat(summary.getHeadline()).isEqualTo("4 user row(s), mode provision: 3 failed");
        assertThat(Files.readAllLines(build.workspace.resolve(FAILED_CSV))).hasSize(4);
        assertThat(build.artifacts.resolve(FAILED_CSV)).hasSameTextualContentAs(build.workspace.resolve(FAILED_CSV));
        assertThat(result.stepValue()).containsEntry("failedCsv", FAILED_CSV);
        assertThat(summary.getFailedCsv()).isEqualTo(FAILED_CSV);
        assertThat(build.console()).contains("FAILED outsider@example.com",
                "Failed rows: " + FAILED_CSV + " (in the workspace; fix them and run again");
        assertThat(simulator.requests().entries()).anyMatch(request -> request.status() >= 400);
        assertThat(everythingWritten()).doesNotContain(token);
    }

    @Test
    void failOnUserErrorsFailsTheBuildAfterKeepingTheResults() throws Exception {
        settings.failOnUserErrors = true;
        build.write("users.csv", "email,role\nerin@example.com,Org Collaborator\nnot-an-email,Org Collaborator\n");

        assertThatThrownBy(this::run).isInstanceOf(ProvisioningException.class)
                .hasMessage("1 user(s) failed, and failOnUserErrors is set");

        assertThat(build.summaries).singleElement().satisfies(summary -> assertThat(summary.getFailed()).isEqualTo(1));
        assertThat(build.artifacts.resolve(FAILED_CSV)).content().contains("not-an-email");
    }

    @Test
    void aRejectedTokenStopsTheRunWithSnyksAnswerAndKeepsWhatWasRecorded() throws Exception {
        String wrongToken = "not-a-valid-token-" + UUID.randomUUID();
        build.tokens.put(CREDENTIALS_ID, wrongToken);
        // Snyk's error text would carry the Authorization header; the engine must redact it.
        simulator.config().setEchoTokenInErrors(true);
        build.write("users.csv", "email,role\nerin@example.com,Org Collaborator\n");

        Throwable stopped = catchThrowable(this::run);
        assertThat(stopped).isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("check the token and the region");
        // Jenkins prints the build's failure as "ERROR: <message>": the summary does not say it first as "Error:".
        assertThat(build.console()).doesNotContain(stopped.getMessage()).doesNotContain("Error:")
                .contains("Snyk provisioning summary");

        assertThat(simulator.requests().writes()).isEmpty();
        assertThat(results().at("/summary/complete").asBoolean()).isFalse();
        assertThat(results().at("/summary/fatal_error").asText()).contains("HTTP 401");
        assertThat(build.artifacts.resolve(RESULTS)).exists();
        assertThat(build.summaries).singleElement().satisfies(summary -> {
            assertThat(summary.getFatalError()).contains("HTTP 401");
            assertThat(summary.getHeadline()).endsWith("stopped on an error");
        });
        assertThat(everythingWritten()).doesNotContain(wrongToken).contains("****");
    }

    @Test
    void rowsWithoutAnOrgAndNoOrgIdFailTheBuildBeforeAnythingIsSent() throws Exception {
        settings.orgId = null;
        build.write("users.csv", "email,role\nerin@example.com,Org Collaborator\n");

        assertThatThrownBy(this::run).isInstanceOf(ProvisioningException.class)
                .hasMessageStartingWith("1 row(s) have no org_id and no default org id was given (on line(s) 2)")
                .hasMessageContaining("orgId in Jenkins");
        assertThat(simulator.requests().count()).isZero();
        assertThat(results().at("/summary/refused").asBoolean()).isTrue();
    }

    @Test
    void aTokenThatCannotDoTheJobFailsTheBuildBeforeAnyWrite() throws Exception {
        build.tokens.put(CREDENTIALS_ID, DemoState.VIEWER_TOKEN);
        build.write("users.csv", "email,role\nerin@example.com,Org Collaborator\nfrank@example.com,Developer\n");

        assertThatThrownBy(this::run).isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("is Org Collaborator of org " + DemoState.PLATFORM_ORG_ID)
                .hasMessageContaining("Use the personal API token of an Org Admin");
        assertThat(simulator.requests().writes()).isEmpty();
        assertThat(results().at("/summary/refused").asBoolean()).isTrue();
        assertThat(results().at("/summary/not_processed").asInt()).isEqualTo(2);
        assertThat(build.summaries).singleElement().extracting(ProvisioningSummaryAction::getHeadline)
                .isEqualTo("2 user row(s), mode provision: refused before anything was written");
    }

    @Test
    void unknownCredentialsFailBeforeAnythingIsSent() throws Exception {
        settings.credentialsId = "no-such-credentials";
        build.write("users.csv", "email,role\nerin@example.com,Org Collaborator\n");

        assertThatThrownBy(this::run).isInstanceOf(ProvisioningException.class)
                .hasMessageStartingWith("No Secret text credentials with id 'no-such-credentials'");
        assertThat(simulator.requests().count()).isZero();
        assertThat(build.summaries).isEmpty();
    }

    @Test
    void aMissingUserFileFailsBeforeAnythingIsSent() throws Exception {
        settings.usersFile = "missing.csv";

        assertThatThrownBy(this::run).isInstanceOf(ProvisioningException.class)
                .hasMessage("missing.csv: no such file in the workspace");
        assertThat(simulator.requests().count()).isZero();
        assertThat(build.summaries).isEmpty();
    }

    @Test
    void anInvalidUserFileStopsTheRunBeforeAnyUserIsSent() throws Exception {
        build.write("users.csv", "name,team\nErin,blue\n");

        assertThatThrownBy(this::run).isInstanceOf(ProvisioningException.class).hasMessageStartingWith("users.csv");

        assertThat(simulator.requests().writes()).isEmpty();
        assertThat(build.summaries).singleElement()
                .satisfies(summary -> assertThat(summary.getFatalError()).startsWith("users.csv"));
        assertThat(results().at("/summary/complete").asBoolean()).isFalse();
    }

    @Test
    void pathsLeavingTheWorkspaceAreRefused() throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.csv"), "email,role\nerin@example.com,Org Collaborator\n");
        Files.createSymbolicLink(build.workspace.resolve("link.csv"), outside);

        for (String path : List.of("../outside.csv", outside.toString(), "sub/../../outside.csv")) {
            settings.usersFile = path;
            assertThatThrownBy(this::run).as(path).isInstanceOf(ProvisioningException.class)
                    .hasMessageContaining("usersFile: ");
        }
        settings.usersFile = "link.csv";
        assertThatThrownBy(this::run).isInstanceOf(ProvisioningException.class)
                .hasMessage("link.csv leads outside the workspace (through a symbolic link); refused");
        settings.usersFile = "users.csv";
        build.write("users.csv", "email,role\nerin@example.com,Org Collaborator\n");
        settings.resultsFile = "../results.json";
        assertThatThrownBy(this::run).isInstanceOf(ProvisioningException.class).hasMessageContaining("resultsFile: ");

        assertThat(simulator.requests().count()).isZero();
    }

    @Test
    void aDryRunChangesNothing() throws Exception {
        settings.dryRun = true;
        build.write("users.csv", "email,role\nerin@example.com,Org Collaborator\ncarol@example.com,Developer\n");

        ProvisioningResult result = run();

        assertThat(simulator.requests().writes()).isEmpty();
        assertThat(simulator.requests().count()).isPositive();
        assertThat(pending("erin@example.com")).isFalse();
        assertThat(result.stepValue()).containsEntry("dryRun", true).containsEntry("complete", true)
                .containsEntry("total", 2L);
        assertThat(results().at("/summary/dry_run").asBoolean()).isTrue();
        ProvisioningSummaryAction summary = build.summaries.get(0);
        assertThat(summary.getHeadline()).endsWith("(dry run: nothing was changed)");
        // What a dry run did not do is said as what would be done, in the console, the table and the bar.
        assertThat(summary.getOutcomes()).extracting(ProvisioningSummaryAction.OutcomeCount::getLabel)
                .contains("Would be provisioned (new users)", "Role would be updated", "Already provisioned", "Failed")
                .doesNotContain("Provisioned (new users)", "Role updated");
        assertThat(summary.getOutcomeBar().getDescription()).contains("Would be provisioned (new users) 1");
        assertThat(build.console()).contains("dry run (nothing will be changed)");
        assertThat(build.console().lines()).as("the summary table")
                .contains("Would be provisioned (new users)          1", "Would be added (existing users)           1")
                .noneMatch(line -> line.startsWith("Provisioned (new users) ") || line.startsWith("Added to org"));
    }

    @Test
    void inlineUsersAndIdsComeFromTheBuildEnvironment() throws Exception {
        settings.usersFile = null;
        settings.users = "${USERS}";
        settings.orgId = "${ORG}";
        settings.resultsFile = "out/${RESULTS}";
        Map<String, String> environment = Map.of("USERS", "email,role\nerin@example.com,Org Collaborator\n",
                "ORG", DemoState.PLATFORM_ORG_ID, "RESULTS", "run.json");

        ProvisioningResult result = provisioning().provision(ResolvedSettings.of(settings, text -> expand(text, environment)));

        assertThat(result.stepValue()).containsEntry("provisioned", 1L).containsEntry("resultsFile", "out/run.json")
                .containsEntry("failedCsv", null);
        assertThat(build.workspace.resolve("out/run.json")).exists();
        assertThat(build.artifacts.resolve("out/run.json")).exists();
        assertThat(build.artifacts.resolve("out/run-failed.csv")).doesNotExist();
        assertThat(build.console()).contains("users from users (inline)");
        assertThat(pending("erin@example.com")).isTrue();
    }

    @Test
    void aJobsRetriesReplaceTheGlobalOnes() throws Exception {
        build.write("users.csv", "email,role\nerin@example.com,Org Collaborator\n");
        simulator.config().setServerErrorRate(1.0);
        String roles = "/v1/group/" + DemoState.GROUP_ID + "/roles";

        assertThatThrownBy(this::run).isInstanceOf(ProvisioningException.class).hasMessageContaining("HTTP 5");
        assertThat(simulator.requests().count("GET", roles)).as("the global setting: 1 retry").isEqualTo(2);

        simulator.requests().clear();
        settings.maxRetries = 3;
        assertThatThrownBy(this::run).isInstanceOf(ProvisioningException.class);
        assertThat(simulator.requests().count("GET", roles)).as("the job's setting: 3 retries").isEqualTo(4);

        simulator.requests().clear();
        settings.maxRetries = 0;
        assertThatThrownBy(this::run).isInstanceOf(ProvisioningException.class);
        assertThat(simulator.requests().count("GET", roles)).as("the job's setting: no retries").isEqualTo(1);
    }

    @Test
    void anAbortedRunKeepsItsPartialResultsAndAResumeFinishesWithoutRepeatingWrites() throws Exception {
        int users = 150;
        build.write("users.csv", "email,role\n" + IntStream.rangeClosed(1, users)
                .mapToObj(i -> String.format("bulk%03d@example.com,Org Collaborator%n", i)).collect(Collectors.joining()));
        settings.concurrency = 2;
        simulator.config().setLatency(Latency.fixed(40));

        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread buildThread = new Thread(() -> {
            try {
                run();
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "aborted build");
        buildThread.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (simulator.requests().writes().size() < 20 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        buildThread.interrupt();
        buildThread.join(30_000);

        assertThat(buildThread.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class)
                .hasMessageContaining("the results so far are kept");
        int writesWhenAborted = simulator.requests().writes().size();
        assertThat(writesWhenAborted).isBetween(20, users - 1);
        JsonNode partial = results();
        assertThat(partial.at("/summary/complete").asBoolean()).isFalse();
        assertThat(partial.at("/summary/interrupted").asBoolean()).isTrue();
        assertThat(build.artifacts.resolve(RESULTS)).hasSameTextualContentAs(build.workspace.resolve(RESULTS));
        assertThat(build.summaries).singleElement().satisfies(summary -> {
            assertThat(summary.isInterrupted()).isTrue();
            assertThat(summary.getHeadline()).endsWith("interrupted, results incomplete");
        });
        List<String> doneBeforeAbort = emails(partial, "provisioned");
        assertThat(doneBeforeAbort).isNotEmpty().hasSizeLessThan(users);
        Thread.sleep(200);
        assertThat(simulator.requests().writes()).as("no request after the abort").hasSize(writesWhenAborted);

        simulator.config().setLatency(Latency.NONE);
        long resumedFrom = simulator.requests().count();
        settings.resumeFrom = RESULTS;
        ProvisioningResult resumed = run();

        assertThat(resumed.stepValue()).containsEntry("complete", true).containsEntry("failed", 0L)
                .containsEntry("total", (long) users);
        List<LoggedRequest> resumedWrites = simulator.requests().writes().stream()
                .filter(request -> request.sequence() > resumedFrom).toList();
        assertThat(resumedWrites).hasSizeLessThanOrEqualTo(users - doneBeforeAbort.size());
        for (String email : doneBeforeAbort) {
            assertThat(resumedWrites).as(email).noneMatch(request -> request.requestBody().contains(email));
        }
        for (int i = 1; i <= users; i++) {
            assertThat(pending(String.format("bulk%03d@example.com", i))).isTrue();
        }
        assertThat(build.console()).contains(doneBeforeAbort.size() + " user(s) already done by the earlier run");
    }

    @Test
    void aFileOfHugeInvalidEmailsLeavesASmallBuildRecord() throws Exception {
        // 300 distinct invalid 60,000-character "emails": an 18 MB file, well inside the 64 MB limit.
        Path users = build.write("users.csv", "email,role\n" + IntStream.range(0, 300)
                .mapToObj(i -> String.format("%05d", i) + "x".repeat(59_995) + ",Org Collaborator\n")
                .collect(Collectors.joining()));

        ProvisioningResult result = run();

        assertThat(result.stepValue()).containsEntry("failed", 300L);
        ProvisioningSummaryAction summary = build.summaries.get(0);
        long kept = summary.getFailedUsers().stream()
                .mapToLong(user -> user.getEmail().length() + user.getOrgId().length() + user.getError().length()).sum();
        assertThat(summary.getFailedUsers()).hasSize(ProvisioningSummaryAction.MAX_FAILED_USERS);
        assertThat(kept).as("characters of the failed users saved with the build").isLessThan(100_000);
        long buildFolder;
        try (Stream<Path> files = Files.walk(build.buildFolder)) {
            buildFolder = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
        assertThat(buildFolder).as("bytes in the build folder, for a %d-byte input", Files.size(users)).isLessThan(1024 * 1024);
    }

    @Test
    void onlyAFailedRowsFileWithARowBelowItsHeaderIsKept() throws Exception {
        assertThat(BuildProvisioning.hasRows(dir.resolve("missing.csv"))).isFalse();
        assertThat(BuildProvisioning.hasRows(Files.writeString(dir.resolve("empty.csv"), ""))).isFalse();
        assertThat(BuildProvisioning.hasRows(Files.writeString(dir.resolve("header.csv"), "email,role,error\n"))).isFalse();
        assertThat(BuildProvisioning.hasRows(Files.writeString(dir.resolve("row.csv"), "email,role,error\nx,y,z"))).isTrue();
    }

    // Sync, offboarding and export. The demo org: admin@ (the token's user) and ci-bot@ (a service account) are Org
    // Admins, alice@ an Org Collaborator, bob@ a Developer, dave@ pending; carol@ is a member of the other org.

    /** The desired state of the demo org: erin new, carol added, bob re-roled; alice and dave's provision left out. */
    private static final String DESIRED = "email,role\nerin@example.com,Developer\ncarol@example.com,Developer\n"
            + "bob@example.com,Org Collaborator\n";
    private static final String PLAN = ProvisioningSettings.DEFAULT_PLAN_FILE;

    private void syncSettings() throws IOException {
        build.write("users.csv", DESIRED);
        settings.mode = JobMode.sync;
        settings.removeMissing = true;
        settings.maxRemovals = "50%";
    }

    /**
     * Settings to apply the plan in the workspace with new credentials holding another token of the admin: listing the
     * group's people, which a plan and its apply both do, is allowed about once a minute per token.
     */
    private void applySettings() {
        String credentialsId = "snyk-token-" + UUID.randomUUID();
        String another = "jenkins-unit-token-" + UUID.randomUUID();
        simulator.state().addToken(new ApiToken(another, "jenkins-apply", DemoState.ADMIN_USER_ID, TokenType.PERSONAL, true));
        build.tokens.put(credentialsId, another);
        settings.credentialsId = credentialsId;
        settings.usersFile = null;
        settings.applyPlan = PLAN;
    }

    private String roleOf(String orgId, String userId) {
        return simulator.state().memberRole(orgId, userId).map(role -> role.name()).orElse(null);
    }

    @Test
    void aSyncPlanChangesNothingReturnsTheCountOfEachActionAndKeepsThePlanWithTheBuild() throws Exception {
        syncSettings();
        build.write(PLAN, "an earlier plan");

        ProvisioningResult result = run();

        assertThat(simulator.requests().writes()).as("a plan only reads").isEmpty();
        Map<String, Object> value = result.stepValue();
        assertThat(value).containsEntry("provision", 1L).containsEntry("add_membership", 1L).containsEntry("change_role", 1L)
                .containsEntry("replace_pending_provision", 0L).containsEntry("remove_member", 1L)
                .containsEntry("delete_pending_provision", 1L).containsEntry("changes", 5L).containsEntry("planFile", PLAN)
                .containsEntry("applied", false).containsEntry("dryRun", true).containsEntry("complete", true);
        String planId = (String) value.get("planId");
        assertThat(planId).isNotBlank();
        JsonNode plan = JSON.readTree(build.workspace.resolve(PLAN).toFile());
        assertThat(plan.path("id").asText()).isEqualTo(planId);
        assertThat(plan.path("actions")).hasSize(5);
        assertThat(build.artifacts.resolve(PLAN)).hasSameTextualContentAs(build.workspace.resolve(PLAN));
        assertThat(result.unstableReason()).as("unstableOnChanges is not set").isNull();

        ProvisioningSummaryAction summary = build.summaries.get(0);
        assertThat(summary.getHeadline()).isEqualTo("5 change(s) planned, mode sync: limits held (plan only: nothing was changed)");
        PlanView view = summary.getPlan();
        assertThat(view.getId()).isEqualTo(planId);
        assertThat(view.isMade()).isTrue();
        assertThat(view.isApplied()).isFalse();
        assertThat(view.getPlanFile()).isEqualTo(PLAN);
        assertThat(view.getSummary()).isEqualTo("+2 ~1 \u22122");
        assertThat(view.getLimits()).isEqualTo("at most 50% of each org's members and pending provisions removed; "
                + "at least 1 Org Admin(s) left in each org");
        assertThat(view.isRefused()).isFalse();
        assertThat(view.getOrgs()).singleElement().satisfies(org -> {
            assertThat(org.getOrgId()).isEqualTo(DemoState.PLATFORM_ORG_ID);
            assertThat(org.getBefore()).isEqualTo("4 member(s), 1 pending provision(s), 2 Org Admin(s) before");
            assertThat(org.getChanges()).extracting(change -> change.getSign() + " " + change.getUser() + ": " + change.getDescription())
                    .containsExactlyInAnyOrder("+ erin@example.com: provision as Developer (line 2)",
                            "+ carol@example.com: add to the org as Developer (line 3)",
                            "~ bob@example.com: role Developer \u2192 Org Collaborator (line 4)",
                            "\u2212 alice@example.com: remove from the org (now Org Collaborator)",
                            "\u2212 dave@example.com: delete the pending provision (as Org Collaborator)");
        });
        assertThat(view.getNotes()).anyMatch(note -> note.contains("admin@example.com keeps its membership: the token's own user"))
                .anyMatch(note -> note.contains("ci-bot@example.com keeps its membership"));
        assertThat(summary.getOutcomes()).extracting(ProvisioningSummaryAction.OutcomeCount::getLabel)
                .contains("Would be removed from org", "Pending provision would be deleted");
        assertThat(build.console()).contains("plan only (nothing will be changed)", "Plan " + planId,
                "Plan:        " + PLAN + " (in the workspace)");
        assertThat(everythingWritten()).doesNotContain(token);
    }

    @Test
    void aPlanIsAppliedByALaterBuildOnceAndASecondApplyChangesNothing() throws Exception {
        syncSettings();
        String planId = (String) run().stepValue().get("planId");
        applySettings();
        settings.dryRun = true;
        ProvisioningResult rehearsed = run();
        assertThat(simulator.requests().writes()).as("a dry run of an apply sends nothing").isEmpty();
        assertThat(rehearsed.stepValue()).containsEntry("removed", 1L).containsEntry("applied", false).containsEntry("dryRun", true);
        applySettings();
        settings.dryRun = false;

        ProvisioningResult applied = run();

        assertThat(applied.stepValue()).containsEntry("removed", 1L).containsEntry("pending_deleted", 1L)
                .containsEntry("provisioned", 1L).containsEntry("org_memberships", 1L).containsEntry("role_updated", 1L)
                .containsEntry("failed", 0L).containsEntry("applied", true).containsEntry("planId", planId)
                .containsEntry("planFile", PLAN).containsEntry("dryRun", false);
        assertThat(roleOf(DemoState.PLATFORM_ORG_ID, DemoState.ALICE_USER_ID)).isNull();
        assertThat(pending(DemoState.PENDING_EMAIL)).isFalse();
        assertThat(pending("erin@example.com")).isTrue();
        assertThat(roleOf(DemoState.PLATFORM_ORG_ID, DemoState.BOB_USER_ID)).isEqualTo("Org Collaborator");
        assertThat(roleOf(DemoState.PLATFORM_ORG_ID, DemoState.SERVICE_ACCOUNT_USER_ID)).as("a service account").isEqualTo("Org Admin");
        ProvisioningSummaryAction summary = build.summaries.get(2);
        assertThat(summary.getPlan().isMade()).isFalse();
        assertThat(summary.getPlan().isApplied()).isTrue();
        assertThat(summary.getPlan().getId()).isEqualTo(planId);
        assertThat(summary.getHeadline()).isEqualTo("5 change(s) planned, mode sync: applied");
        assertThat(build.console()).contains("users from the plan " + PLAN);

        long before = simulator.requests().writes().size();
        applySettings();
        ProvisioningResult again = run();

        assertThat(simulator.requests().writes()).as("a plan applied twice writes nothing the second time").hasSize((int) before);
        assertThat(again.stepValue()).containsEntry("skipped", 5L).containsEntry("removed", 0L);
        assertThat(everythingWritten()).doesNotContain(token);
    }

    @Test
    void aPlanOverALimitFailsTheBuildWithTheReasonKeepsThePlanAndSendsNothing() throws Exception {
        syncSettings();
        settings.maxRemovals = null;
        settings.apply = true;

        assertThatThrownBy(this::run).isInstanceOf(ProvisioningException.class)
                .hasMessage("The plan was refused by its limits, and nothing was changed: org " + DemoState.PLATFORM_ORG_ID
                        + ": 2 removals are more than 10% of its 5 members and pending provisions (at most 1); raise the removal limit"
                        + " if this is intended");

        assertThat(simulator.requests().writes()).isEmpty();
        assertThat(JSON.readTree(build.workspace.resolve(PLAN).toFile()).path("refused")).hasSize(1);
        assertThat(build.artifacts.resolve(PLAN)).exists();
        ProvisioningSummaryAction summary = build.summaries.get(0);
        assertThat(summary.getPlan().isRefused()).isTrue();
        assertThat(summary.getPlan().getRefusals()).singleElement().asString().contains("raise the removal limit");
        assertThat(summary.getHeadline()).isEqualTo("5 change(s) planned, mode sync: refused by its limits, nothing was changed");
    }

    @Test
    void aProtectedUserIsLeftAloneAndTooFewOrgAdminsRefuseThePlan() throws Exception {
        syncSettings();
        settings.protectedUsers = "Alice@example.com, someone@example.com";

        ProvisioningResult protectedAlice = run();

        assertThat(protectedAlice.stepValue()).containsEntry("remove_member", 0L).containsEntry("delete_pending_provision", 1L);
        assertThat(build.summaries.get(0).getPlan().getNotes()).anyMatch(note -> note.endsWith("alice@example.com keeps its membership: protected"));
        assertThat(build.summaries.get(0).getPlan().getLimits()).endsWith("never removed or re-roled: alice@example.com, someone@example.com");

        simulator.state().addOrgMember(DemoState.PLATFORM_ORG_ID, DemoState.CAROL_USER_ID, DemoState.ORG_ADMIN_ROLE_ID);
        build.write("users.csv", "email,role\ncarol@example.com,Org Collaborator\n");
        settings.removeMissing = false;
        settings.protectedUsers = null;
        settings.minAdmins = 3;
        applySettings();
        settings.applyPlan = null;
        settings.usersFile = "users.csv";

        assertThatThrownBy(this::run).isInstanceOf(ProvisioningException.class).hasMessage("The plan was refused by its limits, "
                + "and nothing was changed: org " + DemoState.PLATFORM_ORG_ID + " would be left with 2 Org Admin(s), fewer than 3");
        assertThat(simulator.requests().writes()).isEmpty();
    }

    @Test
    void aPlanMadeWithAnotherUsersTokenOrForAnotherGroupOrTooOldIsNotAppliedAndNothingIsSent() throws Exception {
        syncSettings();
        run();
        simulator.state().addToken(new ApiToken("carol-token", "carol", DemoState.CAROL_USER_ID, TokenType.PERSONAL, true));
        build.tokens.put("carol", "carol-token");
        applySettings();
        settings.credentialsId = "carol";

        assertThatThrownBy(this::run).isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("was made with the token of").hasMessageContaining("nothing was applied");
        assertThat(simulator.requests().writes()).isEmpty();
        assertThat(build.summaries.get(1).getFatalError()).contains("was made with the token of");
        assertThat(build.summaries.get(1).getPlan()).as("no limits were checked: the page shows no plan").isNull();

        applySettings();
        settings.groupId = "10000000-0000-4000-8000-000000000009";
        simulator.requests().clear();
        assertThatThrownBy(this::run).isInstanceOf(ProvisioningException.class)
                .hasMessageStartingWith("Plan ").hasMessageContaining("cannot be applied: it was made for group "
                        + DemoState.GROUP_ID).hasMessageEndingWith("nothing was changed");

        settings.groupId = DemoState.GROUP_ID;
        ObjectNode plan = (ObjectNode) JSON.readTree(build.workspace.resolve(PLAN).toFile());
        plan.put("created_at", Instant.now().minus(Duration.ofHours(25)).toString());
        build.write(PLAN, plan.toString());
        assertThatThrownBy(this::run).isInstanceOf(ProvisioningException.class).hasMessageContaining("longer ago than 24 hours");
        assertThat(simulator.requests().count()).as("nothing sent for a plan that cannot be applied").isZero();
    }

    @Test
    void aPlanIsMadeAndAppliedInOneBuildWithApply() throws Exception {
        build.write("users.csv", "email\nbob@example.com\n");
        settings.mode = JobMode.offboard;
        settings.allOrgs = true;    // the job's orgId does not narrow it
        settings.maxRemovals = "100%";
        settings.apply = true;

        ProvisioningResult result = run();

        assertThat(result.stepValue()).containsEntry("remove_member", 2L).containsEntry("removed", 2L)
                .containsEntry("applied", true).containsEntry("planFile", PLAN);
        assertThat(roleOf(DemoState.PLATFORM_ORG_ID, DemoState.BOB_USER_ID)).isNull();
        assertThat(roleOf(DemoState.PAYMENTS_ORG_ID, DemoState.BOB_USER_ID)).isNull();
        assertThat(simulator.requests().writes()).hasSize(2).allMatch(write -> write.method().equals("DELETE"));
        PlanView view = build.summaries.get(0).getPlan();
        assertThat(view.isMade()).isTrue();
        assertThat(view.isApplied()).isTrue();
        assertThat(view.getOrgs()).hasSize(2);
    }

    @Test
    void aDriftCheckIsUnstableOnlyWhenThePlanHasChanges() throws Exception {
        settings.mode = JobMode.export;
        settings.usersFile = null;
        settings.exportFile = "state/export.csv";
        export();
        settings.mode = JobMode.sync;
        settings.usersFile = "state/export.csv";
        settings.orgId = null;
        settings.removeMissing = true;
        settings.unstableOnChanges = true;

        ProvisioningResult unchanged = run();

        assertThat(unchanged.stepValue()).containsEntry("changes", 0L);
        assertThat(unchanged.unstableReason()).isNull();
        assertThat(build.summaries.get(0).getPlan().getOrgs()).isEmpty();

        simulator.state().addOrgMember(DemoState.PLATFORM_ORG_ID, DemoState.CAROL_USER_ID, DemoState.ORG_COLLABORATOR_ROLE_ID);
        settings.credentialsId = CREDENTIALS_ID;
        applySettings();
        settings.applyPlan = null;
        settings.usersFile = "state/export.csv";
        ProvisioningResult drifted = run();

        assertThat(drifted.stepValue()).containsEntry("remove_member", 1L).containsEntry("changes", 1L);
        assertThat(drifted.unstableReason())
                .isEqualTo("The plan has 1 change(s), and unstableOnChanges is set; see the build's Snyk provisioning page");
        assertThat(simulator.requests().writes()).isEmpty();
    }

    @Test
    void anExportWritesEveryMemberAndAnAccessReviewIntoTheWorkspaceAndTheArtifacts() throws Exception {
        settings.mode = JobMode.export;
        settings.usersFile = null;
        settings.orgId = null;
        settings.allOrgs = true;
        settings.adminsReport = "review/access.md";

        ExportResult result = export();

        assertThat(result.stepValue()).containsEntry("orgs", 2L).containsEntry("members", 7L).containsEntry("pending", 1L)
                .containsEntry("withoutEmail", 0L)
                .containsEntry("exportFile", ProvisioningSettings.DEFAULT_EXPORT_FILE)
                .containsEntry("adminsReport", "review/access.md");
        assertThat(result.unstableReason()).isNull();
        assertThat(Files.readAllLines(build.workspace.resolve(ProvisioningSettings.DEFAULT_EXPORT_FILE))).first()
                .isEqualTo("email,role,org_id,user_id,status");
        assertThat(build.workspace.resolve(ProvisioningSettings.DEFAULT_EXPORT_FILE)).content()
                .contains("dave@example.com,Org Collaborator," + DemoState.PLATFORM_ORG_ID + ",,pending");
        assertThat(build.artifacts.resolve(ProvisioningSettings.DEFAULT_EXPORT_FILE)).exists();
        assertThat(build.artifacts.resolve("review/access.md")).content().contains("Org Admins");
        assertThat(build.workspace.resolve("review/access.md")).exists();
        assertThat(simulator.requests().writes()).isEmpty();
        assertThat(build.buildFolder.resolve("snyk-provisioning")).isEmptyDirectory();
        assertThat(build.console()).contains("Snyk export: orgs every org of the group, group " + DemoState.GROUP_ID,
                "Exported 7 member(s) and 1 pending provision(s) of 2 org(s) to snyk-export.csv (in the workspace)",
                "Access review: review/access.md (in the workspace)");
        assertThat(everythingWritten()).doesNotContain(token);
    }

    @Test
    void aPlanLeftByAnEarlierBuildIsRemovedWhenThisOneStopsBeforeMakingOne() throws Exception {
        syncSettings();
        build.write(PLAN, "{}");
        build.tokens.put(CREDENTIALS_ID, "not-a-valid-token-" + UUID.randomUUID());

        assertThatThrownBy(this::run).isInstanceOf(ProvisioningException.class).hasMessageContaining("HTTP 401");

        assertThat(build.workspace.resolve(PLAN)).doesNotExist();
        assertThat(build.artifacts.resolve(PLAN)).doesNotExist();
        assertThat(build.summaries).singleElement().satisfies(summary -> assertThat(summary.getPlan()).isNull());
    }

    /** ${NAME} replaced from {@code variables}, unknown ones left as they are (as Jenkins' EnvVars does). */
    static String expand(String text, Map<String, String> variables) {
        String result = text;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            result = result.replace("${" + variable.getKey() + "}", variable.getValue());
        }
        return result;
    }
}
