package io.jenkins.plugins.snykprovisioning.cli;

import io.jenkins.plugins.snykprovisioning.simulator.DemoState;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorConfig;
import io.jenkins.plugins.snykprovisioning.simulator.SnykSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code snyk-provision demo}: a whole provisioning and a role update against an embedded Snyk
 * simulator, with the example files of {@code docs/examples/}. No token, no network.
 */
@Command(name = "demo", description = "Runs the tool against an embedded Snyk API simulator with the example files "
        + "of docs/examples: new users provisioned, existing users added to the org, a wrong role corrected, a pending user, "
        + "a duplicate row and an invalid row; then a role update. Nothing leaves this machine.")
final class DemoCommand implements Callable<Integer> {

    static final List<String> EXAMPLES = List.of("users.csv", "users.json", "role-updates.csv");

    @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = "demo-output",
            description = "Where the example files, results and logs go (default ${DEFAULT-VALUE}).")
    Path outputDirectory;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private final CliEnvironment environment;

    DemoCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = environment.out();
        Files.createDirectories(outputDirectory);
        for (String example : EXAMPLES) {
            copyExample(example, outputDirectory.resolve(example));
        }
        try (SnykSimulator simulator = new SnykSimulator(DemoState.create(), new SimulatorConfig()).start(0)) {
            out.println("Snyk API simulator running at " + simulator.baseUrl() + " with this state:");
            out.println(DemoState.describe());
            CliEnvironment withDemoToken = environment.withVariable("SNYK_TOKEN", DemoState.ADMIN_TOKEN);
            Path logs = outputDirectory.resolve("logs");
            step(out, "1. Provisioning " + outputDirectory.resolve("users.csv") + " into demo-platform");
            int provisioning = Main.commandLine(withDemoToken).execute("--api-url", simulator.baseUrl(),
                    "--group-id", DemoState.GROUP_ID, "--org-id", DemoState.PLATFORM_ORG_ID,
                    "--file", outputDirectory.resolve("users.csv").toString(),
                    "--output", outputDirectory.resolve("provisioning-results.json").toString(),
                    "--failed-csv", outputDirectory.resolve("provisioning-failed.csv").toString(),
                    "--log-dir", logs.toString());
            step(out, "2. Updating roles from " + outputDirectory.resolve("role-updates.csv") + " in demo-platform");
            int roleUpdate = Main.commandLine(withDemoToken).execute("--api-url", simulator.baseUrl(),
                    "--group-id", DemoState.GROUP_ID, "--org-id", DemoState.PLATFORM_ORG_ID, "--update-roles",
                    "--file", outputDirectory.resolve("role-updates.csv").toString(),
                    "--output", outputDirectory.resolve("role-update-results.json").toString(),
                    "--log-dir", logs.toString());
            out.println();
            out.println("Demo finished. The provisioning ended with exit code " + provisioning
                    + " (1: the file's invalid row 'mallory(at)example.com' failed, as intended); the role update with "
                    + roleUpdate + ".");
            out.println("Results, failed rows and logs are in " + outputDirectory.toAbsolutePath());
            out.println("Fix the failed row in provisioning-failed.csv and feed it back with --file to finish the job.");
            return provisioning == ProvisionCommand.EXIT_FAILED && roleUpdate == ProvisionCommand.EXIT_OK
                    ? ProvisionCommand.EXIT_OK : ProvisionCommand.EXIT_FAILED;
        }
    }

    private static void step(PrintStream out, String title) {
        out.println();
        out.println("== " + title);
    }

    private static void copyExample(String name, Path target) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/examples/" + name)) {
            if (in == null) {
                throw new IOException("The example file " + name + " is missing from this build");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
