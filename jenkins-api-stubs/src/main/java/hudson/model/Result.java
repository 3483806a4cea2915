package hudson.model;

import java.io.Serializable;

/** A build's outcome. Flattened: really also implements CustomExportedBean. */
public final class Result implements Serializable {
    public static final Result SUCCESS = null;
    public static final Result UNSTABLE = null;
    public static final Result FAILURE = null;
    public static final Result NOT_BUILT = null;
    public static final Result ABORTED = null;

    private Result() {
        throw new UnsupportedOperationException();
    }

    public boolean isWorseThan(Result that) {
        throw new UnsupportedOperationException();
    }

    public boolean isBetterOrEqualTo(Result that) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String toString() {
        throw new UnsupportedOperationException();
    }
}
