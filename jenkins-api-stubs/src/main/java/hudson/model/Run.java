package hudson.model;

import hudson.security.AccessControlled;
import java.io.File;
import java.io.IOException;
import java.util.List;
import jenkins.model.ArtifactManager;

/** A build. Flattened: really extends Actionable (where addAction and getAction come from) and more. */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> implements AccessControlled {
    /** Package-private so the stubbed subclasses compile; Jenkins' own constructors are not for plugins. */
    Run() {
        throw new UnsupportedOperationException();
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException();
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    public Result getResult() {
        throw new UnsupportedOperationException();
    }

    public void setResult(Result r) {
        throw new UnsupportedOperationException();
    }

    public JobT getParent() {
        throw new UnsupportedOperationException();
    }

    public int getNumber() {
        throw new UnsupportedOperationException();
    }

    public RunT getPreviousBuild() {
        throw new UnsupportedOperationException();
    }

    public final long getStartTimeInMillis() {
        throw new UnsupportedOperationException();
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException();
    }

    public String getUrl() {
        throw new UnsupportedOperationException();
    }

    public String getExternalizableId() {
        throw new UnsupportedOperationException();
    }

    /** The manager to read artifacts with. */
    public final ArtifactManager getArtifactManager() {
        throw new UnsupportedOperationException();
    }

    /** The manager to archive new artifacts with (chooses one on first use). */
    public final synchronized ArtifactManager pickArtifactManager() throws IOException {
        throw new UnsupportedOperationException();
    }

    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    /** The build's own folder on the controller (build.xml, log, archive). */
    public File getRootDir() {
        throw new UnsupportedOperationException();
    }
}
