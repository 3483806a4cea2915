package io.jenkins.plugins.snykprovisioning.simulator;

import io.jenkins.plugins.snykprovisioning.simulator.SimulatorConfig.EmailFilter;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorConfig.NextLinkStyle;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar snyk-simulator.jar}: serves the simulator until Ctrl+C. The only line on
 * standard output is the base URL, so scripts can read it; everything else goes to standard error.
 */
@Command(name = "snyk-simulator", defaultValueProvider = SimulatorMain.ConfigDefaults.class, usageHelpWidth = 120, usageHelpAutoWidth = true,
        showDefaultValues = true,
        description = {
            "Serves a stateful Snyk API (V1 under /v1, REST under /rest) on 127.0.0.1 for tests, demos and "
                    + "benchmarks, with Snyk's rate limits and injectable latency and faults.",
            "Prints the base URL (http://127.0.0.1:PORT) on standard output once listening; Ctrl+C stops it."})
public final class SimulatorMain implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    /** Every setting of the simulator: the options are on its setters, with its own checks and defaults. */
    @Mixin
    private final SimulatorConfig config = new SimulatorConfig();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on; 0 picks a free one.")
    private int port;

    @Option(names = "--state", paramLabel = "FILE", description = "State to serve (JSON); default: the demo state below.")
    private Path stateFile;

    @Option(names = "--save-state", paramLabel = "FILE", description = "Write the state here (JSON) when stopping.")
    private Path saveStateFile;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SimulatorMain())
                .registerConverter(Latency.class, Latency::parse)
                .registerConverter(EmailFilter.class, EmailFilter::parse)
                .registerConverter(NextLinkStyle.class, NextLinkStyle::parse);
        commandLine.getCommandSpec().usageMessage().footer(footer());
        commandLine.setParameterExceptionHandler(SimulatorMain::invalidOption);
        return commandLine;
    }

    /** A setting the configuration refuses is reported with its own message, not picocli's reflection text. */
    private static int invalidOption(CommandLine.ParameterException e, String[] args) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        PrintWriter err = e.getCommandLine().getErr();
        err.println("Invalid option: " + (cause instanceof IllegalArgumentException ? cause.getMessage() : e.getMessage()));
        err.println("Run with --help for the options.");
        return 2;
    }

    /** Each setting's default, for the help: what a fresh configuration's getter returns. */
    static final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
        private final SimulatorConfig defaults = new SimulatorConfig();

        @Override
        public String defaultValue(CommandLine.Model.ArgSpec argument) throws Exception {
            if (!(argument.userObject() instanceof Method setter) || !setter.getName().startsWith("set")) {
                return null;
            }
            String property = setter.getName().substring(3);
            for (String prefix : new String[] {"get", "is"}) {
                try {
                    Object value = SimulatorConfig.class.getMethod(prefix + property).invoke(defaults);
                    return value == null ? null : value.toString().toLowerCase(Locale.ROOT).replace('_', '-');
                } catch (NoSuchMethodException notThisPrefix) {
                    // Booleans have is..., the others get...
                }
            }
            return null;
        }
    }

    private static String footer() {
        return String.join(System.lineSeparator(),
                "",
                "Admin endpoints (no token; never delayed, faulted or logged):",
                "  GET  /_simulator/state            the state as JSON, token values hidden",
                "  PUT  /_simulator/state            replace the state (JSON with token values)",
                "  GET  /_simulator/config           the settings above as JSON",
                "  POST /_simulator/config           change some settings, e.g. {\"serverErrorRate\": 0.1}",
                "  GET  /_simulator/requests[?since=N]  the request log (token labels only)",
                "  DELETE /_simulator/requests       clear the request log",
                "  GET  /_simulator/violations       REST requests refused by the spec, answers that departed from it",
                "  POST /_simulator/login?email=E    first SSO login: E's pending provisions become memberships",
                "",
                DemoState.describe(),
                "");
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        SimulatorState state;
        try {
            state = stateFile == null ? DemoState.create() : SimulatorState.load(stateFile);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
        SnykSimulator simulator;
        try {
            simulator = new SnykSimulator(state, config).start(port);
        } catch (UncheckedIOException e) {
            err.println(e.getMessage() + ": " + e.getCause().getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            if (saveStateFile != null) {
                state.save(saveStateFile);
                err.println("State saved to " + saveStateFile);
            }
            err.flush();
        }, "snyk-simulator-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println(simulator.baseUrl());
        out.flush();
        err.println("Snyk API simulator listening on " + simulator.baseUrl() + " (state: "
                + (stateFile == null ? "demo" : stateFile) + "); Ctrl+C stops it.");
        err.flush();
        new CountDownLatch(1).await();
        return 0;
    }
}
