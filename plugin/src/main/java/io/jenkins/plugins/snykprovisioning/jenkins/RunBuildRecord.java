package io.jenkins.plugins.snykprovisioning.jenkins;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import jenkins.util.BuildListenerAdapter;

/** The build on the controller: its folder holds each run's files while it runs, its artifacts and page keep them. */
final class RunBuildRecord implements BuildRecord {

    static final String FOLDER = "snyk-provisioning";

    private final Run<?, ?> run;
    private final Launcher launcher;
    private final TaskListener listener;

    RunBuildRecord(Run<?, ?> run, Launcher launcher, TaskListener listener) {
        this.run = run;
        this.launcher = launcher;
        this.listener = listener;
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
    public void archive(Path folder, Map<String, String> artifacts) throws IOException, InterruptedException {
        run.pickArtifactManager().archive(new FilePath(folder.toFile()), launcher, BuildListenerAdapter.wrap(listener), artifacts);
    }

    @Override
    public void attach(ProvisioningSummaryAction summary) {
        summary.numbered(run.getActions(ProvisioningSummaryAction.class).size() + 1);
        run.addAction(summary);
    }
}
