package io.jenkins.plugins.snykprovisioning.plan;

/**
 * An org as a plan found it: the limits are counted against these figures.
 *
 * @param admins members with an email and the Org Admin role
 */
public record OrgCounts(String orgId, int members, int pending, int admins) {
}
