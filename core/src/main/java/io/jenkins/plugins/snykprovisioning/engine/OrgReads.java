package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.snyk.Membership;
import io.jenkins.plugins.snykprovisioning.snyk.PendingProvision;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * What a provisioning run reads once per org and shares among its users: the pending provisions
 * (one V1 call) and, when the file has enough users for the org that listing is cheaper than
 * asking per user, the members. Both are started for every org as the run begins, side by side,
 * since every user waits for them.
 */
final class OrgReads {

    /** Below this many users of an org in the file, members are asked about one by one. */
    static final int MIN_USERS_TO_LIST_MEMBERS = 10;

    private final Map<String, Integer> usersPerOrg;
    private final SharedRead<String, Map<String, PendingProvision>> pending;
    private final SharedRead<String, Optional<Map<String, Membership>>> members;

    OrgReads(SnykApi api, Map<String, Integer> usersPerOrg, ProgressListener listener) {
        this.usersPerOrg = usersPerOrg;
        this.pending = new SharedRead<>(org -> {
            Map<String, PendingProvision> byEmail = new HashMap<>();
            for (PendingProvision provision : api.provisioning().listPending(org)) {
                byEmail.put(provision.email().toLowerCase(Locale.ROOT), provision);
            }
            listener.notice("org " + org + ": " + byEmail.size() + " pending provision(s)");
            return byEmail;
        });
        this.members = new SharedRead<>(org -> {
            int users = usersPerOrg.getOrDefault(org, 0);
            // A page holds 100 members; past a quarter of the per-user asks, listing stops paying.
            Map<String, Membership> byEmail = new HashMap<>();
            boolean complete = api.orgMemberships().forEach(org, Math.max(1, users / 4), membership -> {
                if (membership.email() != null) {
                    byEmail.put(membership.email().toLowerCase(Locale.ROOT), membership);
                }
            });
            listener.notice("org " + org + ": " + (complete ? byEmail.size() + " member(s) listed"
                    : "members asked per user (org too large to list)"));
            return complete ? Optional.of(byEmail) : Optional.empty();
        });
    }

    /** Starts the reads of every org (at most {@code maxOrgs}) on {@code executor}. */
    void prefetch(Executor executor, int maxOrgs) {
        usersPerOrg.keySet().stream().limit(maxOrgs).forEach(org -> {
            pending.prefetch(org, executor);
            if (listsMembers(org)) {
                members.prefetch(org, executor);
            }
        });
    }

    private boolean listsMembers(String org) {
        return usersPerOrg.getOrDefault(org, 0) >= MIN_USERS_TO_LIST_MEMBERS;
    }

    PendingProvision pending(String org, String email) throws TransportException, SnykApiException {
        return pending.get(org).get(email.toLowerCase(Locale.ROOT));
    }

    /** The org's members by email when they were listed (so absence means not a member), else empty. */
    Optional<Map<String, Membership>> members(String org) throws TransportException, SnykApiException {
        return listsMembers(org) ? members.get(org) : Optional.empty();
    }
}
