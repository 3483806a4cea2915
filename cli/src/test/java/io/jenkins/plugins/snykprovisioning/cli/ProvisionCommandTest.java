package io.jenkins.plugins.snykprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.results.OwnerOnlyFiles;
import io.jenkins.plugins.snykprovisioning.simulator.DemoState;
import io.jenkins.plugins.snykprovisioning.simulator.SnykSimulator;
import io.jenkins.plugins.snykprovisioning.simulator.model.ApiToken;
import io.jenkins.plugins.snykprovisioning.simulator.model.TokenType;
import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command in-process, against the demo simulator. */
class ProvisionCommandTest {

    @TempDir
    Path dir;

    InProcessCli cli;

    @BeforeEach
    void start() {
        cli = new InProcessCli(dir);
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    int run(String... args) {
        return cli.run(args);
    }

    String output() {
        return cli.output();
    }

    String[] against(String... args) {
        return cli.against(args);
    }

    Path file(String name, String content) throws Exception {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path;
    }

    @Test
    void oneUserByEmailWithTheTokenFromTheEnvironment() throws Exception {
        cli.variables.put("SNYK_TOKEN", DemoState.ADMIN_TOKEN);
        Path results = dir.resolve("out.json");
        int exit = run(against("--email", "zoe@example.com", "--role-public-id", "Developer", "--output", results.toString()));
        assertThat(exit).as(output() + cli.err).isZero();
        JsonNode json = SnykJson.MAPPER.readTree(results.toFile());
        assertThat(json.get("provisioned").get(0).get("email").asText()).isEqualTo("zoe@example.com");
        assertThat(output()).contains("Provisioned (new users)").contains("Results:     " + results.toAbsolutePath());
        try (var logs = Files.list(dir.resolve("logs"))) {
            Path log = logs.filter(p -> p.getFileName().toString().matches("provision_\\d{8}_\\d{6}\\.log")).findFirst().orElseThrow();
            assertThat(Files.readString(log)).contains("INFO - Provisioned (new users): zoe@example.com").doesNotContain(DemoState.ADMIN_TOKEN);
            if (log.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertThat(Files.getPosixFilePermissions(log)).as("it names every user").isEqualTo(OwnerOnlyFiles.PERMISSIONS);
            }
        }
    }

    @Test
    void personalTokenVariableIsTheLastResortAndTheOptionWins() throws Exception {
        cli.variables.put("PERSONAL_SNYK_TOKEN", DemoState.ADMIN_TOKEN);
        assertThat(run(against("--email", "a1@example.com", "--role-public-id", "Developer"))).isZero();
        cli.variables.put("SNYK_TOKEN", "not-a-valid-token");
        assertThat(run(against("--email", "a2@example.com", "--role-public-id", "Developer"))).isEqualTo(1);
        assertThat(run(against("--token", DemoState.ADMIN_TOKEN, "--email", "a3@example.com", "--role-public-id", "Developer"))).isZero();
    }

    @Test
    void aFailedUserMakesExitCodeOneAndAFailedRowsFileToFeedBack() throws Exception {
        cli.variables.put("SNYK_TOKEN", DemoState.ADMIN_TOKEN);
        Path users = file("users.csv", "email,role\nok@example.com,Developer\nbad@example,Developer\n");
        Path failed = dir.resolve("failed.csv");
        assertThat(run(against("--file", users.toString(), "--failed-csv", failed.toString()))).isEqualTo(1);
        assertThat(Files.readAllLines(failed)).containsExactly("email,role_public_id,role,org_id,user_id,line,error",
                "bad@example,,Developer," + DemoState.PLATFORM_ORG_ID + ",,3,'bad@example' is not a valid email address");
        Files.writeString(failed, Files.readString(failed).replace("bad@example,", "fixed@example.com,"));
        assertThat(run(against("--file", failed.toString()))).as("the failed rows file is a user file").isZero();
    }

    @Test
    void failedRowsWithRoleIdsAndFormulaCellsGoRoundTripWithoutAGroupId() throws Exception {
        cli.variables.put("SNYK_TOKEN", DemoState.ADMIN_TOKEN);
        String role = DemoState.DEVELOPER_ROLE_ID;
        Path users = file("users.csv", "email,role_public_id\nok@example.com," + role + "\nbad@example," + role
                + "\n-cmd," + role + "\n");
        Path failed = dir.resolve("failed.csv");
        String[] withoutGroup = {"--api-url", cli.simulator.baseUrl(), "--org-id", DemoState.PLATFORM_ORG_ID};

        assertThat(run(withFile(withoutGroup, users, "--failed-csv", failed.toString()))).isEqualTo(1);
        assertThat(Files.readAllLines(failed)).containsExactly("email,role_public_id,role,org_id,user_id,line,error",
                "bad@example," + role + ",," + DemoState.PLATFORM_ORG_ID + ",,3,'bad@example' is not a valid email address",
                "'-cmd," + role + ",," + DemoState.PLATFORM_ORG_ID + ",,4,''-cmd' is not a valid email address");

        // Fed back as it is, the quoted cell reads as the value the user file had.
        Path again = dir.resolve("again.json");
        assertThat(run(withFile(withoutGroup, failed, "--output", again.toString()))).isEqualTo(1);
        assertThat(SnykJson.MAPPER.readTree(again.toFile()).get("failed").findValuesAsText("email"))
                .containsExactlyInAnyOrder("bad@example", "-cmd");

        Files.writeString(failed, Files.readString(failed).replace("bad@example,", "fixed@example.com,")
                .replace("'-cmd,", "cmd@example.com,"));
        assertThat(run(withFile(withoutGroup, failed))).as(output()).isZero();
        assertThat(cli.simulator.state().pendingProvisions(DemoState.PLATFORM_ORG_ID)).extracting(pending -> pending.email())
                .contains("ok@example.com", "fixed@example.com", "cmd@example.com");
    }

    private static String[] withFile(String[] options, Path file, String... more) {
        List<String> all = new ArrayList<>(List.of(options));
        all.add("--file");
        all.add(file.toString());
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void badUsageExitsWithTwo() throws Exception {
        cli.variables.put("SNYK_TOKEN", DemoState.ADMIN_TOKEN);
        assertThat(run(against())).isEqualTo(2);
        assertThat(cli.err.toString()).contains("Give the users: --file FILE or --email EMAIL");
        assertThat(run(against("--email", "a@example.com", "--file", "x.csv"))).isEqualTo(2);
        assertThat(run(against("--file", dir.resolve("missing.csv").toString()))).isEqualTo(2);
        assertThat(cli.err.toString()).contains("missing.csv: no such file");
        assertThat(run(against("--file", dir.toString()))).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--file " + dir + ": is a directory, not a file");
        assertThat(run(against("--email", "a@example.com", "--role-public-id", "r", "--resume", dir.toString()))).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--resume " + dir + ": is a directory, not a file");
        assertThat(run(against("--email", "a@example.com"))).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--role-public-id is required with --email");
        assertThat(run("--api-url", "http://snyk.example.com", "--email", "a@example.com", "--role-public-id", "r", "--org-id", "o")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("only https is allowed");
        assertThat(run(against("--region", "SNYK-MARS-01", "--email", "a@example.com", "--role-public-id", "r"))).isEqualTo(2);
        assertThat(run(against("--version", "yesterday", "--email", "a@example.com", "--role-public-id", "r"))).isEqualTo(2);
        assertThat(run(against("--concurrency", "0", "--email", "a@example.com", "--role-public-id", "r"))).isEqualTo(2);
        cli.variables.clear();
        assertThat(run(against("--email", "a@example.com", "--role-public-id", "r"))).isEqualTo(2);
        assertThat(cli.err.toString()).contains("No Snyk API token");
        assertThat(cli.simulator.requests().writes()).isEmpty();
    }

    @Test
    void rowsWithoutAnOrgAndNoOrgIdOptionAreBadUsageAndNothingIsSent() throws Exception {
        cli.variables.put("SNYK_TOKEN", DemoState.ADMIN_TOKEN);
        Path users = file("users.csv", "email,role,org_id\na@example.com,Developer," + DemoState.PLATFORM_ORG_ID
                + "\nb@example.com,Developer,\n");
        assertThat(run("--api-url", cli.simulator.baseUrl(), "--group-id", DemoState.GROUP_ID, "--file", users.toString()))
                .isEqualTo(2);
        assertThat(output()).contains("Error: 1 row(s) have no org_id and no default org id was given (on line(s) 3); "
                + "give the default org id (--org-id");
        assertThat(cli.simulator.requests().count()).isZero();
    }

    @Test
    void aTokenThatCannotDoTheJobIsBadUsageAndNothingIsWritten() throws Exception {
        Path users = file("users.csv", "email,role\nnew1@example.com,Developer\nnew2@example.com,Developer\n");
        cli.variables.put("SNYK_TOKEN", DemoState.SERVICE_ACCOUNT_TOKEN);
        assertThat(run(against("--file", users.toString()))).isEqualTo(2);
        assertThat(output()).contains("Error: the token of ci-bot").contains("Snyk refuses provisioning for service accounts")
                .contains("Use the personal API token of an Org Admin");
        cli.variables.put("SNYK_TOKEN", DemoState.VIEWER_TOKEN);
        assertThat(run(against("--file", users.toString()))).isEqualTo(2);
        assertThat(output()).contains("is Org Collaborator of org " + DemoState.PLATFORM_ORG_ID + ", not Org Admin nor a Group Admin");
        assertThat(cli.simulator.requests().writes()).isEmpty();
    }

    @Test
    void anInvalidFileIsAnErrorNamingTheLineWithoutAStackTrace() throws Exception {
        cli.variables.put("SNYK_TOKEN", DemoState.ADMIN_TOKEN);
        Path users = file("users.json", "[{\"email\": \"a@example.com\"},\n{\"email\": ");
        assertThat(run(against("--file", users.toString()))).isEqualTo(1);
        assertThat(output()).contains("Error: " + users + " line 2: ends in the middle of the JSON")
                .as("the file was not read to its end").doesNotContain("Users in file");
        assertThat(output() + cli.err).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(cli.simulator.requests().count()).isZero();
    }

    @Test
    void dryRunResumeAndRoleUpdatesFromTheCommandLine() throws Exception {
        cli.variables.put("SNYK_TOKEN", DemoState.ADMIN_TOKEN);
        Path users = file("users.csv", "email,role\nn1@example.com,Developer\nalice@example.com,Developer\n");
        assertThat(run(against("--file", users.toString(), "--dry-run"))).isZero();
        assertThat(cli.simulator.requests().writes()).isEmpty();

        Path first = dir.resolve("first.json");
        assertThat(run(against("--file", users.toString(), "--output", first.toString()))).isZero();
        int writes = cli.simulator.requests().writes().size();
        assertThat(run(against("--file", users.toString(), "--resume", first.toString(), "--output", dir.resolve("again.json").toString())))
                .isZero();
        assertThat(cli.simulator.requests().writes()).hasSize(writes);

        Path updates = file("updates.csv", "email,role\nalice@example.com,Org Collaborator\n");
        assertThat(run(against("--file", updates.toString(), "--update-roles"))).isZero();
        assertThat(cli.simulator.state().memberRole(DemoState.PLATFORM_ORG_ID, DemoState.ALICE_USER_ID).orElseThrow().name())
                .isEqualTo("Org Collaborator");
    }

    private int extraTokens;

    /** Another token of the demo's admin: Snyk lists a group's members once a minute per token. */
    private String anotherAdminToken() {
        String value = "demo-token-" + (++extraTokens);
        cli.simulator.state().addToken(new ApiToken(value, "demo-admin-2", DemoState.ADMIN_USER_ID, TokenType.PERSONAL, true));
        return value;
    }

    private JsonNode actions(Path plan) throws Exception {
        return SnykJson.MAPPER.readTree(plan.toFile()).get("actions");
    }

    @Test
    void aSyncIsPlannedThenTheReviewedPlanIsApplied() throws Exception {
        cli.variables.put("SNYK_TOKEN", DemoState.ADMIN_TOKEN);
        Path users = file("users.csv", "email,role\nadmin@example.com,Org Admin\nalice@example.com,Developer\n"
                + "zed@example.com,Developer\n");
        Path plan = dir.resolve("plan.json");
        assertThat(run(against("--file", users.toString(), "--sync", "--remove-missing", "--max-removals", "2",
                "--plan", plan.toString()))).as(output()).isZero();
        assertThat(cli.simulator.requests().writes()).as("a plan only reads").isEmpty();
        assertThat(output()).contains("Plan:        " + plan.toAbsolutePath() + " (review it, then apply it with --apply " + plan + ")");
        assertThat(actions(plan).findValuesAsText("email"))
                .containsExactlyInAnyOrder("alice@example.com", "zed@example.com", "bob@example.com", DemoState.PENDING_EMAIL)
                .as("a service account is never removed").doesNotContain("ci-bot@example.com");

        cli.variables.put("SNYK_TOKEN", anotherAdminToken());
        Path results = dir.resolve("applied.json");
        assertThat(run(against("--apply", plan.toString(), "--max-removals", "3"))).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--max-removals is part of a plan when it is made");
        assertThat(run(against("--apply", plan.toString(), "--dry-run", "--token", anotherAdminToken()))).as(output()).isZero();
        assertThat(cli.simulator.requests().writes()).as("a dry run of an apply sends nothing").isEmpty();
        assertThat(output()).contains("Removed from org (dry run) bob@example.com");
        int printed = output().length();
        assertThat(run(against("--apply", plan.toString(), "--output", results.toString()))).as(output()).isZero();
        assertThat(cli.simulator.state().memberRole(DemoState.PLATFORM_ORG_ID, DemoState.BOB_USER_ID)).isEmpty();
        assertThat(cli.simulator.state().memberRole(DemoState.PLATFORM_ORG_ID, DemoState.ALICE_USER_ID).orElseThrow().name())
                .isEqualTo(DemoState.DEVELOPER_ROLE);
        assertThat(cli.simulator.state().pendingProvisions(DemoState.PLATFORM_ORG_ID)).extracting(pending -> pending.email())
                .containsExactly("zed@example.com");
        JsonNode json = SnykJson.MAPPER.readTree(results.toFile());
        assertThat(json.get("removed").findValuesAsText("email")).containsExactly("bob@example.com");
        assertThat(json.get("pending_deleted").findValuesAsText("email")).containsExactly(DemoState.PENDING_EMAIL);
        assertThat(output().substring(printed)).doesNotContain("review it").doesNotContain("Plan:");
    }

    @Test
    void aPlanOverTheRemovalLimitIsWrittenButNotAppliedAndExitsOne() throws Exception {
        cli.variables.put("SNYK_TOKEN", DemoState.ADMIN_TOKEN);
        Path users = file("users.csv", "email,role\nadmin@example.com,Org Admin\n");
        Path plan = dir.resolve("plan.json");
        assertThat(run(against("--file", users.toString(), "--sync", "--remove-missing", "--yes", "--plan", plan.toString())))
                .as(output()).isEqualTo(1);
        assertThat(cli.simulator.requests().writes()).isEmpty();
        assertThat(SnykJson.MAPPER.readTree(plan.toFile()).get("refused").get(0).asText()).contains("10%");
        assertThat(output()).contains(plan.toAbsolutePath().toString()).doesNotContain("review it, then apply");
    }

    @Test
    void offboardingTakesAUserFromEveryOrgOfTheGroupWithYes() throws Exception {
        cli.variables.put("SNYK_TOKEN", DemoState.ADMIN_TOKEN);
        Path users = file("leavers.csv", "email\nbob@example.com\n");
        assertThat(run(against("--file", users.toString(), "--offboard", "--all-orgs", "--yes", "--max-removals", "1")))
                .as(output()).isEqualTo(1).as("one removal per org is two in all");
        assertThat(cli.simulator.requests().writes()).isEmpty();
        assertThat(run(against("--file", users.toString(), "--offboard", "--all-orgs", "--yes", "--max-removals", "2",
                "--token", anotherAdminToken()))).as(output()).isZero();
        assertThat(cli.simulator.state().memberRole(DemoState.PLATFORM_ORG_ID, DemoState.BOB_USER_ID)).isEmpty();
        assertThat(cli.simulator.state().memberRole(DemoState.PAYMENTS_ORG_ID, DemoState.BOB_USER_ID)).isEmpty();
        assertThat(output()).as("the plan goes beside the log by default").containsPattern("Plan: +\\S*logs/plan_\\d{8}_\\d{6}\\.json");
    }

    @Test
    void planOptionsThatContradictEachOtherOrABadPlanAreBadUsageAndNothingIsSent() throws Exception {
        cli.variables.put("SNYK_TOKEN", DemoState.ADMIN_TOKEN);
        Path users = file("users.csv", "email,role\nadmin@example.com,Org Admin\n");
        String file = users.toString();
        assertThat(run(against("--file", file, "--sync", "--offboard"))).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--sync and --offboard are two different runs");
        assertThat(run(against("--file", file, "--remove-missing"))).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--remove-missing goes with --sync");
        assertThat(run(against("--file", file, "--yes"))).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--yes goes with --sync or --offboard");
        assertThat(run(against("--file", file, "--sync", "--update-roles"))).isEqualTo(2);
        assertThat(run(against("--file", file, "--sync", "--max-removals", "lots"))).isEqualTo(2);
        assertThat(run(against("--file", file, "--sync", "--max-plan-age", "soon"))).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--max-plan-age must look like 90m, 24h or 2d, got 'soon'");
        assertThat(run(against("--apply", dir.resolve("missing.json").toString()))).isEqualTo(2);
        assertThat(cli.err.toString()).contains("missing.json: no such file");
        assertThat(cli.simulator.requests().count()).isZero();

        Path notAPlan = file("not-a-plan.json", "{\"provisioned\": []}");
        assertThat(run(against("--apply", notAPlan.toString()))).isEqualTo(2);
        assertThat(output() + cli.err).contains("not-a-plan.json").doesNotContain("\tat ");
        assertThat(cli.simulator.requests().writes()).isEmpty();
    }

    @Test
    void aPlanIsAppliedOnlyToTheGroupItWasMadeFor() throws Exception {
        cli.variables.put("SNYK_TOKEN", DemoState.ADMIN_TOKEN);
        Path users = file("users.csv", "email,role\nzed@example.com,Developer\n");
        Path plan = dir.resolve("plan.json");
        assertThat(run(against("--file", users.toString(), "--sync", "--plan", plan.toString()))).as(output()).isZero();
        String otherGroup = "10000000-0000-4000-8000-000000000099";
        assertThat(run("--api-url", cli.simulator.baseUrl(), "--group-id", otherGroup, "--org-id", DemoState.PLATFORM_ORG_ID,
                "--apply", plan.toString(), "--token", anotherAdminToken())).isEqualTo(2);
        assertThat(cli.err.toString()).contains(DemoState.GROUP_ID).contains(otherGroup).contains("nothing was changed");
        assertThat(cli.simulator.requests().writes()).isEmpty();
    }

    @Test
    void anExportIsAUserFileThatASyncTakesBackUnchanged() throws Exception {
        cli.variables.put("SNYK_TOKEN", DemoState.ADMIN_TOKEN);
        Path users = dir.resolve("everyone.csv");
        Path review = dir.resolve("review.md");
        assertThat(run("export", "--api-url", cli.simulator.baseUrl(), "--group-id", DemoState.GROUP_ID, "--all-orgs",
                "--output", users.toString(), "--admins-report", review.toString())).as(output() + cli.err).isZero();
        assertThat(output()).contains("Exported ").contains("Access review: " + review.toAbsolutePath());
        assertThat(Files.readString(users)).contains("alice@example.com,Org Collaborator," + DemoState.PLATFORM_ORG_ID)
                .contains(DemoState.PENDING_EMAIL);
        assertThat(Files.readString(review)).contains("admin@example.com").contains("Org Admin");

        Path plan = dir.resolve("plan.json");
        assertThat(run(against("--file", users.toString(), "--sync", "--remove-missing", "--plan", plan.toString(),
                "--token", anotherAdminToken()))).as(output()).isZero();
        assertThat(actions(plan)).isEmpty();
        assertThat(cli.simulator.requests().writes()).isEmpty();

        assertThat(run("export", "--api-url", cli.simulator.baseUrl(), "--group-id", DemoState.GROUP_ID,
                "--output", users.toString())).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--org-id").contains("--all-orgs");
    }

    @Test
    void theDemoRunsEverythingAgainstTheEmbeddedSimulator() throws Exception {
        int exit = run("demo", "--output-dir", dir.resolve("demo").toString());
        assertThat(exit).as(output() + cli.err).isZero();
        assertThat(output()).contains("Role updated bob@example.com").contains("Added to org (existing users) carol@example.com")
                .contains("FAILED mallory(at)example.com").contains("Demo finished")
                .contains("+ gina@example.com: provision as Org Collaborator (line 4)")
                .contains("~ carol@example.com: role Org Collaborator -> Developer (line 3)")
                .contains("- bob@example.com: remove from the org (Org Collaborator)")
                .contains("(3 members, 1 pending, 1 Org Admins): +1 ~1 -1");
        assertThat(cli.simulator.requests().count()).as("the demo runs its own simulator").isZero();
        assertThat(actions(dir.resolve("demo/sync-plan.json"))).hasSize(3);
        assertThat(dir.resolve("demo/provisioning-results.json")).exists();
        assertThat(dir.resolve("demo/role-update-results.json")).exists();
    }

    @Test
    void theDemosClosingAdviceIsACommandThatFinishesTheJob() throws Exception {
        Path demo = dir.resolve("demo dir");
        assertThat(run("demo", "--output-dir", demo.toString())).isZero();
        List<String> lines = output().lines().toList();
        String simulatorCommand = lines.stream().filter(line -> line.startsWith("    java -cp ")).findFirst().orElseThrow();
        String feedBack = lines.stream().filter(line -> line.startsWith("    SNYK_TOKEN=")).findFirst().orElseThrow();
        assertThat(shellWords(simulatorCommand)).endsWith("io.jenkins.plugins.snykprovisioning.simulator.SimulatorMain",
                "--port", "8089");

        Path failed = demo.resolve("provisioning-failed.csv");
        Files.writeString(failed, Files.readString(failed).replace("mallory(at)example.com", "mallory@example.com"));
        List<String> words = shellWords(feedBack);
        assertThat(words.subList(0, 3)).containsExactly("SNYK_TOKEN=" + DemoState.ADMIN_TOKEN, "java", "-jar");
        List<String> args = new ArrayList<>(words.subList(4, words.size()));
        assertThat(args).containsSequence("--api-url", "http://127.0.0.1:8089").containsSequence("--file", failed.toString());
        // A simulator as the first command starts it, on a free port instead of 8089.
        try (SnykSimulator simulator = new SnykSimulator(DemoState.create()).start(0)) {
            args.set(args.indexOf("--api-url") + 1, simulator.baseUrl());
            cli.variables.put("SNYK_TOKEN", DemoState.ADMIN_TOKEN);
            assertThat(run(args.toArray(String[]::new))).as(output()).isZero();
            assertThat(simulator.state().pendingProvisions(DemoState.PLATFORM_ORG_ID)).extracting(pending -> pending.email())
                    .contains("mallory@example.com");
        }
    }

    /** The words of a POSIX shell command line that quotes only with single quotes. */
    private static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                word = word == null ? new StringBuilder() : word;
            } else if (c == ' ' && !quoted) {
                if (word != null) {
                    words.add(word.toString());
                }
                word = null;
            } else {
                word = (word == null ? new StringBuilder() : word).append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    @Test
    void capitalVPrintsTheToolsVersionAndVersionStaysTheApiVersion() throws Exception {
        CommandLine commandLine = Main.commandLine(null);
        StringWriter printed = new StringWriter();
        commandLine.setOut(new PrintWriter(printed));
        assertThat(commandLine.execute("-V")).isZero();
        // From the jar's manifest; these tests run from the classes folder (PackagedCliIT checks the jar).
        assertThat(printed.toString().trim()).isEqualTo("snyk-provision (version unknown: not run from its jar)");

        cli.variables.put("SNYK_TOKEN", DemoState.ADMIN_TOKEN);
        assertThat(run(against("--version", "2024-10-15", "--email", "v@example.com", "--role-public-id", "Developer"))).isZero();
        assertThat(cli.simulator.requests().entries()).anyMatch(request -> request.query() != null
                && request.query().contains("version=2024-10-15"));
    }

    @Test
    void noConsoleIsNoTerminal() {
        assertThat(CliEnvironment.isTerminal(null)).isFalse();
    }

    @Test
    void helpReadsWell() {
        assertThat(run("--help")).isZero();
        String help = Main.commandLine(null).getUsageMessage();
        assertThat(help).contains("--token").contains("--org-id").contains("--group-id").contains("--email").contains("--file")
                .contains("--role-public-id").contains("--region").contains("--version").contains("--output").contains("--verbose")
                .contains("--api-url").contains("--dry-run").contains("--update-roles").contains("--concurrency")
                .contains("--max-retries").contains("--resume").contains("--failed-csv").contains("--rate-limit").contains("-V")
                .contains("--sync").contains("--offboard").contains("--apply").contains("--max-removals").contains("export")
                .contains("Exit codes");
    }
}
