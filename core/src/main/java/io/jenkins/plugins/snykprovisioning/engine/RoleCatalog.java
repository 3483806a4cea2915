package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.snyk.OrgRole;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import io.jenkins.plugins.snykprovisioning.snyk.SnykIds;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the roles a file names, by public id or by name (any case, any spacing), from one
 * {@code GET /v1/group/{groupId}/roles} per run. Without a group id, a role must be a public id
 * (a UUID), which is sent as given for Snyk to judge.
 */
final class RoleCatalog {

    /** A role as the run uses it; {@code name} is null when it could not be looked up. */
    record ResolvedRole(String publicId, String name) {
    }

    private final boolean verified;
    private final Map<String, OrgRole> byId = new HashMap<>();
    private final Map<String, OrgRole> byName = new HashMap<>();
    private final Set<String> ambiguousNames = new HashSet<>();

    private RoleCatalog(boolean verified) {
        this.verified = verified;
    }

    static RoleCatalog unverified() {
        return new RoleCatalog(false);
    }

    static RoleCatalog load(SnykApi api, String groupId) throws TransportException, SnykApiException {
        return of(api.roles().list(groupId));
    }

    static RoleCatalog of(List<OrgRole> roles) {
        RoleCatalog catalog = new RoleCatalog(true);
        for (OrgRole role : roles) {
            catalog.byId.put(role.publicId().toLowerCase(Locale.ROOT), role);
            if (role.name() != null && catalog.byName.put(OrgRole.comparableName(role.name()), role) != null) {
                catalog.ambiguousNames.add(OrgRole.comparableName(role.name()));
            }
        }
        return catalog;
    }

    boolean verified() {
        return verified;
    }

    int size() {
        return byId.size();
    }

    /** The role {@code value} names, or null when the group has no such role. */
    ResolvedRole resolve(String value) {
        if (!verified) {
            return SnykIds.isUuid(value) ? new ResolvedRole(value, null) : null;
        }
        OrgRole role = byId.get(value.toLowerCase(Locale.ROOT));
        if (role == null && !ambiguousNames.contains(OrgRole.comparableName(value))) {
            role = byName.get(OrgRole.comparableName(value));
        }
        return role == null ? null : new ResolvedRole(role.publicId(), role.name());
    }

    /** Why {@code value} does not resolve. */
    String whyUnknown(String value, String groupId) {
        if (!verified) {
            return "without a group id a role must be given as its public id (a UUID), not '" + value + "'";
        }
        if (ambiguousNames.contains(OrgRole.comparableName(value))) {
            return "more than one role of group " + groupId + " is named '" + value + "'; give its public id";
        }
        return "group " + groupId + " has no role with the public id or name '" + value + "'";
    }

    /** True when a member's role (as a name or id) is the role {@code wanted}. */
    static boolean sameRole(String roleIdOrName, ResolvedRole wanted) {
        if (roleIdOrName == null || wanted == null) {
            return false;
        }
        return roleIdOrName.equalsIgnoreCase(wanted.publicId())
                || (wanted.name() != null && OrgRole.comparableName(roleIdOrName).equals(OrgRole.comparableName(wanted.name())));
    }
}
