package io.jenkins.plugins.snykprovisioning.jenkins;

import java.util.Map;

/** What a run gives its build: the Pipeline step's value, and whether the build is unstable. */
interface StepResult {

    /** The Pipeline step's value: plain strings, numbers and booleans, which scripts read without approval. */
    Map<String, Object> stepValue();

    /** Why the build is unstable, for its result and the Pipeline stage; null when it is not. */
    String unstableReason();
}
