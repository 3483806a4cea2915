package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.plan.Action;
import static io.jenkins.plugins.snykprovisioning.results.OutcomeCategory.ALREADY_ADDED;
import static io.jenkins.plugins.snykprovisioning.results.OutcomeCategory.ALREADY_PROVISIONED;
import static io.jenkins.plugins.snykprovisioning.results.OutcomeCategory.ORG_MEMBERSHIPS;
import static io.jenkins.plugins.snykprovisioning.results.OutcomeCategory.PROVISIONED;
import static io.jenkins.plugins.snykprovisioning.results.OutcomeCategory.ROLE_UPDATED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.results.ResultsFormat;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome.Change;
import io.jenkins.plugins.snykprovisioning.snyk.Membership;
import io.jenkins.plugins.snykprovisioning.snyk.OrgMembershipsClient;
import io.jenkins.plugins.snykprovisioning.snyk.PendingUser;
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

    ProvisionWorkflow(SnykApi api, ProvisioningRequest request, OrgReads orgs, GroupDirectory group) {
        super(request.dryRun());
        this.api = api;
        this.groupId = request.groupId();
        this.orgs = orgs;
        this.group = group;
    }

    @Override
    UserOutcome run(CheckedRow row, RoleCatalog.ResolvedRole role, Activity activity) throws TransportException, SnykApiException {
        activity.is("reading org " + row.orgId());
        PendingUser pending = orgs.pending(row.orgId(), row.email());
        if (pending != null) {
            return pendingUser(row, role, pending, activity);
        }
        Membership member = orgs.member(row.orgId(), row.email());
        if (member != null) {
            return existingMember(row, role, member, activity);
        }
        boolean membersListed = orgs.membersListed(row.orgId());
        Membership known = group == null ? null : group.cached(row.email());
        if (known != null) {
            return addToOrg(row, role, known.userId(), membersListed, activity);
        }
        if (dryRun) {
            return planWithoutWriting(row, role, membersListed, activity);
        }
        return provisionNew(row, role, membersListed, activity);
    }

    /**
     * Provisions a user who is neither a member nor pending; if Snyk says the user already exists,
     * finds them in the group and adds them to the org.
     */
    UserOutcome provisionNew(CheckedRow row, RoleCatalog.ResolvedRole role, boolean membersListed, Activity activity)
            throws TransportException, SnykApiException {
        activity.is("provisioning to org " + row.orgId());
        ProvisionClient.Result result = api.provisioning().provision(row.orgId(), row.email(), role.publicId());
        if (result instanceof ProvisionClient.Provisioned provisioned) {
            activity.changed();
            return changed(PROVISIONED, row, provision(role, provisioned.body(), null));
        }
        ProvisionClient.AlreadyExists exists = (ProvisionClient.AlreadyExists) result;
        if (exists.retried()) {
            // An earlier attempt of this call may have been answered too late: if the user is
            // pending now, that attempt is what provisioned them.
            activity.is("checking pending provisions of org " + row.orgId());
            PendingUser now = findPending(row);
            if (now != null) {
                return changed(PROVISIONED, row, new Change(null, null, role.publicId(), null, null, null, true, null, 0,
                        ResultsFormat.pendingAnswer(now)));
            }
        }
        if (groupId == null) {
            return UserOutcome.failed(row.subject(), refusal("The user already exists in Snyk (" + exists.detail().getMessage()
                    + "); a group id is needed to add them to the org", "missing_group_id", exists.detail()));
        }
        activity.is("finding the user in group " + groupId);
        Membership inGroup = group.find(row.email());
        if (inGroup == null) {
            return UserOutcome.failed(row.subject(), refusal("The user already exists in Snyk but is not a member of group "
                    + groupId, "user_not_found_in_group", exists.detail()));
        }
        return addToOrg(row, role, inGroup.userId(), membersListed, activity);
    }

    UserOutcome pendingUser(CheckedRow row, RoleCatalog.ResolvedRole role, PendingUser pending, Activity activity)
            throws TransportException, SnykApiException {
        if (RoleCatalog.sameRole(pending.rolePublicId(), role) || RoleCatalog.sameRole(pending.role(), role)) {
            return changed(ALREADY_PROVISIONED, row, new Change(null, null, null, null, null, null, false, null, 0,
                    ResultsFormat.pendingAnswer(pending)));
        }
        String previous = pending.shownRole();
        if (dryRun) {
            return changed(ROLE_UPDATED, row, roleChange(previous, role, null, Action.REPLACE_PENDING_PROVISION));
        }
        activity.is("replacing the pending provision in org " + row.orgId());
        api.provisioning().deletePending(row.orgId(), row.email());
        activity.changed();
        activity.is("provisioning again (the old pending provision was removed) to org " + row.orgId());
        ProvisionClient.Result result = api.provisioning().provision(row.orgId(), row.email(), role.publicId());
        if (result instanceof ProvisionClient.AlreadyExists exists) {
            throw exists.detail();
        }
        activity.changed();
        return changed(ROLE_UPDATED, row, roleChange(previous, role, null, null).withAnswer(((ProvisionClient.Provisioned) result).body()));
    }

    /** A member of the org, from its listing or a lookup: skipped with the wanted role, else given it. */
    UserOutcome existingMember(CheckedRow row, RoleCatalog.ResolvedRole role, Membership member, Activity activity)
            throws TransportException, SnykApiException {
        if (RoleCatalog.sameRole(member.roleId(), role) || RoleCatalog.sameRole(member.roleName(), role)) {
            return UserOutcome.skipped(row.subject(), "already a member with this role", 0);
        }
        Change change = roleChange(member.roleName() != null ? member.roleName() : member.roleId(), role, member.userId(),
                Action.CHANGE_ROLE);
        if (dryRun) {
            return changed(ROLE_UPDATED, row, change);
        }
        activity.is("changing the member's role in org " + row.orgId());
        api.roleUpdates().change(row.orgId(), member.userId(), member.id(), role.publicId());
        activity.changed();
        return changed(ROLE_UPDATED, row, change);
    }

    UserOutcome addToOrg(CheckedRow row, RoleCatalog.ResolvedRole role, String userId, boolean membersListed,
            Activity activity) throws TransportException, SnykApiException {
        if (dryRun) {
            if (!membersListed) {
                activity.is("reading the membership in org " + row.orgId());
                Membership member = api.orgMemberships().findByEmail(row.orgId(), row.email()).orElse(null);
                if (member != null) {
                    return existingMember(row, role, member, activity);
                }
            }
            return changed(ORG_MEMBERSHIPS, row, membership(role, userId, null, Action.ADD_MEMBERSHIP, false, null));
        }
        activity.is("adding the user to org " + row.orgId());
        OrgMembershipsClient.CreateResult created = api.orgMemberships().create(row.orgId(), userId, role.publicId());
        if (created instanceof OrgMembershipsClient.Created done) {
            activity.changed();
            return changed(ORG_MEMBERSHIPS, row, membership(role, userId, null, null, false, done.body()));
        }
        OrgMembershipsClient.AlreadyMember already = (OrgMembershipsClient.AlreadyMember) created;
        activity.is("reading the membership in org " + row.orgId());
        Membership member = api.orgMemberships().findByEmail(row.orgId(), row.email()).orElse(null);
        if (member == null) {
            return changed(ALREADY_ADDED, row, new Change(null, null, null, userId, null, null, false,
                    already.detail().getMessage(), 0, null));
        }
        if (already.retried() && (RoleCatalog.sameRole(member.roleId(), role) || RoleCatalog.sameRole(member.roleName(), role))) {
            return changed(ORG_MEMBERSHIPS, row, membership(role, userId, member.id(), null, true, null));
        }
        return existingMember(row, role, member, activity);
    }

    /** A dry run cannot ask Snyk whether a user exists by provisioning; it looks the user up instead. */
    private UserOutcome planWithoutWriting(CheckedRow row, RoleCatalog.ResolvedRole role, boolean membersListed,
            Activity activity) throws TransportException, SnykApiException {
        if (group != null) {
            activity.is("finding the user in group " + groupId);
            Membership inGroup = group.find(row.email());
            if (inGroup != null) {
                return addToOrg(row, role, inGroup.userId(), membersListed, activity);
            }
        }
        return changed(PROVISIONED, row, provision(role, null, Action.PROVISION));
    }

    private PendingUser findPending(CheckedRow row) throws TransportException, SnykApiException {
        for (PendingUser pending : api.provisioning().listPending(row.orgId())) {
            if (pending.email().equalsIgnoreCase(row.email())) {
                return pending;
            }
        }
        return null;
    }

    /** A provision; Snyk's answer is kept when it is a JSON object. */
    private static Change provision(RoleCatalog.ResolvedRole role, JsonNode answer, Action planned) {
        return new Change(null, null, role.publicId(), null, null, planned, false, null, 0,
                answer instanceof ObjectNode ? answer : null);
    }

    private static Change membership(RoleCatalog.ResolvedRole role, String userId, String membershipId, Action planned,
            boolean confirmedAfterRetry, JsonNode answer) {
        return new Change(null, null, role.publicId(), userId, membershipId, planned, confirmedAfterRetry, null, 0,
                answer instanceof ObjectNode ? answer : null);
    }

    /** Snyk's "already exists" answer, under the product's own message and error type. */
    private static UserOutcome.Failure refusal(String message, String errorType, SnykApiException detail) {
        return new UserOutcome.Failure(message, detail.status(), errorType, detail.code(), detail.requestId());
    }
}
