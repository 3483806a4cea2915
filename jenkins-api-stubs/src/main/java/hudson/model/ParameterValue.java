package hudson.model;

import java.io.Serializable;

/** One parameter of a build: its name, and a value whose type depends on the kind of parameter. */
public abstract class ParameterValue implements Serializable {
    protected ParameterValue(String name) {
        throw new UnsupportedOperationException();
    }

    public final String getName() {
        throw new UnsupportedOperationException();
    }

    /** A string parameter's text, a credentials parameter's credentials id; other kinds give other types. */
    public Object getValue() {
        throw new UnsupportedOperationException();
    }
}
