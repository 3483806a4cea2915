package io.jenkins.plugins.snykprovisioning.jenkins;

import java.io.IOException;
import java.nio.file.Path;

/** What the run keeps with the build on the controller. */
interface BuildRecord {

    /** A new, empty folder for one run's journal, results and failed rows, kept with the build. */
    Path newOutputFolder() throws IOException;

    /** Shows the run's summary on the build's page. */
    void attach(ProvisioningSummaryAction summary);
}
