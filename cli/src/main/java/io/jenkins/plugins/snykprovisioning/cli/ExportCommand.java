package io.jenkins.plugins.snykprovisioning.cli;

import io.jenkins.plugins.snykprovisioning.engine.ExportSummary;
import io.jenkins.plugins.snykprovisioning.engine.ProgressPrinter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code snyk-provision export}: who has access now, as a user file a sync takes back unchanged, and an access review. */
@Command(name = "export", sortOptions = false, usageHelpAutoWidth = true,
        description = "Writes every member and pending provision of the group's orgs as rows email,role,org_id,user_id,status "
                + "(CSV, or JSON when the file name ends with .json): a valid --sync file, on which --sync --remove-missing "
                + "plans nothing. With --admins-report, also an access review in Markdown: each org's Org Admins and how "
                + "many hold each role. Only reads from Snyk.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--group-id", paramLabel = "GROUP_ID", required = true, description = "The orgs' group.")
    String groupId;

    static final class Orgs {
        @Option(names = "--org-id", paramLabel = "ORG_ID", required = true, description = "An org to export; repeat for more.")
        List<String> orgIds;

        @Option(names = "--all-orgs", required = true, description = "Export every org of the group.")
        boolean allOrgs;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Orgs orgs;

    @Option(names = "--output", paramLabel = "FILE", required = true, description = "The user file to write (.csv or .json).")
    Path output;

    @Option(names = "--admins-report", paramLabel = "FILE.md", description = "Also write an access review in Markdown.")
    Path adminsReport;

    @Mixin
    ApiOptions api;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private final CliEnvironment environment;

    ExportCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = environment.out();
        ExportSummary summary;
        try {
            summary = api.builder(spec.commandLine(), environment).groupId(groupId)
                    .export(output, adminsReport, orgs.allOrgs ? List.of() : orgs.orgIds, new ProgressPrinter(out, environment.terminal()));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        out.println("Exported " + summary.members() + " member(s) and " + summary.pending() + " pending provision(s) of "
                + summary.orgs() + " org(s) to " + output.toAbsolutePath()
                + (summary.withoutEmail() == 0 ? "" : "; " + summary.withoutEmail()
                        + " member(s) Snyk lists without an email (service accounts) cannot be rows and were left out"));
        if (adminsReport != null) {
            out.println("Access review: " + adminsReport.toAbsolutePath());
        }
        return ProvisionCommand.EXIT_OK;
    }
}
