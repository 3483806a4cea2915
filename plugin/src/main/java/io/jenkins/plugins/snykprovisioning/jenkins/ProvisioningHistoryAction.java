package io.jenkins.plugins.snykprovisioning.jenkins;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The table of the last builds' provisioning runs on the job's page (jobMain.jelly). Jenkins adds it to the job
 * through the last successful build's {@link ProvisioningSummaryAction} ({@code SimpleBuildStep.LastBuildAction});
 * the rows are read from the job's builds, newest first, each time the page is shown.
 */
public final class ProvisioningHistoryAction implements Action {

    private final Job<?, ?> job;

    ProvisioningHistoryAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    /** No link in the side panel: the table is on the job's page. */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.ProvisioningHistoryAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return null;
    }

    public List<ProvisioningHistory.Column> getColumns() {
        return ProvisioningHistory.COLUMNS;
    }

    public List<ProvisioningHistory.Row> getRows() {
        return ProvisioningHistory.rows(newestFirst(job.getLastBuild()), ZoneId.systemDefault());
    }

    /** {@code last} and the builds before it, newest first, as the table and {@link PlanOrigin} read them. */
    static Iterator<ProvisioningHistory.Build> newestFirst(Run<?, ?> last) {
        return new Iterator<>() {
            private Run<?, ?> next = last;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ProvisioningHistory.Build next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Run<?, ?> run = next;
                next = run.getPreviousBuild();
                return new ProvisioningHistory.Build() {
                    @Override
                    public int number() {
                        return run.getNumber();
                    }

                    @Override
                    public String url() {
                        return run.getUrl();
                    }

                    @Override
                    public long startMillis() {
                        return run.getStartTimeInMillis();
                    }

                    @Override
                    public List<ProvisioningSummaryAction> runs() {
                        return run.getActions(ProvisioningSummaryAction.class);
                    }
                };
            }
        };
    }
}
