package io.jenkins.plugins.snykprovisioning.results;

import io.jenkins.plugins.snykprovisioning.plan.Action;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * What happened to one input row: who it was about, where it ended up, and either why it failed or
 * what was changed (in a dry run: what would be). {@link ResultsFormat} alone knows how it is written.
 *
 * @param failure set exactly when {@code category} is {@link OutcomeCategory#FAILED}
 * @param change set for every other category
 * @param dryRun the run changed nothing; {@code change} says what it would have done
 * @param fromPreviousRun done by an earlier run whose results this run resumed from
 */
public record UserOutcome(OutcomeCategory category, Subject subject, Failure failure, Change change, boolean dryRun,
        boolean fromPreviousRun) {

    public UserOutcome {
        if ((category == OutcomeCategory.FAILED) != (failure != null) || (failure == null) == (change == null)) {
            throw new IllegalArgumentException("A failed outcome has a failure and no change; any other a change and no failure");
        }
    }

    /**
     * The user and row an outcome is about.
     *
     * @param role the role the row asked for, as written (or the run's default)
     * @param userId the user id the row gave (role updates of members Snyk does not list), or null
     * @param line the row's line in the file, 0 when there is none
     */
    public record Subject(String email, String orgId, int line, String role, String userId) {
    }

    /**
     * Why nothing (more) was done for a user.
     *
     * @param status the API's HTTP status, null when no request was refused
     * @param errorType a coarse type ({@code forbidden}, {@code invalid_row}, ...; see docs/results-format.md)
     * @param code Snyk's error code, or null
     * @param requestId Snyk's id of the refused request, or null
     */
    public record Failure(String message, Integer status, String errorType, String code, String requestId) {
    }

    /**
     * What was done for a user, or why nothing was needed. Fields a category does not use are null.
     *
     * @param previousRole a changed role's earlier name (or id), null when unknown
     * @param role the role the user holds now, by name where known
     * @param rolePublicId that role's public id
     * @param userId the Snyk user the change was made to
     * @param membershipId the org membership a change created or found
     * @param planned in a dry run, the action that would be taken
     * @param confirmedAfterRetry a write whose answer was lost, found done when asked again
     * @param note why nothing was needed (a skip's reason, Snyk's "already a member")
     * @param duplicateOfLine for a repeated row, the line of its first occurrence; 0 otherwise
     * @param answer Snyk's own answer to the write (or the pending provision found), kept as given
     */
    public record Change(String previousRole, String role, String rolePublicId, String userId, String membershipId,
            Action planned, boolean confirmedAfterRetry, String note, int duplicateOfLine, JsonNode answer) {

        /** This change with Snyk's answer to it. */
        public Change withAnswer(JsonNode value) {
            return new Change(previousRole, role, rolePublicId, userId, membershipId, planned, confirmedAfterRetry, note,
                    duplicateOfLine, value);
        }

        static Change answer(JsonNode answer) {
            return new Change(null, null, null, null, null, null, false, null, 0, answer);
        }

        static Change note(String note, int duplicateOfLine) {
            return new Change(null, null, null, null, null, null, false, note, duplicateOfLine, null);
        }
    }

    public static UserOutcome failed(Subject subject, Failure failure) {
        return new UserOutcome(OutcomeCategory.FAILED, subject, failure, null, false, false);
    }

    /** A failure the API had no part in (a bad row, an unknown role, an interruption). */
    public static UserOutcome failed(Subject subject, String message, String errorType) {
        return failed(subject, new Failure(message, null, errorType, null, null));
    }

    public static UserOutcome skipped(Subject subject, String reason, int duplicateOfLine) {
        return new UserOutcome(OutcomeCategory.SKIPPED, subject, null, Change.note(reason, duplicateOfLine), false, false);
    }

    /** A change of {@code category}, or in a dry run the change that would be made. */
    public static UserOutcome changed(OutcomeCategory category, Subject subject, Change change, boolean dryRun) {
        return new UserOutcome(category, subject, null, change, dryRun, false);
    }

    /** This outcome, as carried into a later run that resumed from it. */
    public UserOutcome carriedOver() {
        return new UserOutcome(category, subject, failure, change, dryRun, true);
    }

    public String email() {
        return subject.email();
    }

    public String orgId() {
        return subject.orgId();
    }

    public int line() {
        return subject.line();
    }

    /** The error of a failure, the reason of a skip, else null. */
    public String message() {
        if (failure != null) {
            return failure.message();
        }
        return category == OutcomeCategory.SKIPPED ? change.note() : null;
    }

    /** The HTTP status the API refused this user with, or 0. */
    public int refusedWithStatus() {
        return failure == null || failure.status() == null ? 0 : failure.status();
    }

    /** A short human note on what happened, for logs: the message, a role change, a removal, a planned action. */
    public String detail() {
        String message = message();
        if (message != null) {
            return message;
        }
        StringBuilder text = new StringBuilder();
        if (change.planned() != null) {
            text.append("would ").append(change.planned().id().replace('_', ' '));
        }
        if (category == OutcomeCategory.REMOVED || category == OutcomeCategory.PENDING_DELETED) {
            if (change.previousRole() != null) {
                text.append(text.length() == 0 ? "was " + change.previousRole() : " (was " + change.previousRole() + ")");
            }
        } else if (change.previousRole() != null || (category == OutcomeCategory.ROLE_UPDATED && change.role() != null)) {
            text.append(text.length() == 0 ? "" : ": ");
            // A service account given by user_id is not in the member list, so its earlier role is unknown.
            text.append(change.previousRole() == null ? "role set to " + change.role()
                    : "role " + change.previousRole() + " -> " + change.role());
        }
        return text.length() == 0 ? null : text.toString();
    }

    /** Key identifying the user within an org, as duplicates and resumes see it. */
    public static String key(String email, String orgId) {
        return (email == null ? "" : email.toLowerCase(Locale.ROOT)) + '\u0000' + (orgId == null ? "" : orgId);
    }
}
