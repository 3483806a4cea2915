package io.jenkins.plugins.snykprovisioning.jenkins;

import io.jenkins.plugins.snykprovisioning.input.Excerpt;
import io.jenkins.plugins.snykprovisioning.plan.Action;
import io.jenkins.plugins.snykprovisioning.plan.OrgCounts;
import io.jenkins.plugins.snykprovisioning.plan.Plan;
import io.jenkins.plugins.snykprovisioning.plan.PlanAction;
import io.jenkins.plugins.snykprovisioning.plan.PlanDiff;
import io.jenkins.plugins.snykprovisioning.plan.PlanReport;
import io.jenkins.plugins.snykprovisioning.plan.SyncLimits;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * A sync or offboarding plan as the build's pages show it: a diff per org ({@code +} access given, {@code ~} a role
 * changed, {@code −} access taken away) with each org's counts, the limits this run checked and whether they held,
 * and the notes on users left alone. Kept with the build, so it is bounded: the first {@value #MAX_ACTIONS} actions,
 * {@value #MAX_ORGS} orgs and {@value #MAX_TEXTS} refusals and notes, each text cut to a length; the archived plan
 * has them all. It holds strings, numbers and JDK collections only, like {@link ProvisioningSummaryAction}.
 */
@ExportedBean(defaultVisibility = 2)
public final class PlanView {

    static final int MAX_ACTIONS = 500;
    static final int MAX_ORGS = 500;
    static final int MAX_TEXTS = 100;
    /** A diff's mark for access taken away: a minus sign, which reads better than a hyphen. */
    static final String MINUS = "\u2212";

    private final String id;
    private final String mode;
    private final String createdAt;
    private final String tokenUser;
    private final String source;
    private final boolean removeMissing;
    private final boolean made;
    private final boolean applied;
    private final String planFile;
    private final String limits;
    private final ArrayList<String> refusals;
    private final long refusalsNotShown;
    private final ArrayList<String> notes;
    private final long notesNotShown;
    private final LinkedHashMap<String, Long> counts = new LinkedHashMap<>();
    private final long changes;
    private final ArrayList<OrgChanges> orgs = new ArrayList<>();
    private final long orgsNotShown;
    private final long changesNotShown;

    private PlanView(PlanReport report, String planFile) {
        Plan plan = report.plan();
        this.id = plan.id();
        this.mode = plan.mode();
        this.createdAt = plan.createdAt().toString();
        this.tokenUser = value(plan.tokenUser());
        this.source = value(plan.source());
        this.removeMissing = plan.removeMissing();
        this.made = report.planFile() != null;
        this.applied = report.applied();
        this.planFile = planFile;
        this.limits = Excerpt.of(limitsText(plan.limits()), ProvisioningSummaryAction.MAX_MESSAGE_CHARS);
        this.refusals = texts(report.refusals());
        this.refusalsNotShown = report.refusals().size() - refusals.size();
        this.notes = texts(plan.notes());
        this.notesNotShown = plan.notes().size() - notes.size();
        plan.counts().forEach((kind, count) -> counts.put(kind.id(), count));
        this.changes = plan.actions().size();
        List<PlanDiff.OrgDiff> diffs = PlanDiff.byOrg(plan);
        int kept = 0;
        for (PlanDiff.OrgDiff diff : diffs.subList(0, Math.min(diffs.size(), MAX_ORGS))) {
            OrgChanges org = new OrgChanges(diff, MAX_ACTIONS - kept);
            kept += org.changes.size();
            orgs.add(org);
        }
        this.orgsNotShown = diffs.size() - orgs.size();
        this.changesNotShown = changes - kept;
    }

    /**
     * The plan of {@code report} as this run saw it.
     *
     * @param planFile the plan's path in the workspace and among the artifacts: the plan made, or the plan applied
     */
    static PlanView of(PlanReport report, String planFile) {
        return new PlanView(report, planFile);
    }

    /** e.g. "Plan 3f2…: sync of users.csv, made 2025-01-31T08:00:00Z with the token of admin; members not in the file are removed". */
    public String getDescription() {
        String description = Messages.PlanView_Description(id, mode, source, createdAt, tokenUser);
        return removeMissing ? description + "; " + Messages.PlanView_RemoveMissing() : description;
    }

    /** The plan's id: an apply names the plan it applied by it. */
    @Exported
    public String getId() {
        return id;
    }

    /** {@code sync} or {@code offboard}. */
    @Exported
    public String getMode() {
        return mode;
    }

    /** When the plan was made, as an ISO-8601 instant. */
    @Exported
    public String getCreatedAt() {
        return createdAt;
    }

    /** The Snyk user whose token made the plan; a plan is applied only with a token of the same user. */
    @Exported
    public String getTokenUser() {
        return tokenUser;
    }

    /** The user file it was made from. */
    @Exported
    public String getSource() {
        return source;
    }

    @Exported
    public boolean isRemoveMissing() {
        return removeMissing;
    }

    /** This run made the plan (rather than applying one made earlier). */
    @Exported
    public boolean isMade() {
        return made;
    }

    /** This run carried out the plan's actions. */
    @Exported
    public boolean isApplied() {
        return applied;
    }

    /** The plan's path in the workspace, and among the artifacts when they are archived. */
    @Exported
    public String getPlanFile() {
        return planFile;
    }

    /** The limits this run checked, in words. */
    @Exported
    public String getLimits() {
        return limits;
    }

    /** True when the limits refused the plan: nothing was applied. */
    @Exported
    public boolean isRefused() {
        return !refusals.isEmpty();
    }

    /** Why the limits refused it (the first {@value #MAX_TEXTS}); empty when they held. */
    @Exported
    public List<String> getRefusals() {
        return refusals;
    }

    /** Says that refusals are left out, or null. */
    public String getRefusalsNote() {
        return refusalsNotShown == 0 ? null : Messages.PlanView_MoreInThePlan(refusalsNotShown);
    }

    /** Users the plan leaves alone and why (the first {@value #MAX_TEXTS}). */
    @Exported
    public List<String> getNotes() {
        return notes;
    }

    /** Says that notes are left out, or null. */
    public String getNotesNote() {
        return notesNotShown == 0 ? null : Messages.PlanView_MoreInThePlan(notesNotShown);
    }

    /** Actions per kind, under the action ids of the plan file and the Pipeline step's value. */
    @Exported
    public Map<String, Long> getCounts() {
        return counts;
    }

    /** Actions in the plan. */
    @Exported
    public long getChanges() {
        return changes;
    }

    /** The whole plan's counts, e.g. "+2 ~1 −3". */
    public String getSummary() {
        return summary(counts);
    }

    /** The orgs with changes, in the plan's order. */
    @Exported
    public List<OrgChanges> getOrgs() {
        return orgs;
    }

    /** Says that orgs or actions are left out of this page, or null when it shows the whole plan. */
    public String getNotShownNote() {
        if (changesNotShown == 0 && orgsNotShown == 0) {
            return null;
        }
        return orgsNotShown == 0 ? Messages.PlanView_ChangesNotShown(changes - changesNotShown, changes)
                : Messages.PlanView_OrgsNotShown(orgs.size(), orgs.size() + orgsNotShown, changes - changesNotShown, changes);
    }

    /** "+added ~changed −removed" of counts under action ids. */
    static String summary(Map<String, Long> counts) {
        Map<Action, Long> byKind = new EnumMap<>(Action.class);
        counts.forEach((id, count) -> {
            Action kind = Action.byId(id);
            if (kind != null) {
                byKind.put(kind, count);
            }
        });
        return PlanDiff.summary(byKind, MINUS);
    }

    private static String limitsText(SyncLimits limits) {
        String removals = limits.maxRemovals().percent()
                ? Messages.PlanView_PercentRemovals(limits.maxRemovals().value())
                : Messages.PlanView_CountRemovals(limits.maxRemovals().value());
        String text = Messages.PlanView_Limits(removals, limits.minAdmins());
        return limits.protectedEmails().isEmpty() ? text
                : text + "; " + Messages.PlanView_Protected(String.join(", ", new TreeSet<>(limits.protectedEmails())));
    }

    private static ArrayList<String> texts(List<String> all) {
        ArrayList<String> kept = new ArrayList<>();
        for (String text : all.subList(0, Math.min(all.size(), MAX_TEXTS))) {
            kept.add(Excerpt.of(text, ProvisioningSummaryAction.MAX_MESSAGE_CHARS));
        }
        return kept;
    }

    private static String value(String text) {
        return Excerpt.of(text, ProvisioningSummaryAction.MAX_VALUE_CHARS);
    }

    /** One org's part of the plan: its figures before, its counts, and its first actions. */
    @ExportedBean(defaultVisibility = 3)
    public static final class OrgChanges {
        private final String orgId;
        /** -1 when the plan has no figures for the org. */
        private final int members;
        private final int pending;
        private final int admins;
        private final LinkedHashMap<String, Long> counts = new LinkedHashMap<>();
        private final ArrayList<Change> changes = new ArrayList<>();

        OrgChanges(PlanDiff.OrgDiff diff, int room) {
            this.orgId = value(diff.orgId());
            OrgCounts before = diff.before();
            this.members = before == null ? -1 : before.members();
            this.pending = before == null ? -1 : before.pending();
            this.admins = before == null ? -1 : before.admins();
            diff.counts().forEach((kind, count) -> counts.put(kind.id(), count));
            for (PlanAction action : diff.actions().subList(0, Math.max(0, Math.min(diff.actions().size(), room)))) {
                changes.add(new Change(action));
            }
        }

        @Exported
        public String getOrgId() {
            return orgId;
        }

        /** The org as the plan found it, e.g. "5 members, 1 pending provision(s), 2 Org Admin(s)"; null when unknown. */
        public String getBefore() {
            return members < 0 ? null : Messages.PlanView_Before(members, pending, admins);
        }

        @Exported
        public Map<String, Long> getCounts() {
            return counts;
        }

        /** e.g. "+2 ~1 −3". */
        public String getSummary() {
            return summary(counts);
        }

        /** The org's actions this page shows; the rest are in the archived plan. */
        @Exported
        public List<Change> getChanges() {
            return changes;
        }
    }

    /** One action, as a line of the diff. */
    @ExportedBean(defaultVisibility = 4)
    public static final class Change {
        private final String sign;
        private final String kind;
        private final String user;
        private final String description;

        Change(PlanAction action) {
            this.sign = action.kind().sign() == '-' ? MINUS : String.valueOf(action.kind().sign());
            this.kind = action.kind().id();
            this.user = value(action.email() != null ? action.email() : Messages.PlanView_UserId(action.userId()));
            String what = value(switch (action.kind()) {
                case PROVISION -> Messages.PlanView_Provision(action.role());
                case ADD_MEMBERSHIP -> Messages.PlanView_AddMembership(action.role());
                case CHANGE_ROLE -> Messages.PlanView_ChangeRole(action.currentRole(), action.role());
                case REPLACE_PENDING_PROVISION -> Messages.PlanView_ReplacePendingProvision(action.currentRole(), action.role());
                case REMOVE_MEMBER -> Messages.PlanView_RemoveMember(action.currentRole());
                case DELETE_PENDING_PROVISION -> Messages.PlanView_DeletePendingProvision(action.currentRole());
            });
            this.description = action.line() > 0 ? Messages.PlanView_FromLine(what, action.line()) : what;
        }

        /** {@code +}, {@code ~} or {@code −}. */
        @Exported
        public String getSign() {
            return sign;
        }

        /** The action's id, e.g. {@code remove_member}. */
        @Exported
        public String getKind() {
            return kind;
        }

        /** The user's email, or the user's id when Snyk lists no email. */
        @Exported
        public String getUser() {
            return user;
        }

        /** What happens to the user, e.g. "role Developer → Org Collaborator". */
        @Exported
        public String getDescription() {
            return description;
        }
    }
}
