package io.jenkins.plugins.snykprovisioning.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What keeps a plan from taking too much away: at most so many removals, never fewer than so many
 * Org Admins in an org the plan touches, and users never removed or re-roled. Checked when a plan is
 * made and again, against a fresh reading, before it is applied; a plan over a limit is not applied.
 *
 * @param protectedEmails users (lower case) the plan never removes and whose role it never changes
 */
public record SyncLimits(RemovalLimit maxRemovals, int minAdmins, Set<String> protectedEmails) {

    public static final int DEFAULT_MIN_ADMINS = 1;
    public static final SyncLimits DEFAULT = new SyncLimits(RemovalLimit.DEFAULT, DEFAULT_MIN_ADMINS, Set.of());

    public SyncLimits {
        if (minAdmins < 0) {
            throw new IllegalArgumentException("The least number of Org Admins must not be negative, got " + minAdmins);
        }
        TreeSet<String> emails = new TreeSet<>();
        protectedEmails.forEach(email -> emails.add(email.trim().toLowerCase(Locale.ROOT)));
        protectedEmails = Set.copyOf(emails);
    }

    /** Reads {@code a@example.com, b@example.com} (commas, spaces or new lines). */
    public static Set<String> parseEmails(String text) {
        Set<String> emails = new TreeSet<>();
        if (text != null) {
            for (String email : text.split("[\\s,;]+")) {
                if (!email.isBlank()) {
                    emails.add(email.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return emails;
    }

    public boolean protects(String email) {
        return email != null && protectedEmails.contains(email.toLowerCase(Locale.ROOT));
    }

    /**
     * Why {@code actions} may not be applied to orgs as {@code before} describes them; empty when the
     * limits hold.
     *
     * @param alwaysProtected users no plan may remove or re-role whatever the limits say (the token's
     *     own user, service accounts)
     */
    public List<String> refusals(List<PlanAction> actions, Map<String, OrgCounts> before, Predicate<PlanAction> alwaysProtected) {
        List<String> refusals = new ArrayList<>();
        Map<String, Integer> removals = new TreeMap<>();
        Map<String, Integer> adminChange = new HashMap<>();
        Set<String> adminsTaken = new TreeSet<>();
        int totalRemovals = 0;
        for (PlanAction action : actions) {
            boolean touchesUser = action.kind().removal() || action.kind() == Action.CHANGE_ROLE;
            if (touchesUser && (protects(action.email()) || alwaysProtected.test(action))) {
                refusals.add("action " + action.id() + " would " + (action.kind().removal() ? "remove " : "change the role of ")
                        + describe(action) + " in org " + action.orgId() + ", who is protected");
            }
            if (action.kind().removal()) {
                removals.merge(action.orgId(), 1, Integer::sum);
                totalRemovals++;
            }
            if (action.takesAdmin()) {
                adminChange.merge(action.orgId(), -1, Integer::sum);
                adminsTaken.add(action.orgId());
            } else if (action.givesAdmin()) {
                adminChange.merge(action.orgId(), 1, Integer::sum);
            }
        }
        if (maxRemovals.percent()) {
            removals.forEach((org, count) -> {
                OrgCounts counts = before.get(org);
                int current = counts == null ? 0 : counts.members() + counts.pending();
                int allowed = maxRemovals.allowedIn(current);
                if (count > allowed) {
                    refusals.add("org " + org + ": " + count + " removals are more than " + maxRemovals + " of its " + current
                            + " members and pending provisions (at most " + allowed + "); raise the removal limit if this is intended");
                }
            });
        } else if (totalRemovals > maxRemovals.value()) {
            refusals.add(totalRemovals + " removals are more than the " + maxRemovals.value()
                    + " allowed; raise the removal limit if this is intended");
        }
        adminsTaken.forEach(org -> {
            OrgCounts counts = before.get(org);
            int after = (counts == null ? 0 : counts.admins()) + adminChange.getOrDefault(org, 0);
            if (after < minAdmins) {
                refusals.add("org " + org + " would be left with " + after + " Org Admin(s), fewer than " + minAdmins);
            }
        });
        return refusals;
    }

    private static String describe(PlanAction action) {
        return action.email() != null ? action.email() : "user " + action.userId();
    }
}
