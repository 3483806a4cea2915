package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.snyk.Membership;
import io.jenkins.plugins.snykprovisioning.snyk.PendingUser;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * What a provisioning run reads once per org and shares among its users: the pending provisions
 * (every page) and, when the file has enough users for the org that listing is cheaper than asking
 * per user, the members with their roles from the REST org memberships (100 a page), which list
 * Org Admins too, unlike V1's member list. Both are started for every org as the run begins, side
 * by side, since every user waits for them.
 */
final class OrgReads {

    /** Below this many users of an org in the file, members are asked about one by one. */
    static final int MIN_USERS_TO_LIST_MEMBERS = 10;

    private final Map<String, Integer> usersPerOrg;
    private final SharedRead<String, Map<String, PendingUser>> pending;
    private final SharedRead<String, Map<String, Membership>> members;

    OrgReads(SnykApi api, Map<String, Integer> usersPerOrg, ProgressListener listener) {
        this.usersPerOrg = usersPerOrg;
        this.pending = new SharedRead<>(org -> {
            Map<String, PendingUser> byEmail = new HashMap<>();
            for (PendingUser provision : api.provisioning().listPending(org)) {
                byEmail.put(provision.email().toLowerCase(Locale.ROOT), provision);
            }
            listener.notice("org " + org + ": " + byEmail.size() + " pending provision(s)");
            return byEmail;
        });
        this.members = new SharedRead<>(org -> {
            Map<String, Membership> byEmail = new HashMap<>();
            api.orgMemberships().forEach(org, member -> {
                if (member.email() != null && member.userId() != null) {
                    byEmail.put(member.email().toLowerCase(Locale.ROOT), member);
                }
            });
            listener.notice("org " + org + ": " + byEmail.size() + " member(s) listed");
            return byEmail;
        });
    }

    /** Starts the reads of every org (at most {@code maxOrgs}) on {@code executor}. */
    void prefetch(Executor executor, int maxOrgs) {
        usersPerOrg.keySet().stream().limit(maxOrgs).forEach(org -> {
            pending.prefetch(org, executor);
            if (membersListed(org)) {
                members.prefetch(org, executor);
            }
        });
    }

    PendingUser pending(String org, String email) throws TransportException, SnykApiException {
        return pending.get(org).get(email.toLowerCase(Locale.ROOT));
    }

    /** True when the org's members are listed, so that absence from {@link #member} means not a member. */
    boolean membersListed(String org) {
        return usersPerOrg.getOrDefault(org, 0) >= MIN_USERS_TO_LIST_MEMBERS;
    }

    /** The member with this email when the org's members are listed and they are one, else null. */
    Membership member(String org, String email) throws TransportException, SnykApiException {
        return membersListed(org) ? members.get(org).get(email.toLowerCase(Locale.ROOT)) : null;
    }
}
