package hudson.model;

import java.io.PrintStream;
import java.io.Serializable;

/** A build's log. Flattened: really extends SerializableOnlyOverRemoting. */
public interface TaskListener extends Serializable {
    PrintStream getLogger();
}
