package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import java.util.Objects;

/**
 * Users refused in a row by Snyk for the same permission reason (a 403 of type {@code forbidden} with the same
 * error code). No check before the run can know everything (a custom role, a permission taken away meanwhile),
 * and a token without the permission fails every user alike: after {@link #LIMIT} such refusals in a row the
 * run stops instead, leaving the other users to a resume.
 */
final class RefusalStreak {

    /** Refusals in a row that stop the run. */
    static final int LIMIT = 5;

    private String reason;
    private int length;

    /**
     * Counts {@code outcome}; true while the streak is long enough to stop the run, so that each worker that
     * sees it stops the run at once, before it takes another user.
     */
    synchronized boolean add(UserOutcome outcome) {
        UserOutcome.Failure failure = outcome.failure();
        if (failure == null || outcome.refusedWithStatus() != 403 || !"forbidden".equals(failure.errorType())) {
            reason = null;
            length = 0;
            return false;
        }
        String same = "HTTP 403 " + Objects.toString(failure.code(), "");
        length = same.equals(reason) ? length + 1 : 1;
        reason = same;
        return length >= LIMIT;
    }
}
