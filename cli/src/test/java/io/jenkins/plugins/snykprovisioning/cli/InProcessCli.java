package io.jenkins.plugins.snykprovisioning.cli;

import io.jenkins.plugins.snykprovisioning.simulator.DemoState;
import io.jenkins.plugins.snykprovisioning.simulator.SnykSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** The CLI run in-process against a demo-state simulator, with its environment and output captured. */
final class InProcessCli implements AutoCloseable {

    final SnykSimulator simulator = new SnykSimulator(DemoState.create()).start(0);
    final Map<String, String> variables = new HashMap<>();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final StringWriter err = new StringWriter();
    private final Path dir;

    InProcessCli(Path dir) {
        this.dir = dir;
    }

    int run(String... args) {
        CliEnvironment environment = new CliEnvironment() {
            @Override
            public String variable(String name) {
                return variables.get(name);
            }

            @Override
            public PrintStream out() {
                return new PrintStream(out, true, StandardCharsets.UTF_8);
            }

            @Override
            public boolean terminal() {
                return false;
            }

            @Override
            public int interruptible(Runnable cancel, Callable<Integer> work) throws Exception {
                return work.call();
            }
        };
        CommandLine commandLine = Main.commandLine(environment);
        commandLine.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("--log-dir", dir.resolve("logs").toString()));
        all.addAll(List.of(args));
        return commandLine.execute(all.toArray(String[]::new));
    }

    String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Options pointing at the simulator's demo group and org, with no client-side rate limit. */
    String[] against(String... args) {
        List<String> all = new ArrayList<>(List.of("--api-url", simulator.baseUrl(), "--group-id", DemoState.GROUP_ID,
                "--org-id", DemoState.PLATFORM_ORG_ID, "--rate-limit", "0"));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
