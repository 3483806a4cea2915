package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.input.InputLimits;
import io.jenkins.plugins.snykprovisioning.input.UserSource;
import io.jenkins.plugins.snykprovisioning.results.PreviousRun;
import java.util.Objects;

/**
 * What to do in one run.
 *
 * @param defaultOrgId org for rows without {@code org_id}
 * @param groupId needed to resolve role names and to add existing users to an org
 * @param defaultRole role (public id or name) for rows without one
 * @param previousRun users an earlier run already did, which this one does not send again
 */
public record RunRequest(UserSource source, Mode mode, String defaultOrgId, String groupId, String defaultRole,
        boolean dryRun, InputLimits limits, PreviousRun previousRun, RunOutputs outputs) {

    public RunRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(outputs, "outputs");
        mode = mode == null ? Mode.PROVISION : mode;
        defaultOrgId = blankToNull(defaultOrgId);
        groupId = blankToNull(groupId);
        defaultRole = blankToNull(defaultRole);
        limits = limits == null ? InputLimits.DEFAULT : limits;
        previousRun = previousRun == null ? PreviousRun.none() : previousRun;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
