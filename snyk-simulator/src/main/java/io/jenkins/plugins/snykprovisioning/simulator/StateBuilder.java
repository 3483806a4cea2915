package io.jenkins.plugins.snykprovisioning.simulator;

import io.jenkins.plugins.snykprovisioning.simulator.model.ApiToken;
import io.jenkins.plugins.snykprovisioning.simulator.model.Role;
import io.jenkins.plugins.snykprovisioning.simulator.model.TokenType;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Fluent set-up of a {@link SimulatorState} for tests and benchmarks. Ids are given by the caller
 * so tests can name them; roles are named ("Org Collaborator", a custom role's name) and resolved
 * in the org's group. Users get name and username derived from their email.
 *
 * <pre>{@code
 * SimulatorState state = SimulatorState.builder()
 *         .group("g1", "Acme", true).customRole("g1", "role-dev", "Developer")
 *         .org("o1", "platform", "g1")
 *         .user("admin", "admin@acme.test").orgMember("o1", "admin", Role.ORG_ADMIN)
 *         .personalToken("admin-token", "admin", "admin", true)
 *         .users("dev%04d@acme.test", 1000, false)
 *         .build();
 * }</pre>
 */
public final class StateBuilder {

    private final SimulatorState state = new SimulatorState();

    StateBuilder() {
    }

    /** A group with the default roles (Org Admin, Org Collaborator, Org Restricted Collaborator). */
    public StateBuilder group(String id, String name, boolean ssoConfigured) {
        state.addGroup(id, name, ssoConfigured);
        return this;
    }

    public StateBuilder customRole(String groupId, String publicId, String name) {
        state.addCustomRole(groupId, publicId, name, "Custom role " + name);
        return this;
    }

    public StateBuilder org(String id, String name, String groupId) {
        state.addOrg(id, name, groupId);
        return this;
    }

    /** A user who has already logged in to Snyk. */
    public StateBuilder user(String id, String email) {
        return user(id, email, true);
    }

    public StateBuilder user(String id, String email, boolean existsInPlatform) {
        state.addUser(id, email, SimulatorState.displayName(email), email, existsInPlatform);
        return this;
    }

    /**
     * {@code count} users whose emails are {@code String.format(emailPattern, i)} for i = 1..count and
     * whose ids are {@link #bulkUserId(String)} of the email.
     */
    public StateBuilder users(String emailPattern, int count, boolean existInPlatform) {
        for (int i = 1; i <= count; i++) {
            String email = String.format(emailPattern, i);
            user(bulkUserId(email), email, existInPlatform);
        }
        return this;
    }

    /** The id {@link #users} gives the user with this email. */
    public static String bulkUserId(String email) {
        return UUID.nameUUIDFromBytes(("user:" + SimulatorState.emailKey(email)).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public StateBuilder orgMember(String orgId, String userId, String roleName) {
        state.addOrgMember(orgId, userId, roleId(orgId, roleName));
        return this;
    }

    public StateBuilder groupMember(String groupId, String userId, String groupRoleName) {
        state.addGroupMember(groupId, userId, groupRoleName);
        return this;
    }

    public StateBuilder pendingProvision(String orgId, String email, String roleName) {
        state.addPendingProvision(orgId, email, roleId(orgId, roleName));
        return this;
    }

    public StateBuilder personalToken(String value, String label, String userId, boolean canProvision) {
        state.addToken(new ApiToken(value, label, userId, TokenType.PERSONAL, canProvision));
        return this;
    }

    public StateBuilder serviceAccountToken(String value, String label, String userId) {
        state.addToken(new ApiToken(value, label, userId, TokenType.SERVICE_ACCOUNT, false));
        return this;
    }

    public SimulatorState build() {
        return state;
    }

    private String roleId(String orgId, String roleName) {
        String groupId = state.org(orgId).orElseThrow(() -> new IllegalArgumentException("Unknown org " + orgId))
                .groupId();
        return state.roleByName(groupId, roleName).map(Role::publicId)
                .orElseThrow(() -> new IllegalArgumentException("No role named " + roleName + " in group " + groupId));
    }
}
