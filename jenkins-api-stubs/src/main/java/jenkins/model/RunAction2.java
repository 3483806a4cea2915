package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

/** An action that is told which build it belongs to, when added and when loaded from disk. */
public interface RunAction2 extends Action {
    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}
