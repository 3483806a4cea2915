package hudson.model;

/** A freestyle-style build. Flattened: its Queue and SCM supertypes are left out. */
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R> {
    private AbstractBuild() {
        throw new UnsupportedOperationException();
    }

    public abstract void run();
}
