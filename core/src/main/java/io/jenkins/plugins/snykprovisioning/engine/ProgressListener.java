package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.results.RunSummary;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;

/**
 * Events of a run, so that a terminal, a log file and a Jenkins console can each show progress
 * their own way. Called from worker threads; texts are free of secrets.
 */
public interface ProgressListener {

    /** The file was read and checked; work starts. */
    default void started(RunPlan plan) {
    }

    /** Something worth telling that does not stop the run (an ignored column, a list that was read). */
    default void notice(String message) {
    }

    /** A user is done; {@code done} of {@code total} rows have an outcome. */
    default void userDone(UserOutcome outcome, long done, long total) {
    }

    /** A request failed in a way worth another try. */
    default void retrying(String request, int attempt, String reason, long delayMillis) {
    }

    /** One HTTP exchange, for detailed logs ({@code status} 0 when there was no answer). */
    default void exchanged(String request, int status, long millis, int attempt, String failure) {
    }

    default void finished(RunSummary summary) {
    }

    ProgressListener NONE = new ProgressListener() { };
}
