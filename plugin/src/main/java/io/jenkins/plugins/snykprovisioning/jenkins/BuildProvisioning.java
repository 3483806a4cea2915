package io.jenkins.plugins.snykprovisioning.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;

/** Runs the provisioning of a freestyle or Pipeline step in its build, with the build's outcome. */
final class BuildProvisioning {

    private BuildProvisioning() {
    }

    /**
     * Runs in the controller's JVM. Failed users make the build unstable; a run that cannot be done, or
     * failed users with {@code failOnUserErrors}, fail it with a one-line message.
     */
    static ProvisioningResult run(ProvisioningSettings settings, Run<?, ?> run, FilePath workspace, EnvVars environment,
            Launcher launcher, TaskListener listener) throws IOException, InterruptedException {
        ProvisioningRunner runner = new ProvisioningRunner(new FilePathWorkspace(run, workspace, launcher, listener),
                new RunCredentials(run, environment), new RunBuildRecord(run), listener.getLogger(),
                SnykApiDefaults.current());
        try {
            ProvisioningResult result = runner.run(ResolvedSettings.of(settings, environment::expand));
            if (result.usersFailed()) {
                run.setResult(Result.UNSTABLE);
            }
            return result;
        } catch (ProvisioningException e) {
            throw new AbortException(e.getMessage());
        }
    }
}
