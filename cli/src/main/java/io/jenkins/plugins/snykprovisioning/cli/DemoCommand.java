package io.jenkins.plugins.snykprovisioning.cli;

import io.jenkins.plugins.snykprovisioning.simulator.DemoState;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorConfig;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorMain;
import io.jenkins.plugins.snykprovisioning.simulator.SnykSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code snyk-provision demo}: a whole provisioning, a role update and a sync plan against an embedded
 * Snyk simulator, with the example files of {@code docs/examples/}. No token, no network.
 */
@Command(name = "demo", description = "Runs the tool against an embedded Snyk API simulator with the example files "
        + "of docs/examples: new users provisioned, existing users added to the org, a wrong role corrected, a pending user, "
        + "a duplicate row and an invalid row; then a role update, and a sync of demo-payments planned (not applied). "
        + "Nothing leaves this machine.")
final class DemoCommand implements Callable<Integer> {

    static final List<String> EXAMPLES = List.of("users.csv", "users.json", "role-updates.csv", "desired-payments.csv");
    /** The simulator's port in the closing advice, the one README's rehearsal uses. */
    static final int ADVICE_PORT = 8089;

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
            step(out, "3. Planning a sync of demo-payments to " + outputDirectory.resolve("desired-payments.csv")
                    + " (only a plan: nothing is changed)");
            Path plan = outputDirectory.resolve("sync-plan.json");
            int syncPlan = Main.commandLine(withDemoToken).execute("--api-url", simulator.baseUrl(),
                    "--group-id", DemoState.GROUP_ID, "--sync", "--remove-missing",
                    "--file", outputDirectory.resolve("desired-payments.csv").toString(), "--plan", plan.toString(),
                    "--output", outputDirectory.resolve("sync-plan-results.json").toString(), "--log-dir", logs.toString());
            out.println();
            out.println("Demo finished. The provisioning ended with exit code " + provisioning
                    + " (1: the file's invalid row 'mallory(at)example.com' failed, as intended); the role update with "
                    + roleUpdate + "; the sync plan with " + syncPlan + ", and " + plan
                    + " holds what applying it (--apply) would change.");
            out.println("Results, failed rows and logs are in " + outputDirectory.toAbsolutePath());
            closingAdvice(outputDirectory.resolve("provisioning-failed.csv")).forEach(out::println);
            return provisioning == ProvisionCommand.EXIT_FAILED && roleUpdate == ProvisionCommand.EXIT_OK
                    && syncPlan == ProvisionCommand.EXIT_OK ? ProvisionCommand.EXIT_OK : ProvisionCommand.EXIT_FAILED;
        }
    }

    /**
     * How to finish the job after the demo, whose simulator is gone by then: fix the failed row, start a
     * simulator with the demo state (the one this jar holds), and feed the failed rows back to it.
     */
    static List<String> closingAdvice(Path failedRows) {
        String jar = shellWord(runningJar());
        return List.of(
                "To finish the job, fix the invalid email in " + failedRows + " (mallory(at)example.com -> mallory@example.com),",
                "start a Snyk API simulator with the demo state (Ctrl+C stops it):",
                "    java -cp " + jar + " " + SimulatorMain.class.getName() + " --port " + ADVICE_PORT,
                "and feed the failed rows back, in another terminal:",
                "    SNYK_TOKEN=" + DemoState.ADMIN_TOKEN + " java -jar " + jar + " --api-url http://127.0.0.1:" + ADVICE_PORT
                        + " --group-id " + DemoState.GROUP_ID + " --org-id " + DemoState.PLATFORM_ORG_ID
                        + " --file " + shellWord(failedRows.toString()));
    }

    /** The jar this command runs from, as the user would type it (relative to the working directory when under it). */
    private static String runningJar() {
        try {
            Path location = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!location.toString().endsWith(".jar")) {
                return "snyk-provision.jar";
            }
            Path here = Path.of("").toAbsolutePath();
            return location.startsWith(here) ? here.relativize(location).toString() : location.toString();
        } catch (URISyntaxException | RuntimeException unknown) {
            return "snyk-provision.jar";
        }
    }

    /** {@code value} as one word of a POSIX shell command. */
    static String shellWord(String value) {
        return value.matches("[A-Za-z0-9_./:=@%+-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
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
