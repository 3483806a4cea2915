package io.jenkins.plugins.snykprovisioning.results;

import io.jenkins.plugins.snykprovisioning.plan.Action;
import io.jenkins.plugins.snykprovisioning.plan.PlanReport;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome.Change;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome.Failure;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome.Subject;
import io.jenkins.plugins.snykprovisioning.snyk.PendingUser;
import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The results file, compatible with the original script's {@code --output}: one array per outcome in
 * the original key order, {@code errors} as strings, and a {@code summary}. The only place that knows
 * its keys, for writing and for reading back (journals hold the same entries).
 *
 * <p>Entries are {@code {success, email, org_id, result}} for changes and {@code {success, email,
 * org_id, error, status_code, error_type, code}} for failures, as the original script wrote them, plus
 * the row's role, user id and line and, for failures, Snyk's request id.
 */
public final class ResultsFormat {

    private ResultsFormat() {
    }

    /** Writes the results file from the journal, one outcome at a time, replacing {@code target} atomically. */
    public static void write(Path target, Path journal, ProvisioningSummary summary) throws IOException {
        AtomicFiles.write(target, out -> {
            try (JsonGenerator json = SnykJson.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                for (OutcomeCategory category : OutcomeCategory.values()) {
                    json.writeArrayFieldStart(category.key());
                    if (journal != null) {
                        Journal.readEntries(journal, category, json::writeTree);
                    }
                    json.writeEndArray();
                }
                json.writeArrayFieldStart("errors");
                for (String error : summary.errors()) {
                    json.writeString(error);
                }
                json.writeEndArray();
                json.writeFieldName("summary");
                json.writeTree(summaryJson(summary));
                json.writeEndObject();
            }
        });
    }

    /** Far beyond one user's entry: a longer entry is not from this tool. */
    static final int MAX_ENTRY_CHARS = 1024 * 1024;
    /** An entry nests Snyk's answer a few levels deep. */
    static final int MAX_DEPTH = 64;

