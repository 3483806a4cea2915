package io.jenkins.plugins.snykprovisioning.simulator.model;

import java.util.List;

/** A copy of a group: its org-level roles and its explicit members. */
public record Group(String id, String name, boolean ssoConfigured, List<Role> roles, List<GroupMember> members) {

    public Group {
        roles = roles == null ? List.of() : List.copyOf(roles);
        members = members == null ? List.of() : List.copyOf(members);
    }
}
