package io.jenkins.plugins.snykprovisioning.simulator;

import io.jenkins.plugins.snykprovisioning.simulator.model.Invite;
import io.jenkins.plugins.snykprovisioning.simulator.model.Org;
import io.jenkins.plugins.snykprovisioning.simulator.model.OrgMembership;
import io.jenkins.plugins.snykprovisioning.simulator.model.PendingProvision;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mutable form of an org inside {@link SimulatorState}; only touched under its lock. */
final class OrgState {

    final String id;
    final String name;
    final GroupState group;
    /** Insertion order is the listing and pagination order. */
    final Map<String, OrgMembership> membersByUserId = new LinkedHashMap<>();
    private final Map<String, OrgMembership> membersById = new HashMap<>();
    /** Keyed by {@link SimulatorState#emailKey(String)}. */
    final Map<String, PendingProvision> pendingByEmail = new LinkedHashMap<>();
    final Map<String, Invite> invitesById = new LinkedHashMap<>();

    OrgState(String id, String name, GroupState group) {
        this.id = id;
        this.name = name;
        this.group = group;
    }

    OrgMembership memberById(String membershipId) {
        return membersById.get(membershipId);
    }

    /** Adds a membership or replaces the one with the same user, keeping its listing position. */
    void putMember(OrgMembership membership) {
        membersByUserId.put(membership.userId(), membership);
        membersById.put(membership.id(), membership);
    }

    void removeMember(OrgMembership membership) {
        membersByUserId.remove(membership.userId());
        membersById.remove(membership.id());
    }

    Org toRecord() {
        return new Org(id, name, group.id, List.copyOf(membersByUserId.values()),
                List.copyOf(pendingByEmail.values()), List.copyOf(invitesById.values()));
    }
}
