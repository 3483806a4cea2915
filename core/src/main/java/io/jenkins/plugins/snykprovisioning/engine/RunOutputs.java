package io.jenkins.plugins.snykprovisioning.engine;

import java.nio.file.Path;

/**
 * Files a run writes: the results file, the journal beside it (kept, so an interrupted run can be
 * resumed), and the failed rows as CSV (optional).
 */
public record RunOutputs(Path resultsFile, Path journalFile, Path failedRowsCsv) {

    public static RunOutputs beside(Path resultsFile, Path failedRowsCsv) {
        return new RunOutputs(resultsFile, journalOf(resultsFile), failedRowsCsv);
    }

    /** {@code results.json} → {@code results.journal.jsonl}. */
    public static Path journalOf(Path resultsFile) {
        String name = resultsFile.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return resultsFile.resolveSibling(stem + ".journal.jsonl");
    }
}
