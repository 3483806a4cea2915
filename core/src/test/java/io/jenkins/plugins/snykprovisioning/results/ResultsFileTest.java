package io.jenkins.plugins.snykprovisioning.results;

import io.jenkins.plugins.snykprovisioning.plan.Action;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.input.InputLimits;
import io.jenkins.plugins.snykprovisioning.input.UserRow;
import io.jenkins.plugins.snykprovisioning.input.UserRows;
import io.jenkins.plugins.snykprovisioning.input.UserSource;
import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {

    @TempDir
    Path dir;

    private static UserOutcome.Subject subject(String email, int line) {
        return new UserOutcome.Subject(email, "org-1", line, "role-1", null);
    }

    private Path journalWithOneOfEach() throws Exception {
        Path journal = dir.resolve("r.journal.jsonl");
        try (Journal writer = Journal.create(journal, "provision", false)) {
            writer.record(UserOutcome.changed(OutcomeCategory.PROVISIONED, subject("a@example.com", 2),
                    new UserOutcome.Change(null, null, null, null, null, null, false, null, 0,
                            SnykJson.MAPPER.createObjectNode().put("email", "a@example.com")), false));
            writer.record(UserOutcome.failed(subject("b@example.com", 3),
                    new UserOutcome.Failure("HTTP 403: nope", 403, "forbidden", "c-1", "req-1")));
            writer.record(UserOutcome.skipped(subject("a@example.com", 4), "duplicate of line 2", 2));
            writer.record(UserOutcome.changed(OutcomeCategory.ROLE_UPDATED, subject("c@example.com", 5),
                    new UserOutcome.Change("x", "Developer", "role-1", "u-c", null, null, false, null, 0, null), false));
        }
        return journal;
    }

    private static ProvisioningSummary summary(Map<OutcomeCategory, Long> counts, List<String> errors) {
        Instant now = Instant.now();
        return new ProvisioningSummary("provision", false, true, false, null, 4, counts, 0, 7, 6, 1, 0, now.minusSeconds(2), now,
                errors, List.of(), false, null);
    }

    @Test
    void keysAndEntriesHaveTheOriginalShape() throws Exception {
        Path journal = journalWithOneOfEach();
        Path results = dir.resolve("r.json");
        ResultsFormat.write(results, journal, summary(Map.of(OutcomeCategory.PROVISIONED, 1L), List.of("one error")));
        JsonNode json = SnykJson.MAPPER.readTree(results.toFile());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("provisioned", "already_provisioned", "org_memberships", "already_added",
                "role_updated", "removed", "pending_deleted", "failed", "skipped", "errors", "summary");
        JsonNode provisioned = json.get("provisioned").get(0);
        assertThat(provisioned.get("success").asBoolean()).isTrue();
        assertThat(provisioned.get("email").asText()).isEqualTo("a@example.com");
        assertThat(provisioned.get("org_id").asText()).isEqualTo("org-1");
        assertThat(provisioned.get("result").get("email").asText()).isEqualTo("a@example.com");
        JsonNode failed = json.get("failed").get(0);
        assertThat(failed.get("success").asBoolean()).isFalse();
        assertThat(failed.get("error").asText()).isEqualTo("HTTP 403: nope");
        assertThat(failed.get("status_code").asInt()).isEqualTo(403);
        assertThat(failed.get("error_type").asText()).isEqualTo("forbidden");
        assertThat(failed.get("code").asText()).isEqualTo("c-1");
        assertThat(failed.get("request_id").asText()).isEqualTo("req-1");
        assertThat(failed.get("line").asInt()).isEqualTo(3);
        assertThat(json.get("skipped").get(0).get("reason").asText()).isEqualTo("duplicate of line 2");
        assertThat(json.get("errors").get(0).asText()).isEqualTo("one error");
        JsonNode summary = json.get("summary");
        assertThat(summary.get("counts").get("provisioned").asLong()).isEqualTo(1);
        assertThat(summary.get("counts").get("failed").asLong()).isZero();
        assertThat(summary.get("requests").asLong()).isEqualTo(7);
        assertThat(summary.get("complete").asBoolean()).isTrue();
        assertThat(summary.get("duration_seconds").asDouble()).isBetween(1.9, 2.1);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("r.json", "r.journal.jsonl");
        }
    }

    @Test
    void aTornLastJournalLineIsIgnored() throws Exception {
        Path journal = journalWithOneOfEach();
        Files.writeString(journal, "{\"category\":\"provisioned\",\"entry\":{\"email\":\"half", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        List<String> emails = new ArrayList<>();
        Journal.read(journal, outcome -> emails.add(outcome.email()));
        assertThat(emails).containsExactly("a@example.com", "b@example.com", "a@example.com", "c@example.com");
    }

    @Test
    void previousRunKnowsWhoIsDoneFromAJournalOrAResultsFile() throws Exception {
        Path journal = journalWithOneOfEach();
        Path results = dir.resolve("r.json");
        ResultsFormat.write(results, journal, summary(Map.of(), List.of()));
        for (Path source : List.of(journal, results)) {
            PreviousRun previous = PreviousRun.load(source);
            assertThat(previous.size()).as(source.toString()).isEqualTo(2);
            UserOutcome carried = previous.outcomeOf(UserOutcome.key("A@EXAMPLE.COM", "org-1"));
            assertThat(carried.category()).isEqualTo(OutcomeCategory.PROVISIONED);
            assertThat(carried.fromPreviousRun()).isTrue();
            assertThat(ResultsFormat.entry(carried).get("from_previous_run").asBoolean()).isTrue();
            assertThat(previous.outcomeOf(UserOutcome.key("b@example.com", "org-1"))).as("failed users are not done").isNull();
            assertThat(previous.outcomeOf(UserOutcome.key("c@example.com", "org-1")).category()).isEqualTo(OutcomeCategory.ROLE_UPDATED);
        }
    }

    @Test
    void dryRunEntriesAreNotDone() throws Exception {
        Path journal = dir.resolve("dry.journal.jsonl");
        try (Journal writer = Journal.create(journal, "provision", true)) {
            writer.record(UserOutcome.changed(OutcomeCategory.PROVISIONED, subject("a@example.com", 2),
                    new UserOutcome.Change(null, null, "role-1", null, null, Action.PROVISION, false, null, 0, null), true));
        }
        assertThat(PreviousRun.load(journal).size()).isZero();
    }

    @Test
    void failedRowsCsvCanBeReadBackAsAUserFile() throws Exception {
        Path csv = dir.resolve("failed.csv");
        String roleId = "30000000-0000-4000-8000-000000000001";
        try (FailedRowsCsv failed = FailedRowsCsv.create(csv)) {
            failed.record(UserOutcome.failed(new UserOutcome.Subject("b@example.com", "org-2", 7, "Org Admin", null),
                    new UserOutcome.Failure("HTTP 403: \"quoted\", with comma", 403, "forbidden", null, null)));
            failed.record(UserOutcome.skipped(subject("x@example.com", 8), "not a failure", 0));
            failed.record(UserOutcome.failed(new UserOutcome.Subject("c@example.com", "org-3", 9, roleId, "u-3"),
                    new UserOutcome.Failure("-1 is not a role", null, "invalid_row", null, null)));
            failed.record(UserOutcome.failed(new UserOutcome.Subject("=cmd|' /C calc'!A0", "org-3", 10, "@Developer", null),
                    new UserOutcome.Failure("not an email", null, "invalid_row", null, null)));
        }
        assertThat(Files.readAllLines(csv)).containsExactly("email,role_public_id,role,org_id,user_id,line,error",
                "b@example.com,,Org Admin,org-2,,7,\"HTTP 403: \"\"quoted\"\", with comma\"",
                "c@example.com," + roleId + ",,org-3,u-3,9,'-1 is not a role",
                "'=cmd|' /C calc'!A0,,'@Developer,org-3,,10,not an email");

        List<UserRow> rows = new ArrayList<>();
        try (UserRows reader = UserRows.open(UserSource.ofPath(csv), InputLimits.DEFAULT)) {
            for (UserRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        assertThat(rows).containsExactly(new UserRow(2, "b@example.com", "Org Admin", "org-2", null, null),
                new UserRow(3, "c@example.com", roleId, "org-3", "u-3", null),
                new UserRow(4, "=cmd|' /C calc'!A0", "@Developer", "org-3", null, null));
    }
}
