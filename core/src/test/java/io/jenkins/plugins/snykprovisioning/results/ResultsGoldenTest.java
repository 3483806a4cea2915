package io.jenkins.plugins.snykprovisioning.results;

import io.jenkins.plugins.snykprovisioning.plan.Action;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome.Change;
import io.jenkins.plugins.snykprovisioning.snyk.PendingUser;
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

    private static final String ROLE = "30000000-0000-4000-8000-000000000001";

    private static ObjectNode pending(String email) {
        return ResultsFormat.pendingAnswer(new PendingUser(email, "Developer", ROLE, "2026-11-23T20:33:07.968Z"));
    }

    private static Change answer(JsonNode answer) {
        return new Change(null, null, ROLE, null, null, null, false, null, 0, answer);
    }

    private static Change roleChange(String previous, String userId, Action planned) {
        return new Change(previous, "Developer", ROLE, userId, null, planned, false, null, 0, null);
    }

    private static Change membership(String userId, String membershipId, Action planned, boolean confirmed) {
        return new Change(null, null, ROLE, userId, membershipId, planned, confirmed, null, 0, null);
    }

    private static UserOutcome changed(OutcomeCategory category, String email, int line, Change change, boolean dryRun) {
        return UserOutcome.changed(category, subject(email, line), change, dryRun);
    }

    /** One outcome of every shape, in the order a run might record them. */
    static List<UserOutcome> everyShape() {
        return List.of(
                changed(OutcomeCategory.PROVISIONED, "new@example.com", 2, answer(pending("new@example.com")), false),
                changed(OutcomeCategory.PROVISIONED, "quiet@example.com", 3, answer(null), false),
                changed(OutcomeCategory.PROVISIONED, "late@example.com", 4,
                        new Change(null, null, ROLE, null, null, null, true, null, 0, pending("late@example.com")), false),
                changed(OutcomeCategory.PROVISIONED, "planned@example.com", 5,
                        new Change(null, null, ROLE, null, null, Action.PROVISION, false, null, 0, null), true),
                changed(OutcomeCategory.ALREADY_PROVISIONED, "waiting@example.com", 6, answer(pending("waiting@example.com")), false),
                changed(OutcomeCategory.ORG_MEMBERSHIPS, "joined@example.com", 7,
                        membership("40000000-0000-4000-8000-000000000007", null, null, false), false),
                changed(OutcomeCategory.ORG_MEMBERSHIPS, "plannedjoin@example.com", 8,
                        membership("40000000-0000-4000-8000-000000000008", null, Action.ADD_MEMBERSHIP, false), true),
                changed(OutcomeCategory.ORG_MEMBERSHIPS, "retried@example.com", 9,
                        membership("40000000-0000-4000-8000-000000000009", "50000000-0000-4000-8000-000000000009", null, true), false),
                changed(OutcomeCategory.ALREADY_ADDED, "there@example.com", 10, new Change(null, null, null,
                        "40000000-0000-4000-8000-000000000010", null, null, false, "HTTP 409: membership already exists", 0, null), false),
                changed(OutcomeCategory.ROLE_UPDATED, "member@example.com", 11,
                        roleChange("Org Collaborator", "40000000-0000-4000-8000-000000000011", null), false),
                changed(OutcomeCategory.ROLE_UPDATED, "plannedrole@example.com", 12,
                        roleChange("Org Collaborator", "40000000-0000-4000-8000-000000000012", Action.CHANGE_ROLE), true),
                changed(OutcomeCategory.ROLE_UPDATED, "repending@example.com", 13,
                        roleChange("Org Admin", null, null).withAnswer(pending("repending@example.com")), false),
                changed(OutcomeCategory.ROLE_UPDATED, "plannedpending@example.com", 14,
                        roleChange("Org Admin", null, Action.REPLACE_PENDING_PROVISION), true),
                UserOutcome.changed(OutcomeCategory.ROLE_UPDATED, new UserOutcome.Subject("ci-bot@example.com",
                        "20000000-0000-4000-8000-000000000001", 15, "Developer", "40000000-0000-4000-8000-000000000015"),
                        roleChange(null, "40000000-0000-4000-8000-000000000015", null), false),
                UserOutcome.failed(subject("outsider@example.com", 16), new UserOutcome.Failure(
                        "The user already exists in Snyk but is not a member of group 10000000-0000-4000-8000-000000000001", 403,
                        "user_not_found_in_group", "84246666-373b-421a-9525-1ad740b3e787", "60000000-0000-4000-8000-000000000016")),
                UserOutcome.failed(new UserOutcome.Subject("not-an-email", "20000000-0000-4000-8000-000000000001", 17, "Developer", null),
                        "'not-an-email' is not a valid email address", "invalid_row"),
                UserOutcome.skipped(subject("NEW@example.com", 18), "duplicate of line 2", 2),
                UserOutcome.skipped(subject("same@example.com", 19), "already a member with this role", 0),
                changed(OutcomeCategory.PROVISIONED, "earlier@example.com", 20, answer(pending("earlier@example.com")), false)
                        .carriedOver(),
                UserOutcome.changed(OutcomeCategory.REMOVED, new UserOutcome.Subject("leaver@example.com",
                        "20000000-0000-4000-8000-000000000001", 0, null, null), new Change("Org Collaborator", null, null,
                        "40000000-0000-4000-8000-000000000021", "50000000-0000-4000-8000-000000000021", null, false, null, 0, null), false),
                UserOutcome.changed(OutcomeCategory.REMOVED, new UserOutcome.Subject("plannedleaver@example.com",
                        "20000000-0000-4000-8000-000000000001", 0, null, null), new Change("Developer", null, null,
                        "40000000-0000-4000-8000-000000000022", "50000000-0000-4000-8000-000000000022", Action.REMOVE_MEMBER, false,
                        null, 0, null), true),
                UserOutcome.changed(OutcomeCategory.PENDING_DELETED, new UserOutcome.Subject("neverloggedin@example.com",
                        "20000000-0000-4000-8000-000000000001", 3, null, null), new Change("Developer", null, null, null, null, null,
                        false, null, 0, null), false));
    }

    static ProvisioningSummary summary() {
        Map<OutcomeCategory, Long> counts = new EnumMap<>(OutcomeCategory.class);
        for (UserOutcome outcome : everyShape()) {
            counts.merge(outcome.category(), 1L, Long::sum);
        }
        return new ProvisioningSummary("provision", false, true, false, null, 22, counts, 0, 31, 29, 2, 1,
                Instant.parse("2026-11-23T20:33:05Z"), Instant.parse("2026-11-23T20:33:07.500Z"), List.of("one run-level error"),
                List.of(), false, null);
    }

    @Test
    void theResultsFileIsByteForByteTheOneKeptInTheRepository() throws Exception {
        Path journal = dir.resolve("results.journal.jsonl");
        try (Journal writer = Journal.create(journal, "provision", false)) {
            for (UserOutcome outcome : everyShape()) {
                writer.record(outcome);
            }
        }
        Path results = dir.resolve("results.json");
        ResultsFormat.write(results, journal, summary());
        try (InputStream golden = ResultsGoldenTest.class.getResourceAsStream(GOLDEN)) {
            assertThat(Files.readString(results, StandardCharsets.UTF_8))
                    .isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyEntryReadBackIsWrittenTheSame() {
        for (UserOutcome outcome : everyShape()) {
            ObjectNode entry = ResultsFormat.entry(outcome);
            assertThat(ResultsFormat.entry(ResultsFormat.outcome(outcome.category(), entry))).as(entry.toString()).isEqualTo(entry);
        }
    }
}
