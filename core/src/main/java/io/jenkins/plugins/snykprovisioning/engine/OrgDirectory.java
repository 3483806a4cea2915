package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.snyk.Membership;
import io.jenkins.plugins.snykprovisioning.snyk.PendingProvision;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a provisioning run reads once per org: its pending provisions (one V1 call) and, when the
 * file has enough users for the org that listing is cheaper than asking per user, its members.
 */
final class OrgDirectory {

    /** Below this many users of an org in the file, members are asked about one by one. */
    static final int MIN_USERS_TO_LIST_MEMBERS = 10;

    private final Map<String, PendingProvision> pending;
    private final Map<String, Membership> members;

    private OrgDirectory(Map<String, PendingProvision> pending, Map<String, Membership> members) {
        this.pending = pending;
        this.members = members;
    }

    static OrgDirectory load(SnykApi api, String orgId, int usersInFile, ProgressListener listener)
            throws TransportException, SnykApiException {
        Map<String, PendingProvision> pending = new HashMap<>();
        for (PendingProvision provision : api.provisioning().listPending(orgId)) {
            pending.put(provision.email().toLowerCase(Locale.ROOT), provision);
        }
        Map<String, Membership> members = null;
        if (usersInFile >= MIN_USERS_TO_LIST_MEMBERS) {
            // A page holds 100 members; past a quarter of the per-user asks, listing stops paying.
            int pageBudget = Math.max(1, usersInFile / 4);
            Map<String, Membership> listed = new HashMap<>();
            boolean complete = api.orgMemberships().forEach(orgId, pageBudget, membership -> {
                if (membership.email() != null) {
                    listed.put(membership.email().toLowerCase(Locale.ROOT), membership);
                }
            });
            members = complete ? listed : null;
            listener.notice("org " + orgId + ": " + pending.size() + " pending provision(s), "
                    + (complete ? listed.size() + " member(s) listed" : "members asked per user (org too large to list)"));
        } else {
            listener.notice("org " + orgId + ": " + pending.size() + " pending provision(s)");
        }
        return new OrgDirectory(pending, members);
    }

    PendingProvision pending(String email) {
        return pending.get(email.toLowerCase(Locale.ROOT));
    }

    /** True when the org's members were listed, so {@link #member} answers for everyone. */
    boolean membersListed() {
        return members != null;
    }

    Membership member(String email) {
        return members == null ? null : members.get(email.toLowerCase(Locale.ROOT));
    }
}
