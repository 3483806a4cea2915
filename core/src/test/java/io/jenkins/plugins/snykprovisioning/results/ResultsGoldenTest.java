package io.jenkins.plugins.snykprovisioning.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results file, byte for byte: one entry of every shape the engine writes, compared with a file
 * kept in the repository. A change to a key, its order or its formatting fails here.
 */
class ResultsGoldenTest {

    static final String GOLDEN = "/golden/results.json";

    @TempDir
    Path dir;

    private static UserOutcome.Subject subject(String email, int line) {
        return new UserOutcome.Subject(email, "20000000-0000-4000-8000-000000000001", line, "Developer", null);
    }

    private static ObjectNode json() {
        return SnykJson.MAPPER.createObjectNode();
    }

    private static ObjectNode pending(String email) {
        return json().put("email", email).put("role", "Developer").put("rolePublicId", "30000000-0000-4000-8000-000000000001")
                .put("created", "2026-11-23T20:33:07.968Z");
    }

    private static ObjectNode roleChange(String previous) {
        return json().put("previous_role", previous).put("role", "Developer").put("role_public_id", "30000000-0000-4000-8000-000000000001");
    }

    /** One outcome of every shape, in the order a run might record them. */
    static List<UserOutcome> everyShape() {
        return List.of(
                UserOutcome.success(OutcomeCategory.PROVISIONED, subject("new@example.com", 2), pending("new@example.com"), false),
                UserOutcome.success(OutcomeCategory.PROVISIONED, subject("quiet@example.com", 3),
                        json().put("email", "quiet@example.com").put("rolePublicId", "30000000-0000-4000-8000-000000000001"), false),
                UserOutcome.success(OutcomeCategory.PROVISIONED, subject("late@example.com", 4),
                        pending("late@example.com").put("confirmed_after_retry", true), false),
                UserOutcome.success(OutcomeCategory.PROVISIONED, subject("planned@example.com", 5),
                        json().put("planned", "provision").put("email", "planned@example.com")
                                .put("rolePublicId", "30000000-0000-4000-8000-000000000001"), true),
                UserOutcome.success(OutcomeCategory.ALREADY_PROVISIONED, subject("waiting@example.com", 6), pending("waiting@example.com"), false),
                UserOutcome.success(OutcomeCategory.ORG_MEMBERSHIPS, subject("joined@example.com", 7),
                        json().put("user_id", "40000000-0000-4000-8000-000000000007")
                                .put("role_public_id", "30000000-0000-4000-8000-000000000001"), false),
                UserOutcome.success(OutcomeCategory.ORG_MEMBERSHIPS, subject("plannedjoin@example.com", 8),
                        json().put("planned", "add_membership").put("user_id", "40000000-0000-4000-8000-000000000008")
                                .put("role_public_id", "30000000-0000-4000-8000-000000000001"), true),
                UserOutcome.success(OutcomeCategory.ORG_MEMBERSHIPS, subject("retried@example.com", 9),
                        json().put("user_id", "40000000-0000-4000-8000-000000000009").put("membership_id", "50000000-0000-4000-8000-000000000009")
                                .put("role_public_id", "30000000-0000-4000-8000-000000000001").put("confirmed_after_retry", true), false),
                UserOutcome.success(OutcomeCategory.ALREADY_ADDED, subject("there@example.com", 10),
                        json().put("user_id", "40000000-0000-4000-8000-000000000010").put("detail", "HTTP 409: membership already exists"), false),
                UserOutcome.success(OutcomeCategory.ROLE_UPDATED, subject("member@example.com", 11),
                        roleChange("Org Collaborator").put("user_id", "40000000-0000-4000-8000-000000000011"), false),
                UserOutcome.success(OutcomeCategory.ROLE_UPDATED, subject("plannedrole@example.com", 12),
                        roleChange("Org Collaborator").put("user_id", "40000000-0000-4000-8000-000000000012").put("planned", "change_role"), true),
                UserOutcome.success(OutcomeCategory.ROLE_UPDATED, subject("repending@example.com", 13),
                        roleChange("Org Admin").set("provision", pending("repending@example.com")), false),
                UserOutcome.success(OutcomeCategory.ROLE_UPDATED, subject("plannedpending@example.com", 14),
                        roleChange("Org Admin").put("planned", "replace_pending_provision"), true),
                UserOutcome.success(OutcomeCategory.ROLE_UPDATED, new UserOutcome.Subject("ci-bot@example.com",
                        "20000000-0000-4000-8000-000000000001", 15, "Developer", "40000000-0000-4000-8000-000000000015"),
                        roleChange(null).put("user_id", "40000000-0000-4000-8000-000000000015"), false),
                UserOutcome.failure(subject("outsider@example.com", 16),
                        "The user already exists in Snyk but is not a member of group 10000000-0000-4000-8000-000000000001", 403,
                        "user_not_found_in_group", "84246666-373b-421a-9525-1ad740b3e787", "60000000-0000-4000-8000-000000000016"),
                UserOutcome.failure(new UserOutcome.Subject("not-an-email", "20000000-0000-4000-8000-000000000001", 17, "Developer", null),
                        "'not-an-email' is not a valid email address", null, "invalid_row", null, null),
                UserOutcome.skipped(subject("NEW@example.com", 18), "duplicate of line 2", 2),
                UserOutcome.skipped(subject("same@example.com", 19), "already a member with this role", 0),
                UserOutcome.fromPreviousRun(OutcomeCategory.PROVISIONED, (ObjectNode) UserOutcome.success(OutcomeCategory.PROVISIONED,
                        subject("earlier@example.com", 20), pending("earlier@example.com"), false).entry()));
    }

    static RunSummary summary() {
        Map<OutcomeCategory, Long> counts = new EnumMap<>(OutcomeCategory.class);
        for (UserOutcome outcome : everyShape()) {
            counts.merge(outcome.category(), 1L, Long::sum);
        }
        return new RunSummary("provision", false, true, false, null, 19, counts, 0, 31, 29, 2, 1,
                Instant.parse("2026-11-23T20:33:05Z"), Instant.parse("2026-11-23T20:33:07.500Z"), List.of("one run-level error"));
    }

    @Test
    void theResultsFileIsByteForByteTheOneKeptInTheRepository() throws Exception {
        Path journal = dir.resolve("results.journal.jsonl");
        try (RunJournal writer = RunJournal.create(journal, "provision", false)) {
            for (UserOutcome outcome : everyShape()) {
                writer.record(outcome);
            }
        }
        Path results = dir.resolve("results.json");
        ResultsFile.write(results, journal, summary());
        try (InputStream golden = ResultsGoldenTest.class.getResourceAsStream(GOLDEN)) {
            assertThat(Files.readString(results, StandardCharsets.UTF_8))
                    .isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
