package hudson.model;

import java.util.List;
import jenkins.model.RunAction2;

/**
 * The parameters a build was started with. Flattened: really also Iterable, a QueueAction, an
 * EnvironmentContributingAction and a LabelAssignmentAction.
 */
public class ParametersAction implements RunAction2 {
    public ParametersAction(List<ParameterValue> parameters) {
        throw new UnsupportedOperationException();
    }

    /** Every parameter, also those the job does not define (which the build's environment leaves out). */
    public List<ParameterValue> getAllParameters() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException();
    }
}
