package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.plan.Action;
import io.jenkins.plugins.snykprovisioning.plan.PlanAction;
import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome.Change;
import io.jenkins.plugins.snykprovisioning.snyk.Membership;
import io.jenkins.plugins.snykprovisioning.snyk.OrgRole;
import io.jenkins.plugins.snykprovisioning.snyk.PendingUser;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;

/**
 * Applies a plan's actions as they are. Each one first checks that what it expects still holds in a
 * fresh reading of the org (the user still absent, still in the role the plan saw, still a member);
 * one that no longer holds is skipped as changed since the plan, so applying a plan twice changes
 * nothing the second time. Users are provisioned, added and re-roled the way provisioning does it.
 */
final class PlanApplier {

    static final String CHANGED = "changed since the plan: ";

    private final SnykApi api;
    private final TenantSnapshot now;
    private final ProvisionWorkflow provisioning;

    PlanApplier(SnykApi api, ProvisioningRequest request, TenantSnapshot now, ProgressListener listener) {
        this.api = api;
        this.now = now;
        this.provisioning = new ProvisionWorkflow(api, request, null,
                new GroupDirectory(api, request.groupId(), () -> 1, 1, listener));
    }

    /** The action's subject in the results: the user, the org, the file's line and the role given. */
    static UserOutcome.Subject subject(PlanAction action) {
        return new UserOutcome.Subject(action.email(), action.orgId(), action.line(), action.role(), null);
    }

    /** What the action would do, as a dry run reports it: a plan's outcomes before it is applied. */
    static UserOutcome wouldDo(PlanAction action) {
        return UserOutcome.changed(SyncEngine.doneAs(action.kind()), subject(action), new UserOutcome.Change(action.currentRole(),
                action.role(), action.rolePublicId(), action.userId(), action.membershipId(), action.kind(), false, null, 0, null),
                true);
    }

    /**
     * The action's outcome; null when the run was interrupted before anything was changed.
     *
     * @param dryRun only say what applying would do now, sending nothing
     */
    UserOutcome apply(PlanAction action, boolean dryRun) {
        UserOutcome.Subject subject = subject(action);
        String changed = changedSincePlan(action);
        if (changed != null) {
            return UserOutcome.skipped(subject, CHANGED + changed, 0);
        }
        if (dryRun) {
            return wouldDo(action);
        }
        CheckedRow row = new CheckedRow(action.line(), action.email(), action.orgId(), action.role(), null, null);
        RoleCatalog.ResolvedRole role = action.rolePublicId() == null ? null
                : new RoleCatalog.ResolvedRole(action.rolePublicId(), action.role());
        TenantSnapshot.Org org = now.org(action.orgId());
        return UserWorkflow.attempt(subject, activity -> switch (action.kind()) {
            case PROVISION -> provisioning.provisionNew(row, role, true, activity);
            case ADD_MEMBERSHIP -> provisioning.addToOrg(row, role, action.userId(), true, activity);
            case CHANGE_ROLE -> {
                TenantSnapshot.Member member = org.memberById(action.userId());
                yield provisioning.existingMember(row, role, new Membership(member.membershipId(), member.userId(), member.email(),
                        member.roleId(), member.roleName()), activity);
            }
            case REPLACE_PENDING_PROVISION -> provisioning.pendingUser(row, role, org.pending(action.email()), activity);
            case REMOVE_MEMBER -> {
                activity.is("removing the member from org " + action.orgId());
                try {
                    api.orgMemberships().delete(action.orgId(), action.membershipId());
                } catch (SnykApiException e) {
                    if (e.status() == 404) {
                        yield UserOutcome.skipped(subject, CHANGED + "no longer a member (Snyk answered 404)", 0);
                    }
                    throw e;
                }
                activity.changed();
                yield removal(OutcomeCategory.REMOVED, subject, action);
            }
            case DELETE_PENDING_PROVISION -> {
                activity.is("deleting the pending provision in org " + action.orgId());
                api.provisioning().deletePending(action.orgId(), action.email());
                activity.changed();
                yield removal(OutcomeCategory.PENDING_DELETED, subject, action);
            }
        });
    }

    /** True when what the action expects is still so. */
    boolean stillHolds(PlanAction action) {
        return changedSincePlan(action) == null;
    }

    /** What is different from what the action expects, or null when it still holds. */
    private String changedSincePlan(PlanAction action) {
        TenantSnapshot.Org org = now.org(action.orgId());
        if (org == null) {
            return "org " + action.orgId() + " was not read";
        }
        TenantSnapshot.Member member = action.userId() != null && action.kind() != Action.ADD_MEMBERSHIP
                ? org.memberById(action.userId()) : org.member(action.email());
        PendingUser pending = org.pending(action.email());
        return switch (action.kind()) {
            case PROVISION, ADD_MEMBERSHIP -> member != null ? "now a member (" + member.roleName() + ")"
                    : pending != null ? "now pending (" + pending.shownRole() + ")" : null;
            case CHANGE_ROLE, REMOVE_MEMBER -> member == null ? "no longer a member"
                    : !sameRole(member.roleName(), action.currentRole()) ? "now " + member.roleName() + ", not " + action.currentRole()
                    : action.membershipId() != null && !action.membershipId().equals(member.membershipId()) ? "a new membership"
                    : null;
            case REPLACE_PENDING_PROVISION, DELETE_PENDING_PROVISION -> pending == null ? "no longer pending"
                    : !sameRole(pending.shownRole(), action.currentRole()) && !sameRole(pending.rolePublicId(), action.currentRole())
                            ? "now pending as " + pending.shownRole() + ", not " + action.currentRole() : null;
        };
    }

    private static UserOutcome removal(OutcomeCategory category, UserOutcome.Subject subject, PlanAction action) {
        return UserOutcome.changed(category, subject, new Change(action.currentRole(), null, null, action.userId(),
                action.membershipId(), null, false, null, 0, null), false);
    }

    private static boolean sameRole(String a, String b) {
        return a == null ? b == null : b != null && OrgRole.comparableName(a).equals(OrgRole.comparableName(b));
    }
}
