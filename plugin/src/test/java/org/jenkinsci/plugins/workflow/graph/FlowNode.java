package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Action;
import java.util.ArrayList;
import java.util.List;

/** Test double of workflow-api's flow node, under its real name: keeps the actions added to it. */
public class FlowNode {

    public final List<Action> actions = new ArrayList<>();

    public boolean addOrReplaceAction(Action action) {
        actions.removeIf(existing -> existing.getClass() == action.getClass());
        return actions.add(action);
    }
}
