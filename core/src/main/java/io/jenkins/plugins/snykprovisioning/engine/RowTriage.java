package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.results.PreviousRun;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides the rows that never reach the API: rows bad on their own, repeats of an earlier row,
 * rows whose role the group does not have, and users an earlier run already did.
 */
final class RowTriage {

    private final InputScan scan;
    private final RoleCatalog roles;
    private final String groupId;
    private final Set<String> carried = new HashSet<>();

    RowTriage(InputScan scan, RoleCatalog roles, String groupId) {
        this.scan = scan;
        this.roles = roles;
        this.groupId = groupId;
    }

    /**
     * Records the earlier outcome of every user of the file that {@code previous} shows
     * done, before any work starts, so that a crash now cannot lose them.
     *
     * @return how many were carried over
     */
    int carryOver(PreviousRun previous, OutcomeRecorder recorder) throws IOException {
        if (previous.size() == 0) {
            return 0;
        }
        for (String key : scan.firstRows.keySet()) {
            UserOutcome earlier = previous.outcomeOf(key);
            if (earlier != null) {
                recorder.record(earlier);
                carried.add(key);
            }
        }
        return carried.size();
    }

    /** True for the row of a user carried over from the earlier run: its outcome is already recorded. */
    boolean carriedOver(CheckedRow row) {
        return row.problem() == null && carried.contains(row.key()) && scan.firstRows.get(row.key()).line == row.line();
    }

    /** The outcome known from the file alone, or null when the row needs the API. */
    UserOutcome outcomeWithoutApi(CheckedRow row) {
        if (row.problem() != null) {
            return UserOutcome.failed(row.subject(), row.problem(), "invalid_row");
        }
        InputScan.FirstRow first = scan.firstRows.get(row.key());
        if (first == null) {
            // The file changed between the two passes.
            return UserOutcome.failed(row.subject(), "the file changed while it was being processed", "invalid_row");
        }
        if (InputScan.conflicting(first, roles)) {
            return UserOutcome.failed(row.subject(), "this user appears more than once for org " + row.orgId()
                    + " with different roles (first on line " + first.line + "); fix the file", "conflicting_duplicate");
        }
        if (first.line != row.line()) {
            return UserOutcome.skipped(row.subject(), "duplicate of line " + first.line, first.line);
        }
        if (roles.resolve(row.role()) == null) {
            return UserOutcome.failed(row.subject(), roles.whyUnknown(row.role(), groupId), "unknown_role");
        }
        return null;
    }
}
