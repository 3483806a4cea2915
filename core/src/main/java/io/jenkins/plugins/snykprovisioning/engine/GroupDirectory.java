package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.snyk.Membership;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Finds existing platform users in the group. Users are looked up by email one at a time until
 * the share of users who need a lookup predicts that listing the whole group costs less; then the
 * group is listed once (within a page budget) and answers from memory.
 */
final class GroupDirectory {

    /** Lookups seen before the share of existing users is trusted as an estimate. */
    static final int LOOKUPS_BEFORE_ESTIMATE = 10;

    private final SnykApi api;
    private final String groupId;
    private final LongSupplier startedUsers;
    private final long totalUsers;
    private final ProgressListener listener;
    private final AtomicLong lookups = new AtomicLong();
    private final AtomicBoolean listingTried = new AtomicBoolean();
    private volatile Map<String, Membership> listed;

    GroupDirectory(SnykApi api, String groupId, LongSupplier startedUsers, long totalUsers, ProgressListener listener) {
        this.api = api;
        this.groupId = groupId;
        this.startedUsers = startedUsers;
        this.totalUsers = totalUsers;
        this.listener = listener;
    }

    /** True when the whole group is in memory, so {@link #cached} answers for everyone. */
    boolean listed() {
        return listed != null;
    }

    /** The member with this email if the group was listed and has them, else null. */
    Membership cached(String email) {
        Map<String, Membership> members = listed;
        return members == null ? null : members.get(email.toLowerCase(Locale.ROOT));
    }

    /** The group member with this email, or null when the group has none. */
    Membership find(String email) throws TransportException, SnykApiException {
        Membership known = cached(email);
        if (known != null) {
            return known;
        }
        Membership found = api.groupMemberships().findByEmail(groupId, email).orElse(null);
        maybeList(lookups.incrementAndGet());
        return found;
    }

    private void maybeList(long lookupsSoFar) throws TransportException, SnykApiException {
        long started = Math.max(1, startedUsers.getAsLong());
        if (lookupsSoFar < LOOKUPS_BEFORE_ESTIMATE || listingTried.get()) {
            return;
        }
        long remainingLookups = lookupsSoFar * (totalUsers - started) / started;
        // Listing pays off when it takes at most half the lookups it saves (100 members a page).
        int pageBudget = (int) Math.min(Integer.MAX_VALUE, remainingLookups / 2);
        if (pageBudget < 2 || !listingTried.compareAndSet(false, true)) {
            return;
        }
        Map<String, Membership> members = new HashMap<>();
        boolean complete = api.groupMemberships().forEach(groupId, pageBudget, membership -> {
            if (membership.email() != null && membership.userId() != null) {
                members.put(membership.email().toLowerCase(Locale.ROOT), membership);
            }
        });
        if (complete) {
            listed = members;
            listener.notice("group " + groupId + ": " + members.size() + " member(s) listed, instead of one lookup per user");
        }
    }
}
