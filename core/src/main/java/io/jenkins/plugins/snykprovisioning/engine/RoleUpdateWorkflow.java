package io.jenkins.plugins.snykprovisioning.engine;

import static io.jenkins.plugins.snykprovisioning.results.OutcomeCategory.ROLE_UPDATED;

import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import io.jenkins.plugins.snykprovisioning.snyk.OrgMember;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Snyk's role-update procedure for one member: find them in the org's member list (read once per
 * org), skip them if they already hold the role, else {@code PUT /org/{org}/members/update/{id}}.
 * Rows may name a {@code user_id} for members Snyk does not list, such as service accounts.
 */
final class RoleUpdateWorkflow extends UserWorkflow {

    /** An org's members by email and by id. */
    static final class MemberIndex {
        private final Map<String, OrgMember> byEmail = new HashMap<>();
        private final Map<String, OrgMember> byId = new HashMap<>();

        MemberIndex(List<OrgMember> members) {
            for (OrgMember member : members) {
                byId.put(member.id(), member);
                if (member.email() != null) {
                    byEmail.put(member.email().toLowerCase(Locale.ROOT), member);
                }
            }
        }

        int size() {
            return byId.size();
        }
    }

    private final SnykApi api;
    private final SharedRead<String, MemberIndex> members;

    RoleUpdateWorkflow(SnykApi api, ProvisioningRequest request, ProgressListener listener) {
        super(request.dryRun());
        this.api = api;
        this.members = new SharedRead<>(org -> {
            MemberIndex index = new MemberIndex(api.orgMembers().list(org, true));
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
        OrgMember member = row.userId() != null ? index.byId.get(row.userId())
                : index.byEmail.get(row.email().toLowerCase(Locale.ROOT));
        if (member == null && row.userId() == null) {
            return UserOutcome.failed(row.subject(), "not a member of org " + row.orgId()
                    + " (Snyk does not list service accounts: give their user_id in the file)", "not_a_member");
        }
        if (member != null && RoleCatalog.sameRole(member.role(), role)) {
            return UserOutcome.skipped(row.subject(), "already has this role", 0);
        }
        String userId = row.userId() != null ? row.userId() : member.id();
        UserOutcome.Change change = roleChange(member == null ? null : member.role(), role, userId, UserOutcome.Action.CHANGE_ROLE);
        if (dryRun) {
            return changed(ROLE_UPDATED, row, change);
        }
        activity.is("changing the role in org " + row.orgId());
        api.orgMembers().updateRole(row.orgId(), userId, role.publicId());
        activity.changed();
        return changed(ROLE_UPDATED, row, change);
    }
}
