package io.jenkins.plugins.snykprovisioning.results;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The results file, compatible with the original script's {@code --output}: one array per
 * outcome in the original key order, {@code errors} as strings, and a {@code summary}. Built
 * from the journal one outcome at a time, and replaced atomically.
 */
public final class ResultsFile {

    private ResultsFile() {
    }

    public static void write(Path target, Path journal, RunSummary summary) throws IOException {
        AtomicFiles.write(target, out -> {
            try (JsonGenerator json = SnykJson.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                for (OutcomeCategory category : OutcomeCategory.values()) {
                    writeCategory(json, journal, category);
                }
                json.writeArrayFieldStart("errors");
                for (String error : summary.errors()) {
                    json.writeString(error);
                }
                json.writeEndArray();
                json.writeFieldName("summary");
                json.writeTree(summary.toJson());
                json.writeEndObject();
            }
        });
    }

    private static void writeCategory(JsonGenerator json, Path journal, OutcomeCategory category) throws IOException {
        json.writeArrayFieldStart(category.key());
        if (journal != null) {
            RunJournal.read(journal, category, outcome -> json.writeTree(outcome.entry()));
        }
        json.writeEndArray();
    }
}
