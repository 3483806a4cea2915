package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.plan.Action;
import static io.jenkins.plugins.snykprovisioning.results.OutcomeCategory.ROLE_UPDATED;

import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import io.jenkins.plugins.snykprovisioning.snyk.Membership;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Snyk's role-update procedure for one member: find them among the org's members (the REST org
 * memberships, read once per org, which list Org Admins too), skip them if they already hold the
 * role, else change it ({@link io.jenkins.plugins.snykprovisioning.snyk.RoleUpdates}). Rows may
 * name a {@code user_id} for members Snyk does not list.
 */
final class RoleUpdateWorkflow extends UserWorkflow {

    /** An org's members by email and by user id. */
    static final class MemberIndex {
        private final Map<String, Membership> byEmail = new HashMap<>();
        private final Map<String, Membership> byUserId = new HashMap<>();

        void add(Membership member) {
            if (member.userId() == null) {
                return;
            }
            byUserId.put(member.userId().toLowerCase(Locale.ROOT), member);
            if (member.email() != null) {
                byEmail.put(member.email().toLowerCase(Locale.ROOT), member);
            }
        }

        int size() {
            return byUserId.size();
        }
    }

    private final SnykApi api;
    private final SharedRead<String, MemberIndex> members;

    RoleUpdateWorkflow(SnykApi api, ProvisioningRequest request, ProgressListener listener) {
        super(request.dryRun());
        this.api = api;
        this.members = new SharedRead<>(org -> {
            MemberIndex index = new MemberIndex();
            api.orgMemberships().forEach(org, index::add);
            listener.notice("org " + org + ": " + index.size() + " member(s) listed");
            return index;
        });
    }

    /** Starts listing the members of the orgs (at most {@code maxOrgs}) on {@code executor}. */
    void prefetch(Collection<String> orgs, Executor executor, int maxOrgs) {
        orgs.stream().limit(maxOrgs).forEach(org -> members.prefetch(org, executor));
    }

    @Override
    UserOutcome run(CheckedRow row, RoleCatalog.ResolvedRole role, Activity activity) throws TransportException, SnykApiException {
        activity.is("listing the members of org " + row.orgId());
        MemberIndex index = members.get(row.orgId());
        Membership member = row.userId() != null ? index.byUserId.get(row.userId().toLowerCase(Locale.ROOT))
                : index.byEmail.get(row.email().toLowerCase(Locale.ROOT));
        if (member == null && row.userId() == null) {
            return UserOutcome.failed(row.subject(), "not a member of org " + row.orgId()
                    + " (if Snyk does not list this member, as it may not list service accounts, give its user_id in the file)",
                    "not_a_member");
        }
        if (member != null && (RoleCatalog.sameRole(member.roleId(), role) || RoleCatalog.sameRole(member.roleName(), role))) {
            return UserOutcome.skipped(row.subject(), "already has this role", 0);
        }
        String userId = row.userId() != null ? row.userId() : member.userId();
        UserOutcome.Change change = roleChange(member == null ? null : member.roleName(), role, userId, Action.CHANGE_ROLE);
        if (dryRun) {
            return changed(ROLE_UPDATED, row, change);
        }
        activity.is("changing the role in org " + row.orgId());
        api.roleUpdates().change(row.orgId(), userId, member == null ? null : member.id(), role.publicId());
        activity.changed();
        return changed(ROLE_UPDATED, row, change);
    }
}
