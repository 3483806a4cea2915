package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.plan.OrgCounts;
import io.jenkins.plugins.snykprovisioning.plan.PlanAction;
import io.jenkins.plugins.snykprovisioning.snyk.PendingUser;
import io.jenkins.plugins.snykprovisioning.snyk.TokenOwner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The orgs of a sync or an offboarding as Snyk lists them now: members with their roles, pending
 * provisions, the people of the group, and whose the token is. Plans are made against it, and an apply
 * checks each action's expectation against a fresh one.
 */
final class TenantSnapshot {

    /**
     * A member of an org.
     *
     * @param person listed among the group's people with an email: anyone else may be a service
     *     account, and is never removed or re-roled (when the people were not read, any member with an email)
     */
    record Member(String membershipId, String userId, String email, String roleId, String roleName, boolean person) {
    }

    /** One org's members and pending provisions. */
    static final class Org {
        final String id;
        final List<Member> members = new ArrayList<>();
        final List<PendingUser> pending = new ArrayList<>();
        private final Map<String, Member> membersByEmail = new HashMap<>();
        private final Map<String, Member> membersByUserId = new HashMap<>();
        private final Map<String, PendingUser> pendingByEmail = new HashMap<>();

        Org(String id) {
            this.id = id;
        }

        void add(Member member) {
            members.add(member);
            if (member.email() != null) {
                membersByEmail.put(key(member.email()), member);
            }
            if (member.userId() != null) {
                membersByUserId.put(member.userId().toLowerCase(Locale.ROOT), member);
            }
        }

        void add(PendingUser provision) {
            pending.add(provision);
            pendingByEmail.put(key(provision.email()), provision);
        }

        Member member(String email) {
            return email == null ? null : membersByEmail.get(key(email));
        }

        Member memberById(String userId) {
            return userId == null ? null : membersByUserId.get(userId.toLowerCase(Locale.ROOT));
        }

        PendingUser pending(String email) {
            return email == null ? null : pendingByEmail.get(key(email));
        }

        /** Admins are members with an email and the Org Admin role, the same whether or not the group's people were read. */
        OrgCounts counts() {
            int admins = (int) members.stream().filter(m -> m.email() != null && PlanAction.isAdmin(m.roleName())).count();
            return new OrgCounts(id, members.size(), pending.size(), admins);
        }
    }

    final TokenOwner owner;
    /** The group's people by email (lower case): user ids of those who can be added to an org. */
    final Map<String, String> peopleByEmail;
    final Map<String, Org> orgs = new LinkedHashMap<>();

    TenantSnapshot(TokenOwner owner, Map<String, String> peopleByEmail, Collection<Org> orgs) {
        this.owner = owner;
        this.peopleByEmail = Map.copyOf(peopleByEmail);
        orgs.forEach(org -> this.orgs.put(org.id, org));
    }

    Org org(String orgId) {
        return orgs.get(orgId);
    }

    /** The token's own user, or a member who may be a service account: never removed or re-roled by a plan. */
    boolean untouchable(String orgId, String userId, String email) {
        if (userId != null && userId.equalsIgnoreCase(owner.id())) {
            return true;
        }
        Org org = orgs.get(orgId);
        Member member = org == null ? null : userId != null ? org.memberById(userId) : org.member(email);
        return member != null && !member.person();
    }

    Map<String, OrgCounts> counts() {
        Map<String, OrgCounts> counts = new LinkedHashMap<>();
        orgs.values().forEach(org -> counts.put(org.id, org.counts()));
        return counts;
    }

    static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
