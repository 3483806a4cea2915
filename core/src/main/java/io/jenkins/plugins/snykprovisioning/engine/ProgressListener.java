package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.plan.Plan;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;

/**
 * Events of a run, so that a terminal, a log file and a Jenkins console can each show progress
 * their own way. Called from worker threads; texts are free of secrets.
 */
public interface ProgressListener {

    /** The file was read and checked; work starts. */
    default void started(Workload workload) {
    }

    /** Something worth telling that does not stop the run (an ignored column, a list that was read). */
    default void notice(String message) {
    }

    /** A user is done; {@code done} of {@code total} rows have an outcome. Called for one user at a time, {@code done} rising. */
    default void userDone(UserOutcome outcome, long done, long total) {
    }

    /** A request failed in a way worth another try. */
    default void retrying(String request, int attempt, String reason, long delayMillis) {
    }

    /** One HTTP exchange, for detailed logs ({@code status} 0 when there was no answer). */
    default void exchanged(String request, int status, long millis, int attempt, String failure) {
    }

    /** A sync or an offboarding made (or was given) its plan: about to apply it, or done if only planning. */
    default void planned(Plan plan) {
    }

    default void finished(ProvisioningSummary summary) {
    }

    ProgressListener NONE = new ProgressListener() { };

    /** One listener that passes every event to each of {@code listeners}, in order. */
    static ProgressListener all(ProgressListener... listeners) {
        return new ProgressListener() {
            @Override
            public void started(Workload workload) {
                for (ProgressListener listener : listeners) {
                    listener.started(workload);
                }
            }

            @Override
            public void notice(String message) {
                for (ProgressListener listener : listeners) {
                    listener.notice(message);
                }
            }

            @Override
            public void userDone(UserOutcome outcome, long done, long total) {
                for (ProgressListener listener : listeners) {
                    listener.userDone(outcome, done, total);
                }
            }

            @Override
            public void retrying(String request, int attempt, String reason, long delayMillis) {
                for (ProgressListener listener : listeners) {
                    listener.retrying(request, attempt, reason, delayMillis);
                }
            }

            @Override
            public void exchanged(String request, int status, long millis, int attempt, String failure) {
                for (ProgressListener listener : listeners) {
                    listener.exchanged(request, status, millis, attempt, failure);
                }
            }

            @Override
            public void planned(Plan plan) {
                for (ProgressListener listener : listeners) {
                    listener.planned(plan);
                }
            }

            @Override
            public void finished(ProvisioningSummary summary) {
                for (ProgressListener listener : listeners) {
                    listener.finished(summary);
                }
            }
        };
    }
}
