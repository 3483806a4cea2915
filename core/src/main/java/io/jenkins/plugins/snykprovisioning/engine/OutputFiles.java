package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.results.Journal;
import java.nio.file.Path;

/**
 * Files a run writes: the results file, the journal beside it (kept, so an interrupted run can be
 * resumed), and the failed rows as CSV (optional, null when not wanted).
 */
public record OutputFiles(Path resultsFile, Path journalFile, Path failedRowsCsv) {

    static OutputFiles beside(Path resultsFile, Path failedRowsCsv) {
        return new OutputFiles(resultsFile, Journal.beside(resultsFile), failedRowsCsv);
    }
}
