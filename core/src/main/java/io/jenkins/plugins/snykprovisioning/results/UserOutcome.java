package io.jenkins.plugins.snykprovisioning.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;

/**
 * What happened to one input row, as the entry the results file shows. Success entries are
 * {@code {success, email, org_id, result}}, failures {@code {success, email, org_id, error,
 * status_code, error_type, code}} as in the original script's output, plus the row's line and
 * role and, for failures, Snyk's request id.
 */
public record UserOutcome(OutcomeCategory category, ObjectNode entry) {

    /** The user and row an outcome is about. */
    public record Subject(String email, String orgId, int line, String role, String userId) {
    }

    public static UserOutcome success(OutcomeCategory category, Subject subject, JsonNode result, boolean dryRun) {
        ObjectNode entry = start(true, subject);
        entry.set("result", result == null ? SnykJson.MAPPER.nullNode() : result);
        if (dryRun) {
            entry.put("dry_run", true);
        }
        return new UserOutcome(category, finish(entry, subject));
    }

    public static UserOutcome skipped(Subject subject, String reason, int duplicateOfLine) {
        ObjectNode entry = start(true, subject);
        entry.put("reason", reason);
        if (duplicateOfLine > 0) {
            entry.put("duplicate_of_line", duplicateOfLine);
        }
        return new UserOutcome(OutcomeCategory.SKIPPED, finish(entry, subject));
    }

    public static UserOutcome failure(Subject subject, String error, Integer statusCode, String errorType, String code,
            String requestId) {
        ObjectNode entry = start(false, subject);
        entry.put("error", error);
        if (statusCode == null) {
            entry.putNull("status_code");
        } else {
            entry.put("status_code", statusCode);
        }
        entry.put("error_type", errorType);
        if (code == null) {
            entry.putNull("code");
        } else {
            entry.put("code", code);
        }
        if (requestId != null) {
            entry.put("request_id", requestId);
        }
        return new UserOutcome(OutcomeCategory.FAILED, finish(entry, subject));
    }

    public static UserOutcome failure(Subject subject, String context, SnykApiException e) {
        String message = e.apiMessage() == null || e.apiMessage().isBlank() ? "HTTP " + e.status() : e.apiMessage();
        return failure(subject, context == null ? message : context + ": " + message, e.status(), e.errorType(), e.code(),
                e.requestId());
    }

    /** An entry read back from an earlier run's results or journal, carried into this run's record. */
    public static UserOutcome fromPreviousRun(OutcomeCategory category, ObjectNode entry) {
        entry.put("from_previous_run", true);
        return new UserOutcome(category, entry);
    }

    private static ObjectNode start(boolean success, Subject subject) {
        ObjectNode entry = SnykJson.MAPPER.createObjectNode();
        entry.put("success", success);
        entry.put("email", subject.email());
        entry.put("org_id", subject.orgId());
        return entry;
    }

    private static ObjectNode finish(ObjectNode entry, Subject subject) {
        if (subject.role() != null) {
            entry.put("role", subject.role());
        }
        if (subject.userId() != null) {
            entry.put("user_id", subject.userId());
        }
        if (subject.line() > 0) {
            entry.put("line", subject.line());
        }
        return entry;
    }

    public String email() {
        return SnykJson.text(entry, "email");
    }

    public String orgId() {
        return SnykJson.text(entry, "org_id");
    }

    public int line() {
        return entry.path("line").asInt(0);
    }

    /** The error of a failure, the reason of a skip, else null. */
    public String message() {
        String error = SnykJson.text(entry, "error");
        return error != null ? error : SnykJson.text(entry, "reason");
    }

    /** A short human note on what happened, for logs: the message, a role change, a planned action. */
    public String detail() {
        String message = message();
        if (message != null) {
            return message;
        }
        JsonNode result = entry.path("result");
        String role = SnykJson.text(result, "role");
        String previous = SnykJson.text(result, "previous_role");
        String planned = SnykJson.text(result, "planned");
        StringBuilder text = new StringBuilder();
        if (planned != null) {
            text.append("would ").append(planned.replace('_', ' '));
        }
        if (previous != null || (category == OutcomeCategory.ROLE_UPDATED && role != null)) {
            text.append(text.length() == 0 ? "" : ": ");
            // A service account given by user_id is not in the member list, so its earlier role is unknown.
            text.append(previous == null ? "role set to " + role : "role " + previous + " -> " + role);
        }
        return text.length() == 0 ? null : text.toString();
    }

    public boolean dryRun() {
        return entry.path("dry_run").asBoolean(false);
    }

    /** Key identifying the user within an org, as duplicates and resumes see it. */
    public static String key(String email, String orgId) {
        return (email == null ? "" : email.toLowerCase(java.util.Locale.ROOT)) + '\u0000' + (orgId == null ? "" : orgId);
    }
}
