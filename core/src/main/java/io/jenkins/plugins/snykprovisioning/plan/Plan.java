package io.jenkins.plugins.snykprovisioning.plan;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a sync or offboarding run would change, to be reviewed and then applied as it is: where it was
 * made (API, group, orgs, token user), the orgs as they were, the actions, and the limits that held
 * or refused it. {@link PlanFile} alone knows its file format.
 *
 * @param id a random id, so an apply can name the plan it applied
 * @param mode {@code sync} or {@code offboard}
 * @param source the user file the plan was made from
 * @param notes what the plan leaves alone and why (protected users, users found nowhere)
 * @param refusals why the plan may not be applied; empty when the limits hold
 */
public record Plan(String id, Instant createdAt, String mode, String apiRoot, String groupId, List<String> orgIds,
        String tokenUserId, String tokenUser, String source, boolean removeMissing, SyncLimits limits,
        List<OrgCounts> orgs, List<PlanAction> actions, List<String> notes, List<String> refusals) {

    public static final String SYNC = "sync";
    public static final String OFFBOARD = "offboard";

    public Plan {
        orgIds = List.copyOf(orgIds);
        orgs = List.copyOf(orgs);
        actions = List.copyOf(actions);
        notes = List.copyOf(notes);
        refusals = List.copyOf(refusals);
    }

    public boolean refused() {
        return !refusals.isEmpty();
    }

    /** How many actions of each kind, every kind listed. */
    public Map<Action, Long> counts() {
        Map<Action, Long> counts = new EnumMap<>(Action.class);
        for (Action kind : Action.values()) {
            counts.put(kind, 0L);
        }
        actions.forEach(action -> counts.merge(action.kind(), 1L, Long::sum));
        return counts;
    }

    /** The org's figures as the plan found them, or null for an org it does not cover. */
    public OrgCounts org(String orgId) {
        return orgs.stream().filter(org -> org.orgId().equals(orgId)).findFirst().orElse(null);
    }
}
