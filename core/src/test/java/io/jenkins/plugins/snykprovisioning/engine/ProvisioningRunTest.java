package io.jenkins.plugins.snykprovisioning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.results.OwnerOnlyFiles;
import io.jenkins.plugins.snykprovisioning.simulator.Fault;
import io.jenkins.plugins.snykprovisioning.simulator.LoggedRequest;
import io.jenkins.plugins.snykprovisioning.simulator.model.ApiToken;
import io.jenkins.plugins.snykprovisioning.simulator.model.Role;
import io.jenkins.plugins.snykprovisioning.simulator.model.TokenType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProvisioningRunTest {

    @RegisterExtension
    final SimulatedSnyk snyk = new SimulatedSnyk();

    private static String padding(int count) {
        return IntStream.range(0, count).mapToObj(i -> "new" + i + "@acme.test,Developer,\n").collect(Collectors.joining());
    }

    /**
     * Every path of the workflow in one file. With few users per org, members are asked about one
     * by one; with many, the org's members are listed once: both must end the same way.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 20})
    void everyRowEndsInExactlyOneOutcome(int extraNewUsers) throws Exception {
        String users = "email,role,org_id\n"
                + "erin@acme.test,Developer,\n"                              // new
                + "dave@acme.test,Org Collaborator,\n"                       // pending, same role
                + "carol@acme.test,Developer,\n"                             // existing, not in the org
                + "bob@acme.test,Org Collaborator,\n"                        // member, wrong role
                + "alice@acme.test,org  collaborator,\n"                     // member, same role (odd spacing)
                + "outsider@acme.test,Developer,\n"                          // exists, not in the group
                + "frank@acme.test,Nope,\n"                                  // unknown role
                + "not-an-email,Developer,\n"                                // invalid
                + "ERIN@acme.test,Developer,\n"                              // duplicate
                + "gina@acme.test,Developer,\n"                              // conflicting duplicate...
                + "gina@acme.test,Org Admin,\n"                              // ...of the same user
                + "heidi@acme.test," + SimulatedSnyk.DEVELOPER + "," + SimulatedSnyk.OTHER_ORG + "\n"
                + padding(extraNewUsers);
        SimulatedSnyk.Finished done = snyk.execute(users, run -> { });

        assertThat(done.summary().complete()).isTrue();
        assertThat(done.summary().totalRows()).isEqualTo(12 + extraNewUsers);
        long outcomes = 0;
        for (String category : List.of("provisioned", "already_provisioned", "org_memberships", "already_added", "role_updated",
                "failed", "skipped")) {
            outcomes += done.size(category);
        }
        assertThat(outcomes).isEqualTo(12 + extraNewUsers);

        assertThat(done.categoryOf("erin@acme.test")).isEqualTo("provisioned");
        assertThat(done.entry("provisioned", "heidi@acme.test").get("org_id").asText()).isEqualTo(SimulatedSnyk.OTHER_ORG);
        assertThat(done.categoryOf("dave@acme.test")).isEqualTo("already_provisioned");
        assertThat(done.categoryOf("carol@acme.test")).isEqualTo("org_memberships");
        assertThat(done.categoryOf("bob@acme.test")).isEqualTo("role_updated");
        JsonNode bob = done.entry("role_updated", "bob@acme.test").get("result");
        assertThat(bob.get("previous_role").asText()).isEqualTo("Developer");
        assertThat(bob.get("role").asText()).isEqualTo(Role.ORG_COLLABORATOR);
        assertThat(done.entry("skipped", "alice@acme.test").get("reason").asText()).isEqualTo("already a member with this role");
        JsonNode outsider = done.entry("failed", "outsider@acme.test");
        assertThat(outsider.get("error_type").asText()).isEqualTo("user_not_found_in_group");
        assertThat(outsider.get("status_code").asInt()).isEqualTo(403);
        assertThat(done.entry("failed", "frank@acme.test").get("error_type").asText()).isEqualTo("unknown_role");
        assertThat(done.entry("failed", "not-an-email").get("error").asText()).isEqualTo("'not-an-email' is not a valid email address");
        assertThat(done.entry("skipped", "ERIN@acme.test").get("reason").asText()).isEqualTo("duplicate of line 2");
        assertThat(done.results().get("failed").findValuesAsText("email").stream().filter("gina@acme.test"::equals)).hasSize(2);

        assertThat(snyk.pending(SimulatedSnyk.ORG, "erin@acme.test")).isTrue();
        assertThat(snyk.pending(SimulatedSnyk.OTHER_ORG, "heidi@acme.test")).isTrue();
        assertThat(snyk.roleOf(SimulatedSnyk.ORG, "carol@acme.test")).isEqualTo("Developer");
        assertThat(snyk.roleOf(SimulatedSnyk.ORG, "bob@acme.test")).isEqualTo(Role.ORG_COLLABORATOR);
        assertThat(snyk.pending(SimulatedSnyk.ORG, "gina@acme.test")).as("conflicting rows are not sent").isFalse();
        assertThat(snyk.writes()).noneMatch(w -> w.requestBody() != null && w.requestBody().contains("frank@acme.test"));

        assertThat(Files.readAllLines(snyk.dir.resolve(Files.list(snyk.dir).map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".failed.csv")).findFirst().orElseThrow())))
                .hasSize(1 + done.size("failed"))
                .anyMatch(line -> line.startsWith("outsider@acme.test,,Developer," + SimulatedSnyk.ORG + ",,7,"));
    }

    @Test
    void theResultsTheJournalAndTheFailedRowsAreOwnerOnly() throws Exception {
        Assumptions.assumeTrue(snyk.dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        SimulatedSnyk.Run run = snyk.run("email,role\nnew@acme.test,Developer\nnot-an-email,Developer\n");
        Files.writeString(run.failedCsv(), "left from an earlier run, readable by all");
        Files.setPosixFilePermissions(run.failedCsv(), PosixFilePermissions.fromString("rw-r--r--"));
        run.execute();
        for (Path file : List.of(run.results(), run.journal(), run.failedCsv())) {
            assertThat(Files.getPosixFilePermissions(file)).as(file.toString()).isEqualTo(OwnerOnlyFiles.PERMISSIONS);
        }
        assertThat(Files.readString(run.failedCsv())).contains("not-an-email").doesNotContain("earlier run");
    }

    @Test
    void withManyUsersTheOrgIsListedOnceAndMembersNeedNoProvisionCall() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute("email,role\nbob@acme.test,Org Collaborator\nalice@acme.test,Org Collaborator\n"
                + padding(20), run -> { });
        assertThat(done.summary().failed()).isZero();
        // One page of REST memberships lists every member with its role; V1's list would leave Org Admins out.
        assertThat(snyk.simulator.requests().count("GET", "/rest/orgs/" + SimulatedSnyk.ORG + "/memberships")).isEqualTo(1);
        assertThat(snyk.simulator.requests().count("GET", "/v1/org/" + SimulatedSnyk.ORG + "/members")).isZero();
        // The pending provisions: a first page shorter than asked, then an empty one that ends the list.
        assertThat(snyk.simulator.requests().count("GET", "/v1/org/" + SimulatedSnyk.ORG + "/provision")).isEqualTo(2);
        assertThat(snyk.simulator.requests().count("GET", "/v1/group/" + SimulatedSnyk.GROUP + "/roles")).isEqualTo(1);
        assertThat(snyk.writes()).filteredOn(w -> w.path().endsWith("/provision")).hasSize(20);
        assertThat(snyk.writes()).filteredOn(w -> w.path().startsWith("/v1/org/" + SimulatedSnyk.ORG + "/members/update/")).hasSize(1);
    }

    /**
     * Existing users on the last page of the group's memberships, found from the listing whatever form
     * Snyk gives its next-page links: were a page missed, every user would be looked up by email.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(io.jenkins.plugins.snykprovisioning.simulator.SimulatorConfig.NextLinkStyle.class)
    void everyPageOfALargeGroupIsRead(io.jenkins.plugins.snykprovisioning.simulator.SimulatorConfig.NextLinkStyle style) throws Exception {
        snyk.config().setNextLinkStyle(style);
        StringBuilder users = new StringBuilder("email,role\n");
        for (int i = 0; i < 250; i++) {
            snyk.state().addUser(SimulatedSnyk.userId("member" + i), "member" + i + "@acme.test", "Member " + i, "member" + i, true);
            snyk.state().addOrgMember(SimulatedSnyk.OTHER_ORG, SimulatedSnyk.userId("member" + i), snyk.roleId(Role.ORG_COLLABORATOR));
            users.append("member").append(i).append("@acme.test,Developer\n");
        }
        SimulatedSnyk.Finished done = snyk.execute(users.toString(), run -> { });
        assertThat(done.size("org_memberships")).isEqualTo(250);
        String groupMemberships = "/rest/groups/" + SimulatedSnyk.GROUP + "/memberships";
        List<LoggedRequest> reads = snyk.simulator.requests().matching("GET", groupMemberships);
        assertThat(reads).filteredOn(r -> r.query() == null || !r.query().contains("email=") && !r.query().contains("user_id="))
                .as("pages of the listing").hasSize(3);
        assertThat(reads).filteredOn(r -> r.query() != null && r.query().contains("email=")).as("lookups by email")
                .hasSizeLessThan(40);
        assertThat(snyk.roleOf(SimulatedSnyk.ORG, "member249@acme.test")).isEqualTo("Developer");
    }

    @Test
    void withoutAGroupIdExistingUsersCannotBeAdded() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute("email,role_public_id\ncarol@acme.test," + SimulatedSnyk.DEVELOPER
                + "\nnew@acme.test," + SimulatedSnyk.DEVELOPER + "\n", run -> run.groupId = null);
        JsonNode carol = done.entry("failed", "carol@acme.test");
        assertThat(carol.get("error_type").asText()).isEqualTo("missing_group_id");
        assertThat(carol.get("error").asText()).contains("already exists").contains("a group id is needed");
        assertThat(done.categoryOf("new@acme.test")).isEqualTo("provisioned");
    }

    @Test
    void aRoleNameWithoutGroupIdFailsBeforeAnyRequest() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute("email,role\nnew@acme.test,Developer\n", run -> run.groupId = null);
        JsonNode failed = done.entry("failed", "new@acme.test");
        assertThat(failed.get("error_type").asText()).isEqualTo("unknown_role");
        assertThat(failed.get("error").asText()).contains("without a group id a role must be given as its public id");
        assertThat(snyk.writes()).isEmpty();
    }

    @Test
    void idsThatAreNotUuidsFailTheirRowsAndNeverReachAUrl() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute("email,role,org_id\n"
                + "dot@acme.test,Developer,..\n"
                + "slash@acme.test,Developer,../../v1/group/" + SimulatedSnyk.GROUP + "/members\n"
                + "fine@acme.test,Developer,\n", run -> { });
        assertThat(done.entry("failed", "dot@acme.test").get("error").asText()).contains("the org id '..' is not a Snyk id");
        assertThat(done.entry("failed", "slash@acme.test").get("error_type").asText()).isEqualTo("invalid_row");
        assertThat(done.categoryOf("fine@acme.test")).isEqualTo("provisioned");
        assertThat(snyk.simulator.requests().entries()).allSatisfy(request -> assertThat(request.path()).doesNotContain(".."));
    }

    @Test
    void aUserIdThatIsNotAUuidFailsItsRow() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute("email,role,user_id\nalice@acme.test,Developer,..\n",
                run -> run.mode = Mode.UPDATE_ROLES);
        assertThat(done.entry("failed", "alice@acme.test").get("error").asText()).contains("the user id '..' is not a Snyk id");
        assertThat(snyk.writes()).isEmpty();
    }

    @Test
    void aGroupIdThatIsNotAUuidStopsTheRunBeforeAnyRequest() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute("email,role\nnew@acme.test,Developer\n", run -> run.groupId = "../g");
        assertThat(done.summary().fatalError()).contains("the group id '../g' is not a Snyk id").contains("nothing was sent");
        assertThat(done.summary().refused()).isTrue();
        assertThat(snyk.simulator.requests().count()).isZero();
    }

    @Test
    void rowsWithoutAnOrgAndNoDefaultOrgRefuseTheRunNamingTheirLines() throws Exception {
        StringBuilder users = new StringBuilder("email,role,org_id\nwith-org@acme.test,Developer," + SimulatedSnyk.ORG + "\n");
        for (int i = 0; i < 7; i++) {
            users.append("no-org").append(i).append("@acme.test,Developer,\n");
        }
        SimulatedSnyk.Finished done = snyk.execute(users.toString(), run -> run.defaultOrg = null);

        assertThat(done.summary().refused()).isTrue();
        assertThat(done.summary().complete()).isFalse();
        assertThat(done.summary().fatalError()).startsWith("7 row(s) have no org_id and no default org id was given "
                + "(on line(s) 3, 4, 5, 6, 7, ...)").contains("--org-id").endsWith("nothing was sent");
        assertThat(done.results().at("/summary/refused").asBoolean()).isTrue();
        assertThat(done.results().at("/summary/not_processed").asInt()).as("resumable: no row has an outcome").isEqualTo(8);
        assertThat(done.size("failed")).isZero();
        assertThat(snyk.simulator.requests().count()).isZero();
    }

    @Test
    void rowsWithoutAnOrgTakeTheDefaultOrg() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute("email,role,org_id\nnew@acme.test,Developer,\n", run -> { });
        assertThat(done.summary().refused()).isFalse();
        assertThat(done.categoryOf("new@acme.test")).isEqualTo("provisioned");
    }

    @Test
    void aRejectedTokenStopsTheRunBeforeAnyWrite() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute("email,role\nnew@acme.test,Developer\n", run -> run.apiToken = "wrong-token-value");
        assertThat(done.summary().complete()).isFalse();
        assertThat(done.summary().fatalError()).contains("HTTP 401").contains("check the token and the region");
        assertThat(done.results().get("errors").get(0).asText()).contains("HTTP 401");
        assertThat(done.results().get("summary").get("not_processed").asInt()).isEqualTo(1);
        assertThat(snyk.writes()).isEmpty();
    }

    private static final String MISSING_ORG = "b0000000-0000-4000-8000-0000000000ff";

    @Test
    void aMissingOrgFailsItsUsersWithOneRequest() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute("email,role,org_id\na@acme.test,Developer," + MISSING_ORG + "\nb@acme.test,Developer," + MISSING_ORG + "\n"
                + "c@acme.test,Developer,\n", run -> { });
        JsonNode a = done.entry("failed", "a@acme.test");
        assertThat(a.get("status_code").asInt()).isEqualTo(404);
        assertThat(a.get("error_type").asText()).isEqualTo("not_found");
        assertThat(a.get("error").asText()).startsWith("reading org " + MISSING_ORG + " failed: ");
        assertThat(a.has("request_id")).isTrue();
        assertThat(done.categoryOf("b@acme.test")).isEqualTo("failed");
        assertThat(done.categoryOf("c@acme.test")).isEqualTo("provisioned");
        assertThat(snyk.simulator.requests().count("GET", "/v1/org/" + MISSING_ORG + "/provision")).isEqualTo(1);
    }

    /** An Org Admin of ORG whose token lacks Snyk's "Provision Users" permission: no check before the run can tell. */
    private String orgAdminWhoMayNotProvision() {
        String userId = SimulatedSnyk.userId("no-provision");
        snyk.state().addUser(userId, "no-provision@acme.test", "No Provision", "no-provision", true);
        snyk.state().addOrgMember(SimulatedSnyk.ORG, userId, snyk.roleId(Role.ORG_ADMIN));
        String token = "no-provision-token-" + userId;
        snyk.state().addToken(new ApiToken(token, "no-provision", userId, TokenType.PERSONAL, false));
        return token;
    }

    @Test
    void writesRefusedInARowForTheSameReasonStopTheRunAndLeaveTheRestToAResume() throws Exception {
        String token = orgAdminWhoMayNotProvision();
        String users = "email,role\n" + padding(20);
        SimulatedSnyk.Run first = snyk.run(users);
        first.apiToken = token;
        first.concurrency = 1;
        SimulatedSnyk.Finished stopped = first.execute();

        assertThat(stopped.summary().complete()).isFalse();
        assertThat(stopped.summary().refused()).isFalse();
        assertThat(stopped.summary().fatalError()).startsWith("Snyk refused 5 users in a row for the same reason (")
                .contains("no user provision permission").contains("resume");
        // One request at a time, 4 workers: each other worker may have had one write answered when the fifth
        // refusal came in, and stops once it sees the streak itself.
        int failed = stopped.size("failed");
        assertThat(failed).isBetween(5, 8);
        assertThat(stopped.summary().notProcessed()).isEqualTo(20 - failed);
        assertThat(snyk.writes()).hasSize(failed).allMatch(write -> write.status() == 403);

        // With a token that may provision, a resume does the rest.
        snyk.simulator.requests().clear();
        SimulatedSnyk.Finished resumed = snyk.execute(users, run -> run.resumeFrom = first.journal());
        assertThat(resumed.summary().complete()).isTrue();
        assertThat(resumed.size("provisioned")).isEqualTo(20);
    }

    @Test
    void refusalsAboutTheUsersNotTheTokenDoNotStopTheRun() throws Exception {
        StringBuilder users = new StringBuilder("email,role\n");
        for (int i = 0; i < 6; i++) {
            snyk.state().addUser(SimulatedSnyk.userId("stranger" + i), "stranger" + i + "@acme.test", "Stranger", "stranger" + i, true);
            users.append("stranger").append(i).append("@acme.test,Developer\n");
        }
        SimulatedSnyk.Finished strangers = snyk.execute(users.toString(), run -> run.concurrency = 1);
        assertThat(strangers.summary().complete()).isTrue();
        assertThat(strangers.size("failed")).as("403 'not in the group' is about the user, not the token").isEqualTo(6);

    }

    @Test
    void withoutSsoProvisioningFailsAsAnSsoError() throws Exception {
        snyk.state().setSsoConfigured(SimulatedSnyk.GROUP, false);
        SimulatedSnyk.Finished done = snyk.execute("email,role\nnew@acme.test,Developer\n", run -> { });
        assertThat(done.entry("failed", "new@acme.test").get("error_type").asText()).isEqualTo("sso_error");
    }

    @ParameterizedTest
    @ValueSource(ints = {409, 400})
    void alreadyExistsIsRecognisedInEveryShape(int status) throws Exception {
        snyk.config().setExistingUserStatus(status);
        SimulatedSnyk.Finished done = snyk.execute("email,role\ncarol@acme.test,Developer\n", run -> { });
        assertThat(done.categoryOf("carol@acme.test")).isEqualTo("org_memberships");
    }

    @Test
    void aPendingUserWithAnotherRoleIsProvisionedAgainWithTheNewRole() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute("email,role\ndave@acme.test,Developer\n", run -> { });
        JsonNode result = done.entry("role_updated", "dave@acme.test").get("result");
        assertThat(result.get("previous_role").asText()).isEqualTo(Role.ORG_COLLABORATOR);
        assertThat(snyk.state().pendingProvisions(SimulatedSnyk.ORG)).filteredOn(p -> p.email().equals("dave@acme.test"))
                .singleElement().satisfies(p -> assertThat(p.rolePublicId()).isEqualTo(SimulatedSnyk.DEVELOPER));
    }

    @Test
    void rateLimitAnswersAreRetriedHonouringRetryAfter() throws Exception {
        snyk.config().setRetryAfterSeconds(1).planFault("POST", "/v1/org/", Fault.RATE_LIMIT_BURST, 1);
        long started = System.nanoTime();
        SimulatedSnyk.Run run = snyk.run("email,role\nnew@acme.test,Developer\n");
        SimulatedSnyk.Finished done = run.execute();
        assertThat(done.categoryOf("new@acme.test")).isEqualTo("provisioned");
        assertThat(run.retries).singleElement().asString().contains("HTTP 429").endsWith("| 1000");
        assertThat(System.nanoTime() - started).isGreaterThan(1_000_000_000L);
        assertThat(done.summary().rateLimited()).isEqualTo(1);
        assertThat(done.summary().retries()).isEqualTo(1);
    }

    @Test
    void rateLimitAnswersWithoutHintsBackOff() throws Exception {
        snyk.config().planFault("GET", "/v1/org/", Fault.RATE_LIMIT_BURST, 2);
        SimulatedSnyk.Run run = snyk.run("email,role\nnew@acme.test,Developer\n");
        SimulatedSnyk.Finished done = run.execute();
        assertThat(done.categoryOf("new@acme.test")).isEqualTo("provisioned");
        assertThat(run.retries).hasSize(2).allMatch(line -> line.contains("HTTP 429"));
        assertThat(done.summary().rateLimited()).isEqualTo(2);
    }

    @Test
    void serverErrorsAreRetriedUntilSuccess() throws Exception {
        snyk.config().planFault("POST", "/v1/org/", Fault.SERVER_ERROR, 3);
        SimulatedSnyk.Finished done = snyk.execute("email,role\nnew@acme.test,Developer\n", run -> run.maxRetries = 3);
        assertThat(done.categoryOf("new@acme.test")).isEqualTo("provisioned");
        assertThat(done.summary().retries()).isEqualTo(3);
        assertThat(snyk.pending(SimulatedSnyk.ORG, "new@acme.test")).isTrue();
    }

    @Test
    void serverErrorsPastTheRetriesFailTheUserWithTheLastAnswer() throws Exception {
        snyk.config().planFault("POST", "/v1/org/", Fault.SERVER_ERROR, 3);
        SimulatedSnyk.Finished done = snyk.execute("email,role\nnew@acme.test,Developer\n", run -> run.maxRetries = 2);
        JsonNode failed = done.entry("failed", "new@acme.test");
        assertThat(failed.get("status_code").asInt()).isBetween(500, 504);
        assertThat(failed.get("error_type").asText()).isEqualTo("server_error");
        assertThat(done.summary().complete()).isTrue();
    }

    @Test
    void aTimedOutProvisionThatHadWorkedIsConfirmedNotRepeated() throws Exception {
        snyk.config().setSlowResponseMillis(1500).planFault("POST", "/v1/org/", Fault.SLOW_RESPONSE, 1);
        SimulatedSnyk.Finished done = snyk.execute("email,role\nnew@acme.test,Developer\n",
                run -> run.responseTimeout = java.time.Duration.ofMillis(500));
        JsonNode entry = done.entry("provisioned", "new@acme.test");
        assertThat(entry.get("result").get("confirmed_after_retry").asBoolean()).isTrue();
        assertThat(snyk.state().pendingProvisions(SimulatedSnyk.ORG)).filteredOn(p -> p.email().equals("new@acme.test")).hasSize(1);
    }

    @Test
    void aResetAfterTheWriteIsRetriedAndConfirmed() throws Exception {
        snyk.config().planFault("POST", "/rest/orgs/", Fault.CONNECTION_RESET, 1);
        SimulatedSnyk.Finished done = snyk.execute("email,role\ncarol@acme.test,Developer\n", run -> { });
        JsonNode entry = done.entry("org_memberships", "carol@acme.test");
        assertThat(entry).as(done.results().toString()).isNotNull();
        assertThat(entry.get("result").get("confirmed_after_retry").asBoolean()).isTrue();
        assertThat(snyk.roleOf(SimulatedSnyk.ORG, "carol@acme.test")).isEqualTo("Developer");
    }

    @Test
    void aWriteThatNeverGotAnAnswerSaysItMayHaveBeenApplied() throws Exception {
        snyk.config().planFault("POST", "/v1/org/", Fault.CONNECTION_RESET, 10);
        SimulatedSnyk.Finished done = snyk.execute("email,role\nnew@acme.test,Developer\n", run -> run.maxRetries = 2);
        JsonNode failed = done.entry("failed", "new@acme.test");
        assertThat(failed.get("error_type").asText()).isEqualTo("network_error");
        assertThat(failed.get("error").asText()).contains("after 3 attempts").contains("may have reached Snyk");
        assertThat(snyk.pending(SimulatedSnyk.ORG, "new@acme.test")).isTrue();
    }

    @Test
    void anErrorWithACutOffBodyIsAskedAgainBeforeItIsJudged() throws Exception {
        snyk.config().planFault("POST", "/v1/org/", Fault.MALFORMED_BODY, 1);
        SimulatedSnyk.Finished done = snyk.execute("email,role\ncarol@acme.test,Developer\n", run -> { });
        assertThat(done.categoryOf("carol@acme.test")).isEqualTo("org_memberships");
        assertThat(done.summary().retries()).isEqualTo(1);
    }

    @Test
    void aGarbledReadIsAskedAgain() throws Exception {
        snyk.config().planFault("GET", "/v1/group/", Fault.MALFORMED_BODY, 1);
        SimulatedSnyk.Finished done = snyk.execute("email,role\nnew@acme.test,Developer\n", run -> { });
        assertThat(done.categoryOf("new@acme.test")).isEqualTo("provisioned");
        assertThat(done.summary().retries()).isEqualTo(1);
    }

    @Test
    void aDryRunOnlyReadsAndSaysWhatItWouldDo() throws Exception {
        String users = "email,role\nerin@acme.test,Developer\ndave@acme.test,Developer\ncarol@acme.test,Developer\n"
                + "bob@acme.test,Org Collaborator\nalice@acme.test,Org Collaborator\n";
        SimulatedSnyk.Finished done = snyk.execute(users, run -> run.dryRun = true);
        assertThat(snyk.writes()).isEmpty();
        assertThat(done.entry("provisioned", "erin@acme.test").get("result").get("planned").asText()).isEqualTo("provision");
        assertThat(done.entry("provisioned", "erin@acme.test").get("dry_run").asBoolean()).isTrue();
        assertThat(done.entry("role_updated", "dave@acme.test").get("result").get("planned").asText()).isEqualTo("replace_pending_provision");
        assertThat(done.entry("org_memberships", "carol@acme.test").get("result").get("planned").asText()).isEqualTo("add_membership");
        assertThat(done.entry("role_updated", "bob@acme.test").get("result").get("planned").asText()).isEqualTo("change_role");
        assertThat(done.categoryOf("alice@acme.test")).isEqualTo("skipped");
        assertThat(done.results().get("summary").get("dry_run").asBoolean()).isTrue();
        assertThat(snyk.pending(SimulatedSnyk.ORG, "erin@acme.test")).isFalse();
    }

    @Test
    void roleUpdatesFollowSnyksProcedure() throws Exception {
        String users = "email,role,user_id\nalice@acme.test,Developer,\nbob@acme.test,Developer,\ncarol@acme.test,Developer,\n"
                + "ci-bot@acme.test,Org Collaborator," + SimulatedSnyk.SERVICE_ID + "\n";
        SimulatedSnyk.Finished done = snyk.execute(users, run -> run.mode = Mode.UPDATE_ROLES);
        assertThat(done.categoryOf("alice@acme.test")).isEqualTo("role_updated");
        assertThat(done.entry("skipped", "bob@acme.test").get("reason").asText()).isEqualTo("already has this role");
        assertThat(done.entry("failed", "carol@acme.test").get("error_type").asText()).isEqualTo("not_a_member");
        assertThat(done.categoryOf("ci-bot@acme.test")).isEqualTo("role_updated");
        assertThat(snyk.roleOf(SimulatedSnyk.ORG, "alice@acme.test")).isEqualTo("Developer");
        assertThat(snyk.roleOf(SimulatedSnyk.ORG, "ci-bot@acme.test")).isEqualTo(Role.ORG_COLLABORATOR);
        assertThat(snyk.simulator.requests().count("GET", "/rest/orgs/" + SimulatedSnyk.ORG + "/memberships")).isEqualTo(1);
        assertThat(snyk.writes()).hasSize(2).allMatch(w -> w.method().equals("PUT"));
    }

    @Test
    void aRoleUpdateDryRunWritesNothing() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute("email,role\nalice@acme.test,Developer\n", run -> {
            run.mode = Mode.UPDATE_ROLES;
            run.dryRun = true;
        });
        assertThat(done.entry("role_updated", "alice@acme.test").get("result").get("planned").asText()).isEqualTo("change_role");
        assertThat(snyk.writes()).isEmpty();
    }

    @Test
    void anInterruptedRunKeepsItsJournalAndAResumeRepeatsNoWrite() throws Exception {
        snyk.config().setLatency(io.jenkins.plugins.snykprovisioning.simulator.Latency.parse("30"));
        String users = "email,role\n" + padding(200);
        SimulatedSnyk.Run first = snyk.run(users);
        first.concurrency = 2;
        SimulatedSnyk.Finished partial = first.executeCancelledAfter(20);
        assertThat(partial.summary().interrupted()).isTrue();
        assertThat(partial.summary().complete()).isFalse();
        assertThat(partial.results().get("summary").get("interrupted").asBoolean()).isTrue();
        long doneFirst = partial.size("provisioned");
        assertThat(doneFirst).isBetween(20L, 199L);
        assertThat(partial.size("failed")).as("users stopped before any write are not processed, not failed").isZero();
        assertThat(partial.summary().notProcessed()).isEqualTo(200 - doneFirst - partial.size("failed"));
        assertThat(Files.readAllLines(first.journal())).hasSize(1 + (int) (doneFirst + partial.size("failed")));

        List<String> writtenFirst = snyk.writes().stream().map(LoggedRequest::requestBody).toList();
        snyk.simulator.requests().clear();
        SimulatedSnyk.Finished resumed = snyk.execute(users, run -> run.resumeFrom = first.journal());
        assertThat(resumed.summary().complete()).isTrue();
        assertThat(resumed.summary().failed()).isZero();
        assertThat(resumed.size("provisioned")).isEqualTo(200);
        assertThat(resumed.results().get("provisioned").findValues("from_previous_run")).hasSize((int) doneFirst);
        for (String body : snyk.writes().stream().map(LoggedRequest::requestBody).toList()) {
            String email = body.replaceAll(".*\"email\":\"([^\"]+)\".*", "$1");
            assertThat(writtenFirst.stream().filter(b -> b.contains("\"" + email + "\"")).count())
                    .as("%s was written before and again; only users cut off mid-request may be", email)
                    .isLessThanOrEqualTo(partial.entry("failed", email) == null ? 0 : 1);
        }
        assertThat(snyk.state().pendingProvisions(SimulatedSnyk.ORG)).filteredOn(p -> p.email().startsWith("new")).hasSize(200);
    }

    @Test
    void theTokenAppearsNowhereEvenWhenSnykEchoesIt() throws Exception {
        snyk.config().setEchoTokenInErrors(true);
        SimulatedSnyk.Finished done = snyk.execute("email,role,org_id\nnew@acme.test,Developer," + MISSING_ORG
                + "\nx@acme.test,Developer," + MISSING_ORG + "\n", run -> { });
        assertThat(done.summary().failed()).isEqualTo(2);
        assertThat(done.results().toString()).contains("****").doesNotContain(snyk.token);
        // Refused before any write, with Snyk's 403 in the reason.
        SimulatedSnyk.Finished refused = snyk.execute("email,role,org_id\nbob@acme.test,Developer," + SimulatedSnyk.OTHER_ORG + "\n",
                run -> {
                    run.apiToken = snyk.serviceToken;
                    run.mode = Mode.UPDATE_ROLES;
                });
        assertThat(refused.summary().fatalError()).contains("HTTP 403").contains("****");
        try (var files = Files.list(snyk.dir)) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(snyk.serviceToken).doesNotContain(snyk.token);
            }
        }
    }
}
