package io.jenkins.plugins.snykprovisioning.simulator.model;

import java.util.List;

/** A copy of an org: its members, its pending provisions and its open invitations. */
public record Org(String id, String name, String groupId, List<OrgMembership> members,
        List<PendingProvision> pendingProvisions, List<Invite> invites) {

    public Org {
        members = members == null ? List.of() : List.copyOf(members);
        pendingProvisions = pendingProvisions == null ? List.of() : List.copyOf(pendingProvisions);
        invites = invites == null ? List.of() : List.copyOf(invites);
    }
}
