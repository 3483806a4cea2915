package io.jenkins.plugins.snykprovisioning.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan as people review it: per org, {@code +} access given, {@code ~} a role changed,
 * {@code -} access taken away, with counts; then the limits and whether they held.
 */
public final class PlanDiff {

    private PlanDiff() {
    }

    /** One org's part of a plan, for pages that show it their own way. */
    public record OrgDiff(String orgId, OrgCounts before, Map<Action, Long> counts, List<PlanAction> actions) {
    }

    /** The plan's actions grouped by org, in the plan's org order; orgs without actions are left out. */
    public static List<OrgDiff> byOrg(Plan plan) {
        Map<String, List<PlanAction>> actions = new LinkedHashMap<>();
        plan.orgIds().forEach(org -> actions.put(org, new ArrayList<>()));
        plan.actions().forEach(action -> actions.computeIfAbsent(action.orgId(), org -> new ArrayList<>()).add(action));
        List<OrgDiff> diffs = new ArrayList<>();
        actions.forEach((org, list) -> {
            if (!list.isEmpty()) {
                Map<Action, Long> counts = new EnumMap<>(Action.class);
                list.forEach(action -> counts.merge(action.kind(), 1L, Long::sum));
                diffs.add(new OrgDiff(org, plan.org(org), counts, List.copyOf(list)));
            }
        });
        return diffs;
    }

    /** The whole plan as text lines, for a console or a log. */
    public static List<String> lines(Plan plan) {
        List<String> lines = new ArrayList<>();
        lines.add("Plan " + plan.id() + ": " + plan.mode() + (plan.removeMissing() ? " (members not in the file are removed)" : "")
                + " of " + plan.source() + ", group " + plan.groupId() + ", made " + plan.createdAt() + " with the token of "
                + plan.tokenUser());
        List<OrgDiff> diffs = byOrg(plan);
        if (diffs.isEmpty()) {
            lines.add("No changes: every org already matches.");
        }
        for (OrgDiff diff : diffs) {
            OrgCounts before = diff.before();
            lines.add("org " + diff.orgId() + (before == null ? "" : " (" + before.members() + " members, " + before.pending()
                    + " pending, " + before.admins() + " Org Admins)") + ": " + summary(diff.counts(), "-"));
            diff.actions().forEach(action -> lines.add("  " + line(action)));
        }
        lines.add("Limits: at most " + limitText(plan.limits().maxRemovals()) + ", at least " + plan.limits().minAdmins()
                + " Org Admin(s) per org" + (plan.limits().protectedEmails().isEmpty() ? ""
                        : ", never removed or re-roled: " + String.join(", ", plan.limits().protectedEmails()))
                + (plan.refused() ? ": REFUSED" : ": held"));
        plan.refusals().forEach(refusal -> lines.add("  refused: " + refusal));
        plan.notes().forEach(note -> lines.add("  note: " + note));
        return lines;
    }

    /**
     * e.g. "+2 ~1 -3": access given, roles changed, access taken away, each kind counted by its sign.
     *
     * @param minus how the last sign is written ({@code -}, or a page's typographic minus)
     */
    public static String summary(Map<Action, Long> counts, String minus) {
        Map<Character, Long> bySign = new LinkedHashMap<>(Map.of('+', 0L, '~', 0L, '-', 0L));
        counts.forEach((kind, count) -> bySign.merge(kind.sign(), count, Long::sum));
        return "+" + bySign.get('+') + " ~" + bySign.get('~') + " " + minus + bySign.get('-');
    }

    /** One action, e.g. "~ bob@example.com: role Developer -> Org Collaborator (line 5)". */
    public static String line(PlanAction action) {
        String who = action.email() != null ? action.email() : "user " + action.userId();
        String what = switch (action.kind()) {
            case PROVISION -> "provision as " + action.role();
            case ADD_MEMBERSHIP -> "add to the org as " + action.role();
            case CHANGE_ROLE -> "role " + action.currentRole() + " -> " + action.role();
            case REPLACE_PENDING_PROVISION -> "pending provision's role " + action.currentRole() + " -> " + action.role();
            case REMOVE_MEMBER -> "remove from the org (" + action.currentRole() + ")";
            case DELETE_PENDING_PROVISION -> "delete the pending provision (" + action.currentRole() + ")";
        };
        return action.kind().sign() + " " + who + ": " + what + (action.line() > 0 ? " (line " + action.line() + ")" : "");
    }

    private static String limitText(RemovalLimit limit) {
        return limit.percent() ? limit + " of an org's members and pending provisions removed"
                : limit.value() + " removal(s) in all";
    }
}
