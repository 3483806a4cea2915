package io.jenkins.plugins.snykprovisioning.simulator.model;

/** Totals over the whole state, for quick assertions in tests and benchmarks. */
public record StateCounts(int users, int usersInPlatform, int groups, int orgs, int orgMemberships,
        int pendingProvisions) {
}
