package hudson.tasks;

import hudson.model.Describable;

public abstract class Publisher implements Describable<Publisher> {
}
