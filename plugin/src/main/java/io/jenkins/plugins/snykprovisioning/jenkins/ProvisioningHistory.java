package io.jenkins.plugins.snykprovisioning.jenkins;

import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jvnet.localizer.Localizable;

/**
 * The job's last provisioning runs as table rows, newest first: when, which mode, and the counts that show a
 * drift or a failing onboarding at a glance (provisioned, added, roles changed, removed, failed).
 */
public final class ProvisioningHistory {

    /** Rows in the table. */
    static final int MAX_ROWS = 10;
    /** Builds looked at, at most: in a job that provisions only now and then, older builds are not all loaded. */
    static final int MAX_BUILDS_EXAMINED = 50;
    /** What a column shows for an outcome its run did not record (e.g. one added to the engine since). */
    static final String NOT_RECORDED = "—";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * The count columns, each an outcome key of the results file. Builds from before an outcome existed
     * (such as {@code removed}) show {@value #NOT_RECORDED} in its column.
     */
    static final List<Column> COLUMNS = List.of(
            new Column(Messages._ProvisioningHistory_Provisioned(), OutcomeCategory.PROVISIONED.key()),
            new Column(Messages._ProvisioningHistory_Added(), OutcomeCategory.ORG_MEMBERSHIPS.key()),
            new Column(Messages._ProvisioningHistory_RolesChanged(), OutcomeCategory.ROLE_UPDATED.key()),
            new Column(Messages._ProvisioningHistory_Removed(), OutcomeCategory.REMOVED.key()),
            new Column(Messages._ProvisioningHistory_Failed(), OutcomeCategory.FAILED.key()));

    /** A build as the table needs it. */
    interface Build {
        int number();

        /** The build's URL relative to Jenkins' root, ending with a slash. */
        String url();

        long startMillis();

        /** The build's provisioning runs, in the order they ran. */
        List<ProvisioningSummaryAction> runs();
    }

    private ProvisioningHistory() {
    }

    /**
     * The rows of the newest {@value #MAX_ROWS} runs among the first {@value #MAX_BUILDS_EXAMINED} builds of
     * {@code newestFirst}, with dates in {@code zone}.
     */
    static List<Row> rows(Iterator<? extends Build> newestFirst, ZoneId zone) {
        List<Row> rows = new ArrayList<>();
        for (int examined = 0; examined < MAX_BUILDS_EXAMINED && rows.size() < MAX_ROWS && newestFirst.hasNext(); examined++) {
            Build build = newestFirst.next();
            List<ProvisioningSummaryAction> runs = build.runs();
            for (int i = runs.size() - 1; i >= 0 && rows.size() < MAX_ROWS; i--) {
                rows.add(row(build, runs.get(i), zone));
            }
        }
        return rows;
    }

    private static Row row(Build build, ProvisioningSummaryAction run, ZoneId zone) {
        List<String> cells = new ArrayList<>();
        for (Column column : COLUMNS) {
            Long count = run.getCounts().get(column.key);
            cells.add(count == null ? NOT_RECORDED : Long.toString(count));
        }
        PlanView plan = run.getPlan();
        String mode = plan != null && plan.isMade() && !plan.isApplied() ? Messages.ProvisioningHistory_PlanMode(run.getMode())
                : run.isDryRun() ? Messages.ProvisioningHistory_DryRunMode(run.getMode()) : run.getMode();
        return new Row(label(build, run), url(build, run),
                DATE.format(Instant.ofEpochMilli(build.startMillis()).atZone(zone)), mode, cells,
                run.getFailed() > 0 || !run.isComplete());
    }

    /** "#12", or "#12 (2)" for a build's second run. */
    static String label(Build build, ProvisioningSummaryAction run) {
        return "#" + build.number() + (run.number() == 1 ? "" : " (" + run.number() + ")");
    }

    /** The run's page, relative to Jenkins' root. */
    static String url(Build build, ProvisioningSummaryAction run) {
        return build.url() + run.getUrlName() + "/";
    }

    /** A column of counts: its title and the outcome key it counts. */
    public static final class Column {
        private final Localizable title;
        private final String key;

        Column(Localizable title, String key) {
            this.title = title;
            this.key = key;
        }

        public String getTitle() {
            return title.toString();
        }

        String key() {
            return key;
        }
    }

    /** One run of one build. */
    public static final class Row {
        private final String label;
        private final String url;
        private final String date;
        private final String mode;
        private final List<String> cells;
        private final boolean attention;

        Row(String label, String url, String date, String mode, List<String> cells, boolean attention) {
            this.label = label;
            this.url = url;
            this.date = date;
            this.mode = mode;
            this.cells = List.copyOf(cells);
            this.attention = attention;
        }

        /** "#12", or "#12 (2)" for a build's second run. */
        public String getLabel() {
            return label;
        }

        /** The run's page, relative to Jenkins' root. */
        public String getUrl() {
            return url;
        }

        /** When the build started, "yyyy-MM-dd HH:mm" in the controller's time zone. */
        public String getDate() {
            return date;
        }

        public String getMode() {
            return mode;
        }

        /** One cell per column of {@link #COLUMNS}, in order. */
        public List<String> getCells() {
            return cells;
        }

        /** True when a user failed or the run did not finish: the row stands out. */
        public boolean isAttention() {
            return attention;
        }
    }
}
