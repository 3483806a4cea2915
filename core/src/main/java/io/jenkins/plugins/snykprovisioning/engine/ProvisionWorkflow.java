package io.jenkins.plugins.snykprovisioning.engine;

import static io.jenkins.plugins.snykprovisioning.results.OutcomeCategory.ALREADY_ADDED;
import static io.jenkins.plugins.snykprovisioning.results.OutcomeCategory.ALREADY_PROVISIONED;
import static io.jenkins.plugins.snykprovisioning.results.OutcomeCategory.ORG_MEMBERSHIPS;
import static io.jenkins.plugins.snykprovisioning.results.OutcomeCategory.PROVISIONED;
import static io.jenkins.plugins.snykprovisioning.results.OutcomeCategory.ROLE_UPDATED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import io.jenkins.plugins.snykprovisioning.snyk.Membership;
import io.jenkins.plugins.snykprovisioning.snyk.OrgMembershipsClient;
import io.jenkins.plugins.snykprovisioning.snyk.PendingProvision;
import io.jenkins.plugins.snykprovisioning.snyk.ProvisionClient;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;

/**
 * Provisioning one user: pending → {@code already_provisioned} (or its role replaced); a member →
 * role compared and corrected; a known group member → added to the org; anyone else →
 * provisioned, and if Snyk says the user already exists, found in the group and added to the org.
 */
final class ProvisionWorkflow extends UserWorkflow {

    private final SnykApi api;
    private final String groupId;
    private final OrgReads orgs;
    private final GroupDirectory group;

    ProvisionWorkflow(SnykApi api, RunRequest request, OrgReads orgs, GroupDirectory group) {
        super(request.dryRun());
        this.api = api;
        this.groupId = request.groupId();
        this.orgs = orgs;
        this.group = group;
    }

    @Override
    UserOutcome run(PlannedRow row, RoleCatalog.ResolvedRole role, Step step) throws TransportException, SnykApiException {
        step.is("reading org " + row.orgId());
        PendingProvision pending = orgs.pending(row.orgId(), row.email());
        if (pending != null) {
            return pendingUser(row, role, pending, step);
        }
        Membership member = orgs.member(row.orgId(), row.email());
        if (member != null) {
            return existingMember(row, role, member, step);
        }
        boolean membersListed = orgs.membersListed(row.orgId());
        Membership known = group == null ? null : group.cached(row.email());
        if (known != null) {
            return addToOrg(row, role, known.userId(), membersListed, step);
        }
        if (dryRun) {
            return planWithoutWriting(row, role, membersListed, step);
        }
        step.is("provisioning to org " + row.orgId());
        ProvisionClient.Result result = api.provisioning().provision(row.orgId(), row.email(), role.publicId());
        if (result instanceof ProvisionClient.Provisioned provisioned) {
            return success(PROVISIONED, row, provisioned.body() instanceof ObjectNode body ? body
                    : json().put("email", row.email()).put("rolePublicId", role.publicId()));
        }
        ProvisionClient.AlreadyExists exists = (ProvisionClient.AlreadyExists) result;
        if (exists.retried()) {
            // An earlier attempt of this call may have been answered too late: if the user is
            // pending now, that attempt is what provisioned them.
            step.is("checking pending provisions of org " + row.orgId());
            PendingProvision now = findPending(row);
            if (now != null) {
                return success(PROVISIONED, row, pendingJson(now).put("confirmed_after_retry", true));
            }
        }
        if (groupId == null) {
            return UserOutcome.failure(row.subject(), "The user already exists in Snyk (" + exists.detail().getMessage()
                    + "); a group id is needed to add them to the org", exists.detail().status(), "missing_group_id",
                    exists.detail().code(), exists.detail().requestId());
        }
        step.is("finding the user in group " + groupId);
        Membership inGroup = group.find(row.email());
        if (inGroup == null) {
            return UserOutcome.failure(row.subject(), "The user already exists in Snyk but is not a member of group " + groupId,
                    exists.detail().status(), "user_not_found_in_group", exists.detail().code(), exists.detail().requestId());
        }
        return addToOrg(row, role, inGroup.userId(), membersListed, step);
    }

