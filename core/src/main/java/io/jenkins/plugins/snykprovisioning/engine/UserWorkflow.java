package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.plan.Action;
import io.jenkins.plugins.snykprovisioning.http.CancelledException;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;

/**
 * Does what one user needs and says how it ended. An API refusal or a network failure becomes a
 * failure outcome naming the activity it happened in; an interruption ends the user as not
 * processed when nothing was changed for them yet.
 */
abstract class UserWorkflow {

    /** What is being done for a user now ("adding the user to org ..."), and whether anything was changed yet. */
    static final class Activity {
        private String name = "starting";
        private boolean changed;

        void is(String name) {
            this.name = name;
        }

        /** A write for this user was accepted by the API. */
        void changed() {
            changed = true;
        }
    }

    protected final boolean dryRun;

    UserWorkflow(boolean dryRun) {
        this.dryRun = dryRun;
    }

    /** The user's outcome; null when the run was interrupted before anything was changed for them. */
    final UserOutcome handle(CheckedRow row, RoleCatalog.ResolvedRole role) {
        return attempt(row.subject(), activity -> run(row, role, activity));
    }

    /** Work for one user, which may call the API. */
    @FunctionalInterface
    interface Work {
        UserOutcome run(Activity activity) throws TransportException, SnykApiException;
    }

    /**
     * Does {@code work} for {@code subject}: an API refusal or a network failure becomes a failure naming the
     * activity it happened in; an interruption before anything was changed gives null (not processed).
     */
    static UserOutcome attempt(UserOutcome.Subject subject, Work work) {
        Activity activity = new Activity();
        try {
            return work.run(activity);
        } catch (SnykApiException e) {
            return UserOutcome.failed(subject, failure(activity.name + " failed", e));
        } catch (TransportException e) {
            String unknown = e.mayHaveApplied() ? "; the request may have reached Snyk before the connection failed: "
                    + "run again or resume to confirm" : "";
            return UserOutcome.failed(subject, activity.name + " failed: " + e.getMessage() + unknown, "network_error");
        } catch (CancelledException e) {
            if (!activity.changed && !e.writeMayHaveApplied()) {
                return null;
            }
            return UserOutcome.failed(subject, "interrupted before this user was finished (" + e.getMessage()
                    + "); a change may have been made: run again or resume to finish", "interrupted");
        }
    }

    abstract UserOutcome run(CheckedRow row, RoleCatalog.ResolvedRole role, Activity activity)
            throws TransportException, SnykApiException;

    /** The API's refusal as a failure: Snyk's own text after {@code context}, its status, type, code and request id. */
    static UserOutcome.Failure failure(String context, SnykApiException e) {
        String message = e.apiMessage() == null || e.apiMessage().isBlank() ? "HTTP " + e.status() : e.apiMessage();
        return new UserOutcome.Failure(context == null ? message : context + ": " + message, e.status(), e.errorType(),
                e.code(), e.requestId());
    }

    UserOutcome changed(OutcomeCategory category, CheckedRow row, UserOutcome.Change change) {
        return UserOutcome.changed(category, row.subject(), change, dryRun);
    }

    /** A role change: from which role to which, for {@code userId} (null for a pending provision). */
    UserOutcome.Change roleChange(String previous, RoleCatalog.ResolvedRole role, String userId, Action planned) {
        return new UserOutcome.Change(previous, role.name() != null ? role.name() : role.publicId(), role.publicId(), userId,
                null, dryRun ? planned : null, false, null, 0, null);
    }
}
