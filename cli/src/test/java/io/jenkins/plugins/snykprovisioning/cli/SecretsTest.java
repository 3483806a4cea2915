package io.jenkins.plugins.snykprovisioning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.snykprovisioning.simulator.DemoState;
import io.jenkins.plugins.snykprovisioning.simulator.Fault;
import io.jenkins.plugins.snykprovisioning.simulator.model.ApiToken;
import io.jenkins.plugins.snykprovisioning.simulator.model.TokenType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every path, with recognisable tokens and a simulator that echoes the Authorization header in
 * its error texts: no token may appear in the console, a log line, a results file, a journal or a
 * failed-rows file.
 */
class SecretsTest {

    static final String PERSONAL = "SECRET-personal-7f3a9c1e-do-not-print";
    static final String SERVICE = "SECRET-service-2b8d4e6f-do-not-print";
    static final String UNKNOWN = "SECRET-unknown-9c1d3f5a-do-not-print";

    @TempDir
    Path dir;

    @Test
    void noTokenLeavesTheProcess() throws Exception {
        try (InProcessCli cli = new InProcessCli(dir)) {
            cli.simulator.state().addToken(new ApiToken(PERSONAL, "personal", DemoState.ADMIN_USER_ID, TokenType.PERSONAL, true));
            cli.simulator.state().addToken(new ApiToken(SERVICE, "service", DemoState.SERVICE_ACCOUNT_USER_ID, TokenType.SERVICE_ACCOUNT, false));
            cli.simulator.config().setEchoTokenInErrors(true);
            Path users = dir.resolve("users.csv");
            Files.copy(Path.of(SecretsTest.class.getResource("/examples/users.csv").toURI()), users);
            Path updates = dir.resolve("role-updates.csv");
            Files.copy(Path.of(SecretsTest.class.getResource("/examples/role-updates.csv").toURI()), updates);

            cli.variables.put("SNYK_TOKEN", PERSONAL);
            run(cli, "--file", users.toString(), "--dry-run", "--verbose", "--output", dir.resolve("dry.json").toString());
            cli.simulator.config().planFault("POST", "/v1/org/", Fault.SERVER_ERROR, 2).planFault("GET", "/rest/", Fault.MALFORMED_BODY, 1);
            run(cli, "--file", users.toString(), "--verbose", "--output", dir.resolve("real.json").toString(),
                    "--failed-csv", dir.resolve("failed.csv").toString());
            run(cli, "--file", updates.toString(), "--update-roles", "--verbose", "--output", dir.resolve("roles.json").toString());
            // Refused before any write: the check's 403 (with the echoed header) is in the reason.
            assertThat(cli.run(cli.against("--token", SERVICE, "--email", "bob@example.com", "--role-public-id", "Developer",
                    "--update-roles", "--org-id", DemoState.PAYMENTS_ORG_ID, "--verbose",
                    "--output", dir.resolve("service.json").toString()))).isEqualTo(2);
            run(cli, "--token", UNKNOWN, "--file", users.toString(), "--verbose", "--output", dir.resolve("unknown.json").toString());
            assertThat(cli.run("--api-url", cli.simulator.baseUrl(), "--org-id", DemoState.PLATFORM_ORG_ID, "--token", UNKNOWN,
                    "--email", "x@example.com", "--role-public-id", DemoState.DEVELOPER_ROLE_ID, "--verbose",
                    "--output", dir.resolve("unknown-no-group.json").toString())).isEqualTo(1);

            assertThat(cli.simulator.requests().count()).as("the runs reached the API").isGreaterThan(30);
            assertThat(cli.simulator.requests().entries()).anyMatch(r -> r.status() == 401).anyMatch(r -> r.status() == 403);
            String console = cli.output() + cli.err;
            assertThat(console).contains("****").doesNotContain(PERSONAL).doesNotContain(SERVICE).doesNotContain(UNKNOWN);
            List<Path> written;
            try (Stream<Path> files = Files.walk(dir)) {
                written = files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".csv")
                        || p.getFileName().toString().equals("failed.csv")).toList();
            }
            assertThat(written).extracting(p -> p.getFileName().toString())
                    .anyMatch(n -> n.endsWith(".log")).anyMatch(n -> n.endsWith(".journal.jsonl")).contains("failed.csv", "real.json");
            for (Path file : written) {
                assertThat(Files.readString(file)).as(file.toString())
                        .doesNotContain(PERSONAL).doesNotContain(SERVICE).doesNotContain(UNKNOWN);
            }
        }
    }

    private static void run(InProcessCli cli, String... args) {
        int exit = cli.run(cli.against(args));
        assertThat(exit).isIn(0, 1);
    }
}
