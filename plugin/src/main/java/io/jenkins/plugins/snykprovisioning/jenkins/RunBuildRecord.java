package io.jenkins.plugins.snykprovisioning.jenkins;

import hudson.model.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The build on the controller: its folder keeps each run's files, its page shows each run's summary. */
final class RunBuildRecord implements BuildRecord {

    static final String FOLDER = "snyk-provisioning";

    private final Run<?, ?> run;

    RunBuildRecord(Run<?, ?> run) {
        this.run = run;
    }

    @Override
    public Path newOutputFolder() throws IOException {
        // One folder per run: a build may provision more than once.
        Path parent = run.getRootDir().toPath().resolve(FOLDER);
        for (int number = 1; ; number++) {
            Path folder = parent.resolve(Integer.toString(number));
            if (!Files.exists(folder)) {
                return Files.createDirectories(folder);
            }
        }
    }

    @Override
    public void attach(ProvisioningSummaryAction summary) {
        summary.numbered(run.getActions(ProvisioningSummaryAction.class).size() + 1);
        run.addAction(summary);
    }
}
