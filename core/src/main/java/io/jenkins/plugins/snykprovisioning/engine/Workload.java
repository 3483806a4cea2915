package io.jenkins.plugins.snykprovisioning.engine;

/**
 * What a run is about to do, known once the file has been checked.
 *
 * @param source the user file's name
 * @param rows rows in the file (blank lines aside)
 * @param invalidRows rows that fail on their own (bad email, missing role or org...)
 * @param duplicateRows rows repeating an earlier (email, org)
 * @param orgs distinct orgs
 * @param resumed users an earlier run already did
 */
public record Workload(Mode mode, boolean dryRun, String source, long rows, long invalidRows, long duplicateRows,
        int orgs, long resumed) {
}
