package hudson.model;

import java.util.SortedMap;

/** Flattened: really extends AbstractItem. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> implements Item {
    /** Package-private so the stubbed subclasses compile; Jenkins' own constructors are not for plugins. */
    Job() {
        throw new UnsupportedOperationException();
    }

    public abstract boolean isBuildable();

    public RunT getLastBuild() {
        throw new UnsupportedOperationException();
    }

    protected abstract SortedMap<Integer, ? extends RunT> _getRuns();

    protected abstract void removeRun(RunT run);
}
