package io.jenkins.plugins.snykprovisioning.jenkins;

import io.jenkins.plugins.snykprovisioning.engine.ExportSummary;
import io.jenkins.plugins.snykprovisioning.engine.ProgressPrinter;
import io.jenkins.plugins.snykprovisioning.engine.Provisioning;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An export inside a build: who has access to the group's orgs now, written on the controller as a user file (and an
 * access review when asked), then copied into the workspace and archived. Only reads from Snyk.
 */
final class BuildExport {

    private final BuildContext build;

    BuildExport(BuildContext build) {
        this.build = build;
    }

    /**
     * @throws ProvisioningException the export could not start, or Snyk refused or failed a read
     * @throws InterruptedException the build was aborted (nothing is kept)
     */
    ExportResult export(ResolvedSettings settings) throws IOException, InterruptedException {
        String token = build.credentials().token(settings.credentialsId());
        ResolvedSettings.Export export = settings.export();
        Provisioning.Builder builder;
        String api;
        try {
            builder = build.defaults()
                    .configure(Provisioning.builder(), settings.region(), settings.concurrency(), settings.maxRetries())
                    .token(token).groupId(settings.groupId());
            api = builder.apiRoot();
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(e.getMessage());
        }
        settings.warnings().forEach(warning -> build.log().println(Messages.BuildProvisioning_Warning(warning)));
        build.log().println(Messages.BuildExport_Start(export.orgIds().isEmpty() ? Messages.BuildExport_AllOrgs()
                : String.join(", ", export.orgIds()), settings.groupId() == null ? "-" : settings.groupId(), api));
        Path folder = build.record().newOutputFolder();
        try {
            Path output = folder.resolve(export.exportFile());
            Path report = export.adminsReport() == null ? null : folder.resolve(export.adminsReport());
            Files.createDirectories(output.getParent());
            ExportSummary summary = exportTo(builder, output, report, export);
            Map<String, String> artifacts = new LinkedHashMap<>();
            artifacts.put(export.exportFile(), export.exportFile());
            build.workspace().copyFromController(output, export.exportFile());
            if (report != null) {
                artifacts.put(export.adminsReport(), export.adminsReport());
                build.workspace().copyFromController(report, export.adminsReport());
            }
            if (settings.archiveResults()) {
                build.record().archive(folder, artifacts);
            }
            build.log().println(Messages.BuildExport_Done(summary.orgs(), summary.members(), summary.pending(), export.exportFile()));
            if (summary.withoutEmail() > 0) {
                build.log().println(Messages.BuildExport_WithoutEmail(summary.withoutEmail()));
            }
            if (report != null) {
                build.log().println(Messages.BuildExport_AdminsReport(export.adminsReport()));
            }
            if (settings.archiveResults()) {
                build.log().println(Messages.BuildProvisioning_Archived());
            }
            return new ExportResult(summary, export.exportFile(), export.adminsReport());
        } finally {
            BuildProvisioning.deleteRecursively(folder);
        }
    }

    private ExportSummary exportTo(Provisioning.Builder builder, Path output, Path report, ResolvedSettings.Export export)
            throws IOException, InterruptedException {
        try {
            return builder.export(output, report, export.orgIds(), new ProgressPrinter(build.log(), false));
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(e.getMessage());
        } catch (SnykApiException | IOException e) {
            if (Thread.interrupted()) {
                build.log().println(Messages.BuildExport_Aborted());
                throw new InterruptedException(Messages.BuildExport_Aborted());
            }
            throw new ProvisioningException(Messages.BuildExport_Failed(e.getMessage()));
        }
    }
}
