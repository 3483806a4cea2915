package io.jenkins.plugins.snykprovisioning.cli;

import io.jenkins.plugins.snykprovisioning.engine.Mode;
import io.jenkins.plugins.snykprovisioning.engine.Provisioning;
import io.jenkins.plugins.snykprovisioning.plan.RemovalLimit;
import io.jenkins.plugins.snykprovisioning.plan.SyncLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** Sync and offboarding: what the file means, whether the plan is applied, and the limits that guard it. */
final class PlanOptions {

    @Option(names = "--sync", description = "The file is the wanted state of each org it names (rows' org_id, else --org-id): "
            + "users are provisioned, added or re-roled, and with --remove-missing members and pending provisions it leaves "
            + "out are removed. Only plans, unless --yes or --apply.")
    boolean sync;

    @Option(names = "--offboard", description = "The file lists users to take away (email, optional org_id): each is removed "
            + "from its org (or every org of --group-id with --all-orgs) and its pending provisions deleted. Only plans, "
            + "unless --yes or --apply.")
    boolean offboard;

    @Option(names = "--remove-missing", description = "With --sync: remove org members and pending provisions the file does not list.")
    boolean removeMissing;

    @Option(names = "--all-orgs", description = "With --offboard: rows without an org_id are taken away from every org "
            + "of --group-id, not from --org-id.")
    boolean allOrgs;

    @Option(names = "--plan", paramLabel = "FILE", description = "Where the plan is written (default: logs/plan_<time>.json).")
    Path planFile;

    @Option(names = "--apply", paramLabel = "PLAN", description = "Apply exactly the actions of this plan, each after checking "
            + "that its user did not change since; a plan for another API, group, org or token user, or older than "
            + "--max-plan-age, is refused (exit 2) with nothing written. The limits the plan was made with are checked "
            + "again against Snyk as it is now (exit 1 when they no longer hold).")
    Path applyPlan;

    @Option(names = "--yes", description = "Plan and apply in one run (for automation); the limits still hold.")
    boolean yes;

    @Option(names = "--max-plan-age", paramLabel = "AGE", defaultValue = "24h",
            description = "Refuse to apply a plan older than this: 90m, 24h, 2d (default ${DEFAULT-VALUE}).")
    String maxPlanAge;

    @Option(names = "--max-removals", paramLabel = "N|P%", defaultValue = "10%", description = "At most P%% of each org's "
            + "members and pending provisions removed, or N removals in all (default ${DEFAULT-VALUE}); a plan over it is "
            + "written with the reason and not applied (exit 1).")
    String maxRemovals;

    @Option(names = "--min-admins", paramLabel = "N", defaultValue = "" + SyncLimits.DEFAULT_MIN_ADMINS,
            description = "No org a plan removes or re-roles an Org Admin in is left with fewer (default ${DEFAULT-VALUE}).")
    int minAdmins;

    @Option(names = "--protect", paramLabel = "EMAIL[,EMAIL...]", description = "Users never removed or re-roled (besides "
            + "the token's own user and service accounts, always protected).")
    String protectedUsers;

    /** True when the run makes or applies a plan. */
    boolean planned() {
        return sync || offboard || applyPlan != null;
    }

    /** The mode a plan is made in; an applied plan brings its own. */
    Mode mode() {
        return offboard ? Mode.OFFBOARD : Mode.SYNC;
    }

    /**
     * Refuses options that contradict each other or mean nothing without the others.
     *
     * @param given the options on the command line, to tell a limit given from its default
     * @throws IllegalArgumentException saying which options go together
     */
    void check(ParseResult given) {
        if (sync && offboard) {
            throw new IllegalArgumentException("--sync and --offboard are two different runs: give one");
        }
        if (removeMissing && !sync) {
            throw new IllegalArgumentException("--remove-missing goes with --sync");
        }
        if (allOrgs && !offboard) {
            throw new IllegalArgumentException("--all-orgs goes with --offboard (an export takes it too)");
        }
        if (applyPlan == null) {
            for (String option : MADE_WITH_A_PLAN) {
                if (given.hasMatchedOption(option) && !planned()) {
                    throw new IllegalArgumentException(option + " goes with --sync or --offboard");
                }
            }
            return;
        }
        if (sync || offboard || yes) {
            throw new IllegalArgumentException("--apply applies a plan made earlier: give it without --sync, --offboard or --yes");
        }
        for (String option : MADE_WITH_A_PLAN) {
            if (given.hasMatchedOption(option)) {
                throw new IllegalArgumentException(option + " is part of a plan when it is made; an applied plan is held "
                        + "to the limits it was made with: make a new plan to change them");
            }
        }
    }

    /** Options that shape a plan as it is made, so mean nothing to one applied from a file. */
    private static final String[] MADE_WITH_A_PLAN = {"--plan", "--yes", "--max-removals", "--min-admins", "--protect"};

    /**
     * Sets {@code builder} for a planned run, once {@link #check} passed.
     *
     * @throws IllegalArgumentException a limit or an age does not parse
     */
    Provisioning.Builder configure(Provisioning.Builder builder, Path defaultPlanFile) {
        if (applyPlan == null) {
            builder.mode(mode());
        }
        return builder.removeMissing(removeMissing).allOrgs(allOrgs).apply(yes).applyPlan(applyPlan)
                .planFile(planFile != null ? planFile : defaultPlanFile).maxPlanAge(age(maxPlanAge))
                .syncLimits(new SyncLimits(RemovalLimit.parse(maxRemovals), minAdmins, SyncLimits.parseEmails(protectedUsers)));
    }

    /** {@code 90m}, {@code 24h}, {@code 2d}, {@code 3600s} or ISO-8601 ({@code PT24H}). */
    static Duration age(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("p")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("--max-plan-age must look like 90m, 24h or 2d, got '" + text + "'");
        }
    }
}
