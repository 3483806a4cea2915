package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.input.InputLimits;
import io.jenkins.plugins.snykprovisioning.input.UserSource;
import io.jenkins.plugins.snykprovisioning.results.PreviousRun;

/**
 * What one provisioning run is asked to do, checked and complete ({@link Provisioning.Builder} makes it).
 *
 * @param defaultOrgId org for rows without {@code org_id}, or null
 * @param groupId needed to resolve role names and to add existing users to an org, or null
 * @param defaultRole role (public id or name) for rows without one, or null
 * @param previousRun users an earlier run already did, which this one does not send again
 * @param concurrency requests in flight at once, which also sizes the worker pool
 * @param sync for sync and offboarding runs, what else they are asked; null for the other modes
 */
record ProvisioningRequest(UserSource source, Mode mode, String defaultOrgId, String groupId, String defaultRole,
        boolean dryRun, InputLimits limits, PreviousRun previousRun, OutputFiles outputs, int concurrency, SyncOptions sync) {
}
