package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.input.UserRow;
import io.jenkins.plugins.snykprovisioning.input.UserRows;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a sync or offboarding file asks, read whole and checked before anything is planned: a row that
 * cannot be used makes the whole plan unusable, since with removals a user missing by mistake would be
 * taken away.
 */
final class DesiredUsers {

    /** One user the file names for an org; {@code orgId} is null for offboarding from every org. */
    record Wanted(String email, String orgId, int line, RoleCatalog.ResolvedRole role) {
    }

    /** Sync: per org (in file order), the wanted users by email (lower case). */
    final Map<String, Map<String, Wanted>> byOrg = new LinkedHashMap<>();
    /** Offboarding: every user to take away, in file order. */
    final List<Wanted> leavers = new ArrayList<>();
    /** "line N: why", one per row that cannot be used. */
    final List<String> problems = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    long rows;

    /** Every row of the file; {@code roles} resolves sync rows' roles, and {@code checkpoint} throws to stop early. */
    static DesiredUsers read(ProvisioningRequest request, RoleCatalog roles, Runnable checkpoint) throws IOException {
        DesiredUsers desired = new DesiredUsers();
        boolean offboarding = request.mode() == Mode.OFFBOARD;
        Set<String> seenLeavers = new LinkedHashSet<>();
        try (UserRows rows = UserRows.open(request.source(), request.limits())) {
            UserRow row;
            while ((row = rows.next()) != null) {
                checkpoint.run();
                desired.rows++;
                CheckedRow checked = CheckedRow.of(row, request);
                if (checked.problem() != null) {
                    desired.problems.add("line " + checked.line() + ": " + checked.problem());
                } else if (offboarding) {
                    if (seenLeavers.add(checked.key())) {
                        desired.leavers.add(new Wanted(checked.email(), checked.orgId(), checked.line(), null));
                    }
                } else {
                    desired.want(checked, roles, request.groupId());
                }
            }
            desired.warnings.addAll(rows.warnings());
        }
        return desired;
    }

    private void want(CheckedRow row, RoleCatalog roles, String groupId) {
        RoleCatalog.ResolvedRole role = roles.resolve(row.role());
        if (role == null) {
            problems.add("line " + row.line() + ": " + roles.whyUnknown(row.role(), groupId));
            return;
        }
        Map<String, Wanted> org = byOrg.computeIfAbsent(row.orgId(), id -> new LinkedHashMap<>());
        Wanted first = org.get(TenantSnapshot.key(row.email()));
        if (first == null) {
            org.put(TenantSnapshot.key(row.email()), new Wanted(row.email(), row.orgId(), row.line(), role));
        } else if (!first.role().publicId().equalsIgnoreCase(role.publicId())) {
            problems.add("line " + row.line() + ": " + row.email() + " is also on line " + first.line()
                    + " for this org with another role");
        }
    }
}
