package io.jenkins.plugins.snykprovisioning.cli;

import picocli.CommandLine;

/** Entry point of {@code java -jar snyk-provision.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine(CliEnvironment.system()).execute(args));
    }

    /** The command tree; errors inside a run are printed as one line, not as a stack trace. */
    static CommandLine commandLine(CliEnvironment environment) {
        CommandLine commandLine = new CommandLine(new ProvisionCommand(environment), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == DemoCommand.class) {
                    return type.cast(new DemoCommand(environment));
                }
                if (type == ExportCommand.class) {
                    return type.cast(new ExportCommand(environment));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            command.getErr().println("Error: " + (exception.getMessage() == null ? exception.toString() : exception.getMessage()));
            return ProvisionCommand.EXIT_FAILED;
        });
        return commandLine;
    }
}
