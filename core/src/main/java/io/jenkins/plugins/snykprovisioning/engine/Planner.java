package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.plan.Action;
import io.jenkins.plugins.snykprovisioning.plan.OrgCounts;
import io.jenkins.plugins.snykprovisioning.plan.Plan;
import io.jenkins.plugins.snykprovisioning.plan.PlanAction;
import io.jenkins.plugins.snykprovisioning.plan.SyncLimits;
import io.jenkins.plugins.snykprovisioning.snyk.PendingUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Makes a plan from what the file asks and what Snyk lists now. A user the file wants is provisioned,
 * added (when already a person of the group) or re-roled; with removals, members and pending provisions
 * the file leaves out are taken away. The token's own user and anyone who may be a service account are
 * never removed or re-roled, nor are protected users; the plan notes each one it leaves alone.
 */
final class Planner {

    /** The most problems of the file a plan lists; the rest are counted. */
    static final int PROBLEMS_LISTED = 20;

    private final ProvisioningRequest request;
    private final TenantSnapshot snapshot;
    private final SyncLimits limits;
    private final List<PlanAction> actions = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Planner(ProvisioningRequest request, TenantSnapshot snapshot) {
        this.request = request;
        this.snapshot = snapshot;
        this.limits = request.sync().limits();
    }

    static Plan plan(ProvisioningRequest request, String apiRoot, DesiredUsers desired, TenantSnapshot snapshot) {
        Planner planner = new Planner(request, snapshot);
        List<String> orgIds = List.copyOf(snapshot.orgs.keySet());
        if (request.mode() == Mode.OFFBOARD) {
            desired.leavers.forEach(leaver -> planner.takeAway(leaver, orgIds));
        } else {
            for (String org : orgIds) {
                planner.sync(snapshot.org(org), desired.byOrg.getOrDefault(org, Map.of()));
            }
        }
        Map<String, OrgCounts> counts = snapshot.counts();
        List<String> refusals = new ArrayList<>();
        desired.problems.stream().limit(PROBLEMS_LISTED).forEach(problem -> refusals.add("the file has a row that cannot be used, "
                + problem));
        if (desired.problems.size() > PROBLEMS_LISTED) {
            refusals.add("the file has " + (desired.problems.size() - PROBLEMS_LISTED) + " more rows that cannot be used");
        }
        refusals.addAll(planner.limits.refusals(planner.actions, counts,
                action -> snapshot.untouchable(action.orgId(), action.userId(), action.email())));
        return new Plan(UUID.randomUUID().toString(), Instant.now(), request.mode() == Mode.OFFBOARD ? Plan.OFFBOARD : Plan.SYNC,
                apiRoot, request.groupId(), orgIds, snapshot.owner.id(), snapshot.owner.describe(), request.source().name(),
                request.sync().removeMissing(), planner.limits, List.copyOf(counts.values()), planner.actions, planner.notes, refusals);
    }

    private void sync(TenantSnapshot.Org org, Map<String, DesiredUsers.Wanted> wanted) {
        for (DesiredUsers.Wanted user : wanted.values()) {
            TenantSnapshot.Member member = org.member(user.email());
            PendingUser pending = org.pending(user.email());
            if (member != null) {
                if (!holds(member.roleId(), member.roleName(), user.role())) {
                    if (leftAlone(org.id, member.userId(), member.email(), "its role")) {
                        continue;
                    }
                    add(Action.CHANGE_ROLE, org.id, member.email(), member.userId(), member.membershipId(), member.roleName(), user);
                }
            } else if (pending != null) {
                if (!holds(pending.rolePublicId(), pending.role(), user.role())) {
                    add(Action.REPLACE_PENDING_PROVISION, org.id, user.email(), null, null,
                            pending.shownRole(), user);
                }
            } else {
                String userId = snapshot.peopleByEmail.get(TenantSnapshot.key(user.email()));
                add(userId != null ? Action.ADD_MEMBERSHIP : Action.PROVISION, org.id, user.email(), userId, null, null, user);
            }
        }
        if (!request.sync().removeMissing()) {
            return;
        }
        for (TenantSnapshot.Member member : org.members) {
            if (member.email() != null && wanted.containsKey(TenantSnapshot.key(member.email()))) {
                continue;
            }
            if (!leftAlone(org.id, member.userId(), member.email(), "its membership")) {
                remove(org.id, member, 0);
            }
        }
        for (PendingUser pending : org.pending) {
            if (!wanted.containsKey(TenantSnapshot.key(pending.email())) && !leftAlone(org.id, null, pending.email(), "its pending provision")) {
                deletePending(org.id, pending, 0);
            }
        }
    }

    private void takeAway(DesiredUsers.Wanted leaver, List<String> orgIds) {
        boolean found = false;
        for (String orgId : leaver.orgId() != null ? List.of(leaver.orgId()) : orgIds) {
            TenantSnapshot.Org org = snapshot.org(orgId);
            TenantSnapshot.Member member = org.member(leaver.email());
            PendingUser pending = org.pending(leaver.email());
            found |= member != null || pending != null;
            if (member != null && !leftAlone(orgId, member.userId(), member.email(), "its membership")) {
                remove(orgId, member, leaver.line());
            }
            if (pending != null && !leftAlone(orgId, null, pending.email(), "its pending provision")) {
                deletePending(orgId, pending, leaver.line());
            }
        }
        if (!found) {
            notes.add(leaver.email() + " (line " + leaver.line() + ") is neither a member nor pending in "
                    + (leaver.orgId() != null ? "org " + leaver.orgId() : "any org of the group") + ": nothing to take away");
        }
    }

    /** True (and noted) when the user may not be changed: the token's own user, a possible service account, a protected user. */
    private boolean leftAlone(String orgId, String userId, String email, String what) {
        String who = email != null ? email : "user " + userId;
        if (snapshot.untouchable(orgId, userId, email)) {
            boolean owner = userId != null && userId.equalsIgnoreCase(snapshot.owner.id());
            notes.add("org " + orgId + ": " + who + " keeps " + what + (owner ? ": the token's own user"
                    : ": not listed among the group's people, so possibly a service account"));
            return true;
        }
        if (limits.protects(email)) {
            notes.add("org " + orgId + ": " + who + " keeps " + what + ": protected");
            return true;
        }
        return false;
    }

    private void add(Action kind, String orgId, String email, String userId, String membershipId, String currentRole,
            DesiredUsers.Wanted user) {
        actions.add(new PlanAction(actions.size() + 1, kind, orgId, email, userId, membershipId, currentRole,
                user.role().name() != null ? user.role().name() : user.role().publicId(), user.role().publicId(), user.line()));
    }

    private void remove(String orgId, TenantSnapshot.Member member, int line) {
        actions.add(new PlanAction(actions.size() + 1, Action.REMOVE_MEMBER, orgId, member.email(), member.userId(),
                member.membershipId(), member.roleName(), null, null, line));
    }

    private void deletePending(String orgId, PendingUser pending, int line) {
        actions.add(new PlanAction(actions.size() + 1, Action.DELETE_PENDING_PROVISION, orgId, pending.email(), null, null,
                pending.shownRole(), null, null, line));
    }

    private static boolean holds(String roleId, String roleName, RoleCatalog.ResolvedRole wanted) {
        return RoleCatalog.sameRole(roleId, wanted) || RoleCatalog.sameRole(roleName, wanted);
    }
}