    private UserOutcome pendingUser(PlannedRow row, RoleCatalog.ResolvedRole role, PendingProvision pending, Step step)
            throws TransportException, SnykApiException {
        if (RoleCatalog.sameRole(pending.rolePublicId(), role) || RoleCatalog.sameRole(pending.role(), role)) {
            return success(ALREADY_PROVISIONED, row, pendingJson(pending));
        }
        ObjectNode change = roleChange(pending.role() != null ? pending.role() : pending.rolePublicId(), role);
        if (dryRun) {
            return success(ROLE_UPDATED, row, change.put("planned", "replace_pending_provision"));
        }
        step.is("replacing the pending provision in org " + row.orgId());
        api.provisioning().deletePending(row.orgId(), row.email());
        step.is("provisioning again (the old pending provision was removed) to org " + row.orgId());
        ProvisionClient.Result result = api.provisioning().provision(row.orgId(), row.email(), role.publicId());
        if (result instanceof ProvisionClient.AlreadyExists exists) {
            throw exists.detail();
        }
        JsonNode body = ((ProvisionClient.Provisioned) result).body();
        if (body != null) {
            change.set("provision", body);
        }
        return success(ROLE_UPDATED, row, change);
    }

    /** A member of the org, from its listing or a lookup: skipped with the wanted role, else given it. */
    private UserOutcome existingMember(PlannedRow row, RoleCatalog.ResolvedRole role, Membership member, Step step)
            throws TransportException, SnykApiException {
        if (RoleCatalog.sameRole(member.roleId(), role) || RoleCatalog.sameRole(member.roleName(), role)) {
            return UserOutcome.skipped(row.subject(), "already a member with this role", 0);
        }
        ObjectNode change = roleChange(member.roleName() != null ? member.roleName() : member.roleId(), role)
                .put("user_id", member.userId());
        if (dryRun) {
            return success(ROLE_UPDATED, row, change.put("planned", "change_role"));
        }
        step.is("changing the member's role in org " + row.orgId());
        api.roleUpdates().change(row.orgId(), member.userId(), member.id(), role.publicId());
        return success(ROLE_UPDATED, row, change);
    }

    private UserOutcome addToOrg(PlannedRow row, RoleCatalog.ResolvedRole role, String userId, boolean membersListed, Step step)
            throws TransportException, SnykApiException {
        if (dryRun) {
            if (!membersListed) {
                step.is("reading the membership in org " + row.orgId());
                Membership member = api.orgMemberships().findByEmail(row.orgId(), row.email()).orElse(null);
                if (member != null) {
                    return existingMember(row, role, member, step);
                }
            }
            return success(ORG_MEMBERSHIPS, row, planned("add_membership").put("user_id", userId).put("role_public_id", role.publicId()));
        }
        step.is("adding the user to org " + row.orgId());
        OrgMembershipsClient.CreateResult created = api.orgMemberships().create(row.orgId(), userId, role.publicId());
        if (created instanceof OrgMembershipsClient.Created done) {
            return success(ORG_MEMBERSHIPS, row, done.body() instanceof ObjectNode body ? body
                    : json().put("user_id", userId).put("role_public_id", role.publicId()));
        }
        OrgMembershipsClient.AlreadyMember already = (OrgMembershipsClient.AlreadyMember) created;
        step.is("reading the membership in org " + row.orgId());
        Membership member = api.orgMemberships().findByEmail(row.orgId(), row.email()).orElse(null);
        if (member == null) {
            return success(ALREADY_ADDED, row, json().put("user_id", userId).put("detail", already.detail().getMessage()));
        }
        if (already.retried() && (RoleCatalog.sameRole(member.roleId(), role) || RoleCatalog.sameRole(member.roleName(), role))) {
            return success(ORG_MEMBERSHIPS, row, json().put("user_id", userId).put("membership_id", member.id())
                    .put("role_public_id", role.publicId()).put("confirmed_after_retry", true));
        }
        return existingMember(row, role, member, step);
    }

    /** A dry run cannot ask Snyk whether a user exists by provisioning; it looks the user up instead. */
    private UserOutcome planWithoutWriting(PlannedRow row, RoleCatalog.ResolvedRole role, boolean membersListed, Step step)
            throws TransportException, SnykApiException {
        if (group != null) {
            step.is("finding the user in group " + groupId);
            Membership inGroup = group.find(row.email());
            if (inGroup != null) {
                return addToOrg(row, role, inGroup.userId(), membersListed, step);
            }
        }
        return success(PROVISIONED, row, planned("provision").put("email", row.email()).put("rolePublicId", role.publicId()));
    }

    private PendingProvision findPending(PlannedRow row) throws TransportException, SnykApiException {
        for (PendingProvision pending : api.provisioning().listPending(row.orgId())) {
            if (pending.email().equalsIgnoreCase(row.email())) {
                return pending;
            }
        }
        return null;
    }

    private static ObjectNode pendingJson(PendingProvision pending) {
        return json().put("email", pending.email()).put("role", pending.role()).put("rolePublicId", pending.rolePublicId())
                .put("created", pending.created());
    }
}
