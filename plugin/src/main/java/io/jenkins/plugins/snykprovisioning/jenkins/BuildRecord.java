package io.jenkins.plugins.snykprovisioning.jenkins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** What the run keeps with the build on the controller. */
interface BuildRecord {

    /** A new, empty folder on the controller for one run's journal, results and failed rows while it runs. */
    Path newOutputFolder() throws IOException;

    /** Archives files of {@code folder} with the build: artifact path to path in the folder. */
    void archive(Path folder, Map<String, String> artifacts) throws IOException, InterruptedException;

    /** Shows the run's summary on the build's page. */
    void attach(ProvisioningSummaryAction summary);
}
