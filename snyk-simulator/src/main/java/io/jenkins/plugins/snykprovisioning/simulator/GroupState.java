package io.jenkins.plugins.snykprovisioning.simulator;

import io.jenkins.plugins.snykprovisioning.simulator.model.Group;
import io.jenkins.plugins.snykprovisioning.simulator.model.GroupMember;
import io.jenkins.plugins.snykprovisioning.simulator.model.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mutable form of a group inside {@link SimulatorState}; only touched under its lock. */
final class GroupState {

    final String id;
    final String name;
    boolean ssoConfigured;
    final Map<String, Role> rolesById = new LinkedHashMap<>();
    final Map<String, GroupMember> membersByUserId = new LinkedHashMap<>();
    final List<OrgState> orgs = new ArrayList<>();

    GroupState(String id, String name, boolean ssoConfigured) {
        this.id = id;
        this.name = name;
        this.ssoConfigured = ssoConfigured;
    }

    Role roleByName(String roleName) {
        for (Role role : rolesById.values()) {
            if (role.name().equalsIgnoreCase(roleName)) {
                return role;
            }
        }
        return null;
    }

    Group toRecord() {
        return new Group(id, name, ssoConfigured, List.copyOf(rolesById.values()),
                List.copyOf(membersByUserId.values()));
    }
}