    /**
     * Reads every outcome of a results file, in file order, streaming (a file may hold 100,000 users).
     * The file may come from elsewhere, so it is read with bounds: its length, and each entry's length
     * and depth; no tree is built of an entry before its length is known to be within bounds.
     */
    public static void read(Path resultsFile, long maxFileBytes, Journal.Visitor visitor) throws IOException {
        JsonFactory bounded = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_ENTRY_CHARS).maxDocumentLength(maxFileBytes).build()).build();
        try (InputStream in = Files.newInputStream(resultsFile); JsonParser parser = bounded.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(resultsFile + " is neither a results file nor a journal of this tool");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                OutcomeCategory category = OutcomeCategory.byKey(parser.currentName());
                if (parser.nextToken() != JsonToken.START_ARRAY || category == null) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    UserOutcome outcome = outcome(category, SnykJson.MAPPER.readTree(entryText(parser, resultsFile)));
                    if (outcome != null) {
                        visitor.visit(outcome);
                    }
                }
            }
        }
    }

    /** The object the parser is at, copied event by event as compact JSON and refused once it passes {@link #MAX_ENTRY_CHARS}. */
    private static String entryText(JsonParser parser, Path path) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator copy = SnykJson.MAPPER.createGenerator(text)) {
            int depth = 0;
            do {
                JsonToken token = parser.currentToken();
                copy.copyCurrentEvent(parser);
                depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
                if (text.getBuffer().length() > MAX_ENTRY_CHARS) {
                    throw new IOException(path + " has an entry longer than " + MAX_ENTRY_CHARS
                            + " characters; no results file of this tool has such entries");
                }
            } while (depth > 0 && parser.nextToken() != null);
        }
        return text.toString();
    }

    /** The entry of one outcome, as the results file and the journal hold it. */
    public static ObjectNode entry(UserOutcome outcome) {
        Subject subject = outcome.subject();
        ObjectNode entry = SnykJson.MAPPER.createObjectNode();
        entry.put("success", outcome.category().success());
        entry.put("email", subject.email());
        entry.put("org_id", subject.orgId());
        Failure failure = outcome.failure();
        Change change = outcome.change();
        if (failure != null) {
            entry.put("error", failure.message());
            entry.put("status_code", failure.status());
            entry.put("error_type", failure.errorType());
            entry.put("code", failure.code());
            if (failure.requestId() != null) {
                entry.put("request_id", failure.requestId());
            }
        } else if (outcome.category() == OutcomeCategory.SKIPPED) {
            entry.put("reason", change.note());
            if (change.duplicateOfLine() > 0) {
                entry.put("duplicate_of_line", change.duplicateOfLine());
            }
        } else {
            entry.set("result", result(outcome.category(), subject, change));
            if (outcome.dryRun()) {
                entry.put("dry_run", true);
            }
        }
        if (subject.role() != null) {
            entry.put("role", subject.role());
        }
        if (subject.userId() != null) {
            entry.put("user_id", subject.userId());
        }
        if (subject.line() > 0) {
            entry.put("line", subject.line());
        }
        if (outcome.fromPreviousRun()) {
            entry.put("from_previous_run", true);
        }
        return entry;
    }

    /** What a change's {@code result} shows: Snyk's answer where there is one, else what was (or would be) done. */
    private static JsonNode result(OutcomeCategory category, Subject subject, Change change) {
        ObjectNode result = SnykJson.MAPPER.createObjectNode();
        switch (category) {
            case PROVISIONED -> {
                if (change.planned() != null) {
                    result.put("planned", change.planned().id()).put("email", subject.email())
                            .put("rolePublicId", change.rolePublicId());
                } else if (change.answer() instanceof ObjectNode answer) {
                    result.setAll(answer);
                    if (change.confirmedAfterRetry()) {
                        result.put("confirmed_after_retry", true);
                    }
                } else {
                    result.put("email", subject.email()).put("rolePublicId", change.rolePublicId());
                }
            }
            case ORG_MEMBERSHIPS -> {
                if (change.planned() != null) {
                    result.put("planned", change.planned().id()).put("user_id", change.userId())
                            .put("role_public_id", change.rolePublicId());
                } else if (change.confirmedAfterRetry()) {
                    result.put("user_id", change.userId()).put("membership_id", change.membershipId())
                            .put("role_public_id", change.rolePublicId()).put("confirmed_after_retry", true);
                } else if (change.answer() != null) {
                    return change.answer();
                } else {
                    result.put("user_id", change.userId()).put("role_public_id", change.rolePublicId());
                }
            }
            case ALREADY_ADDED -> result.put("user_id", change.userId()).put("detail", change.note());
            case REMOVED, PENDING_DELETED -> {
                result.put("previous_role", change.previousRole());
                if (change.userId() != null) {
                    result.put("user_id", change.userId());
                }
                if (change.membershipId() != null) {
                    result.put("membership_id", change.membershipId());
                }
                if (change.planned() != null) {
                    result.put("planned", change.planned().id());
                }
            }
            case ROLE_UPDATED -> {
                result.put("previous_role", change.previousRole()).put("role", change.role())
                        .put("role_public_id", change.rolePublicId());
                if (change.userId() != null) {
                    result.put("user_id", change.userId());
                }
                if (change.planned() != null) {
                    result.put("planned", change.planned().id());
                }
                if (change.answer() != null) {
                    result.set("provision", change.answer());
                }
            }
            default -> {
                return change.answer() == null ? SnykJson.MAPPER.nullNode() : change.answer();
            }
        }
        return result;
    }

    /** The outcome an entry of {@code category} records, or null for an entry without an email. */
    public static UserOutcome outcome(OutcomeCategory category, JsonNode entry) {
        String email = SnykJson.text(entry, "email");
        if (email == null) {
            return null;
        }
        Subject subject = new Subject(email, SnykJson.text(entry, "org_id"), entry.path("line").asInt(0),
                SnykJson.text(entry, "role"), SnykJson.text(entry, "user_id"));
        boolean fromPreviousRun = entry.path("from_previous_run").asBoolean(false);
        if (category == OutcomeCategory.FAILED) {
            JsonNode status = entry.get("status_code");
            Failure failure = new Failure(SnykJson.text(entry, "error"), status != null && status.canConvertToInt() ? status.asInt() : null,
                    SnykJson.text(entry, "error_type"), SnykJson.text(entry, "code"), SnykJson.text(entry, "request_id"));
            return new UserOutcome(category, subject, failure, null, false, fromPreviousRun);
        }
        Change change = category == OutcomeCategory.SKIPPED
                ? Change.note(SnykJson.text(entry, "reason"), entry.path("duplicate_of_line").asInt(0))
                : change(category, entry.get("result"));
        return new UserOutcome(category, subject, null, change, entry.path("dry_run").asBoolean(false), fromPreviousRun);
    }

    private static Change change(OutcomeCategory category, JsonNode result) {
        if (!(result instanceof ObjectNode fields)) {
            return Change.answer(result == null || result.isNull() ? null : result);
        }
        Action planned = Action.byId(SnykJson.text(fields, "planned"));
        boolean confirmed = fields.path("confirmed_after_retry").asBoolean(false);
        return switch (category) {
            case PROVISIONED -> planned != null || confirmed
                    ? new Change(null, null, SnykJson.text(fields, "rolePublicId"), null, null, planned, confirmed, null, 0,
                            planned != null ? null : fields.deepCopy().without("confirmed_after_retry"))
                    : Change.answer(fields);
            case ORG_MEMBERSHIPS -> planned != null || confirmed
                    ? new Change(null, null, SnykJson.text(fields, "role_public_id"), SnykJson.text(fields, "user_id"),
                            SnykJson.text(fields, "membership_id"), planned, confirmed, null, 0, null)
                    : Change.answer(fields);
            case ALREADY_ADDED -> new Change(null, null, null, SnykJson.text(fields, "user_id"), null, null, false,
                    SnykJson.text(fields, "detail"), 0, null);
            case REMOVED, PENDING_DELETED -> new Change(SnykJson.text(fields, "previous_role"), null, null,
                    SnykJson.text(fields, "user_id"), SnykJson.text(fields, "membership_id"), planned, false, null, 0, null);
            case ROLE_UPDATED -> new Change(SnykJson.text(fields, "previous_role"), SnykJson.text(fields, "role"),
                    SnykJson.text(fields, "role_public_id"), SnykJson.text(fields, "user_id"), null, planned, false, null, 0,
                    fields.get("provision"));
            default -> Change.answer(fields);
        };
    }

    /** A pending provision as a change's answer shows it: the fields of Snyk's pending-provision list. */
    public static ObjectNode pendingAnswer(PendingUser pending) {
        return SnykJson.MAPPER.createObjectNode().put("email", pending.email()).put("role", pending.role())
                .put("rolePublicId", pending.rolePublicId()).put("created", pending.created());
    }

    static ObjectNode summaryJson(ProvisioningSummary summary) {
        ObjectNode json = SnykJson.MAPPER.createObjectNode();
        json.put("mode", summary.mode());
        json.put("dry_run", summary.dryRun());
        json.put("complete", summary.complete());
        json.put("interrupted", summary.interrupted());
        if (summary.fatalError() != null) {
            json.put("fatal_error", summary.fatalError());
        }
        if (summary.refused()) {
            json.put("refused", true);
        }
        json.put("total", summary.totalRows());
        ObjectNode byOutcome = json.putObject("counts");
        summary.counts().forEach((category, count) -> byOutcome.put(category.key(), count));
        json.put("not_processed", summary.notProcessed());
        json.put("requests", summary.requests());
        json.put("api_calls", summary.calls());
        json.put("retries", summary.retries());
        json.put("rate_limited", summary.rateLimited());
        json.put("duration_seconds", Math.round(summary.durationSeconds() * 1000) / 1000.0);
        json.put("started_at", summary.startedAt().toString());
        json.put("finished_at", summary.finishedAt().toString());
        PlanReport report = summary.plan();
        if (report != null) {
            ObjectNode plan = json.putObject("plan").put("id", report.plan().id());
            if (report.planFile() != null) {
                plan.put("file", report.planFile().toString());
            }
            ObjectNode actions = plan.putObject("actions");
            report.plan().counts().forEach((kind, count) -> actions.put(kind.id(), count));
            plan.put("applied", report.applied());
            report.refusals().forEach(plan.putArray("refused")::add);
            if (report.rejected() != null) {
                plan.put("rejected", report.rejected());
            }
        }
        return json;
    }
}
