package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.input.UserRow;
import io.jenkins.plugins.snykprovisioning.input.UserRows;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The first of a run's two passes over the user file: every row is read and checked before
 * anything is sent, so a broken file stops the run with nothing done, and duplicates are known
 * before their first row is acted on. Only a small entry per distinct user is kept.
 */
final class InputScan {

    /** Lines named when rows lack an org. */
    private static final int LINES_NAMED = 5;

    /** The first row of one (email, org), and any other roles later rows give it. */
    static final class FirstRow {
        final int line;
        final String role;
        List<String> otherRoles;

        FirstRow(int line, String role) {
            this.line = line;
            this.role = role;
        }
    }

    long rows;
    long invalidRows;
    long duplicateRows;
    final Map<String, FirstRow> firstRows = new HashMap<>();
    final Map<String, Integer> usersPerOrg = new HashMap<>();
    final Set<String> roles = new HashSet<>();
    final List<String> warnings = new ArrayList<>();
    /** Rows with an email but no org, from the row or the run's default: the run cannot be done as set up. */
    long rowsWithoutOrg;
    final List<Integer> firstLinesWithoutOrg = new ArrayList<>();

    /** Reads the whole file; {@code checkpoint} runs for each row and throws to stop early. */
    static InputScan of(ProvisioningRequest request, Runnable checkpoint) throws IOException {
        InputScan scan = new InputScan();
        try (UserRows rows = UserRows.open(request.source(), request.limits())) {
            UserRow row;
            while ((row = rows.next()) != null) {
                checkpoint.run();
                scan.add(CheckedRow.of(row, request));
            }
            scan.warnings.addAll(rows.warnings());
        }
        return scan;
    }

    private void add(CheckedRow row) {
        rows++;
        if (row.orgId() == null && row.email() != null) {
            rowsWithoutOrg++;
            if (firstLinesWithoutOrg.size() < LINES_NAMED) {
                firstLinesWithoutOrg.add(row.line());
            }
        }
        if (row.problem() != null) {
            invalidRows++;
            return;
        }
        roles.add(row.role());
        FirstRow first = firstRows.get(row.key());
        if (first == null) {
            firstRows.put(row.key(), new FirstRow(row.line(), row.role()));
            usersPerOrg.merge(row.orgId(), 1, Integer::sum);
            return;
        }
        duplicateRows++;
        if (!first.role.equals(row.role())) {
            if (first.otherRoles == null) {
                first.otherRoles = new ArrayList<>(1);
            }
            first.otherRoles.add(row.role());
        }
    }

    /** Why the run cannot start when rows lack an org, naming their first lines. */
    String withoutOrgProblem() {
        String lines = firstLinesWithoutOrg.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (rowsWithoutOrg > firstLinesWithoutOrg.size() ? ", ..." : "");
        return rowsWithoutOrg + " row(s) have no org_id and no default org id was given (on line(s) " + lines
                + "); give the default org id (--org-id, or orgId in Jenkins) or an org_id in every row";
    }

    /** Rows of this user give roles that are not the same role once resolved. */
    static boolean conflicting(FirstRow first, RoleCatalog roles) {
        if (first.otherRoles == null) {
            return false;
        }
        RoleCatalog.ResolvedRole firstRole = roles.resolve(first.role);
        for (String other : first.otherRoles) {
            RoleCatalog.ResolvedRole otherRole = roles.resolve(other);
            if (firstRole == null || otherRole == null || !firstRole.publicId().equalsIgnoreCase(otherRole.publicId())) {
                return true;
            }
        }
        return false;
    }
}
