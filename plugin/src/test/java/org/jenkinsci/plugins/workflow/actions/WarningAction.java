package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Action;
import hudson.model.Result;

/** Test double of workflow-api's warning action, under its real name and with its constructor and wither. */
public class WarningAction implements Action {

    public final Result result;
    public String message;

    public WarningAction(Result result) {
        this.result = result;
    }

    public WarningAction withMessage(String value) {
        this.message = value;
        return this;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
