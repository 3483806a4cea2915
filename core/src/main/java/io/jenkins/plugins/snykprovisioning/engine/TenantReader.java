package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.http.CancelledException;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.snyk.GroupUsersClient.GroupUser;
import io.jenkins.plugins.snykprovisioning.snyk.Membership;
import io.jenkins.plugins.snykprovisioning.snyk.PendingUser;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import io.jenkins.plugins.snykprovisioning.snyk.TokenOwner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads what a plan is made against, at the API's paging minimum: whose the token is ({@code /self}),
 * the group's people once (V1 lists the whole group in one answer), and per org its memberships (100 a
 * page) and pending provisions, the orgs side by side.
 */
final class TenantReader {

    private final SnykApi api;
    private final int concurrency;
    private final ProgressListener listener;

    TenantReader(SnykApi api, int concurrency, ProgressListener listener) {
        this.api = api;
        this.concurrency = concurrency;
        this.listener = listener;
    }

    TokenOwner owner() throws TransportException, SnykApiException {
        return api.self().get();
    }

    /**
     * The orgs' state now; {@code owner} is the token's user, read once per run.
     *
     * @param withPeople also read the group's people, to tell people (whom a plan may remove, re-role or
     *     add) from possible service accounts; an apply that only adds spares the call, which Snyk limits to
     *     about one a minute
     */
    TenantSnapshot read(String groupId, List<String> orgIds, TokenOwner owner, boolean withPeople)
            throws TransportException, SnykApiException {
        Map<String, String> peopleByEmail = new HashMap<>();
        if (withPeople) {
            for (GroupUser user : api.groupUsers().list(groupId)) {
                if (user.email() != null) {
                    peopleByEmail.put(TenantSnapshot.key(user.email()), user.id());
                }
            }
            listener.notice("group " + groupId + ": " + peopleByEmail.size() + " people");
        }
        Set<String> people = withPeople ? Set.copyOf(peopleByEmail.values()) : null;
        List<TenantSnapshot.Org> orgs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, orgIds.size())), runnable -> {
            Thread thread = new Thread(runnable, "snyk-provisioning-read");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<TenantSnapshot.Org>> reads = new ArrayList<>();
            for (String orgId : orgIds) {
                reads.add(pool.submit(() -> readOrg(orgId, people)));
            }
            for (Future<TenantSnapshot.Org> read : reads) {
                orgs.add(read.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("the run was interrupted while reading the orgs");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TransportException transport) {
                throw transport;
            }
            if (e.getCause() instanceof SnykApiException refused) {
                throw refused;
            }
            if (e.getCause() instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new TenantSnapshot(owner, peopleByEmail, orgs);
    }

    /** {@code people}: the group's people by user id, or null to take every member with an email for one. */
    private TenantSnapshot.Org readOrg(String orgId, Set<String> people) throws TransportException, SnykApiException {
        TenantSnapshot.Org org = new TenantSnapshot.Org(orgId);
        List<Membership> memberships = new ArrayList<>();
        api.orgMemberships().forEach(orgId, memberships::add);
        for (Membership membership : memberships) {
            boolean person = membership.userId() != null && membership.email() != null
                    && (people == null || people.contains(membership.userId()));
            org.add(new TenantSnapshot.Member(membership.id(), membership.userId(), membership.email(), membership.roleId(),
                    membership.roleName(), person));
        }
        for (PendingUser pending : api.provisioning().listPending(orgId)) {
            org.add(pending);
        }
        listener.notice("org " + orgId + ": " + org.members.size() + " member(s), " + org.pending.size() + " pending provision(s)");
        return org;
    }
}
