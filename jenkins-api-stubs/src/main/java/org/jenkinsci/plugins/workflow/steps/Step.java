package org.jenkinsci.plugins.workflow.steps;

import hudson.model.AbstractDescribableImpl;

/** A Pipeline step's configuration. Flattened: really also implements ExtensionPoint. */
public abstract class Step extends AbstractDescribableImpl<Step> {
    public Step() {
        throw new UnsupportedOperationException();
    }

    public abstract StepExecution start(StepContext context) throws Exception;

    @Override
    public StepDescriptor getDescriptor() {
        throw new UnsupportedOperationException();
    }
}
