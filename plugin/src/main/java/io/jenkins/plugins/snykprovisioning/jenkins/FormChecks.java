package io.jenkins.plugins.snykprovisioning.jenkins;

import io.jenkins.plugins.snykprovisioning.http.TransportSettings;
import io.jenkins.plugins.snykprovisioning.input.EmailAddress;
import io.jenkins.plugins.snykprovisioning.plan.RemovalLimit;
import io.jenkins.plugins.snykprovisioning.plan.SyncLimits;
import java.util.List;
import java.util.Set;

/**
 * The checks of the provisioning form and the global configuration, as they look at what is typed: no credentials,
 * no network, no Jenkins. The descriptors' {@code doCheck...} methods show their answers (see {@link ProvisioningForm}).
 */
final class FormChecks {

    private FormChecks() {
    }

    /** A Snyk id of the wrong shape is a warning: Snyk itself has the last word, and {@code ${VAR}} is left to the run. */
    static FieldCheck snykId(String value) {
        String problem = FieldSyntax.snykIdProblem(value);
        return problem == null ? FieldCheck.OK : FieldCheck.warning(problem);
    }

    /**
     * The users come from a file or from CSV text, not both. Neither given is a neutral note rather than an error:
     * the check also runs when an empty form opens, before anything was typed.
     */
    static FieldCheck usersFile(String value, String users) {
        boolean noFile = value == null || value.isBlank();
        boolean noText = users == null || users.isBlank();
        if (noFile) {
            return noText ? FieldCheck.note(Messages.ProvisioningForm_NoUsers()) : FieldCheck.OK;
        }
        return noText ? workspacePath(value) : FieldCheck.error(Messages.ResolvedSettings_BothUsers());
    }

    /** A workspace path (blank is fine: the field is optional or has a default). */
    static FieldCheck workspacePath(String value) {
        if (value == null || value.isBlank() || FieldSyntax.hasVariable(value)) {
            return FieldCheck.OK;
        }
        String problem = FieldSyntax.workspacePathProblem(value);
        return problem == null ? FieldCheck.OK : FieldCheck.error(problem);
    }

    /** Requests at once: blank for the global setting, else from 1 to the engine's limit. */
    static FieldCheck concurrency(String value) {
        return wholeNumber(value, 1, TransportSettings.MAX_CONCURRENCY, null);
    }

    /** Retries per request: blank for the global setting, 0 for none, else up to the engine's limit. */
    static FieldCheck maxRetries(String value) {
        return wholeNumber(value, 0, TransportSettings.MAX_RETRIES, Messages.FormChecks_NoRetries());
    }

    /** A removal limit as the engine reads it, {@code 10%} or {@code 25}; blank for the engine's default. */
    static FieldCheck maxRemovals(String value) {
        if (value == null || value.isBlank() || FieldSyntax.hasVariable(value)) {
            return FieldCheck.OK;
        }
        try {
            RemovalLimit.parse(value);
            return FieldCheck.OK;
        } catch (IllegalArgumentException e) {
            return FieldCheck.error(e.getMessage());
        }
    }

    /** The fewest Org Admins left in an org: blank for the engine's default, 0 for no minimum (said as a note). */
    static FieldCheck minAdmins(String value) {
        if (value == null || value.isBlank()) {
            return FieldCheck.OK;
        }
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return FieldCheck.error(Messages.FormChecks_MinAdmins(SyncLimits.DEFAULT_MIN_ADMINS));
        }
        try {
            new SyncLimits(RemovalLimit.DEFAULT, number, Set.of());
        } catch (IllegalArgumentException e) {
            return FieldCheck.error(e.getMessage());
        }
        return number == 0 ? FieldCheck.note(Messages.FormChecks_NoAdminMinimum()) : FieldCheck.OK;
    }

    /** Protected users, as the engine splits them; an entry that is no email address is warned about. */
    static FieldCheck protectedUsers(String value) {
        if (FieldSyntax.hasVariable(value)) {
            return FieldCheck.OK;
        }
        List<String> notEmails = SyncLimits.parseEmails(value).stream().filter(email -> !EmailAddress.isValid(email)).toList();
        return notEmails.isEmpty() ? FieldCheck.OK : FieldCheck.warning(Messages.FormChecks_NotEmails(String.join(", ", notEmails)));
    }

    /** The global region, which an API URL override (null when none) replaces: said beside the region. */
    static FieldCheck regionUnder(String apiUrlOverride) {
        return apiUrlOverride == null || apiUrlOverride.isBlank() ? FieldCheck.OK
                : FieldCheck.warning(Messages.FormChecks_RegionOverridden(apiUrlOverride));
    }

    /** Blank is fine (the global setting); {@code zeroNote}, when given, is said of 0. */
    private static FieldCheck wholeNumber(String value, int min, int max, String zeroNote) {
        if (value == null || value.isBlank()) {
            return FieldCheck.OK;
        }
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return FieldCheck.error(Messages.FormChecks_OutOfRange(min, max));
        }
        if (number < min || number > max) {
            return FieldCheck.error(Messages.FormChecks_OutOfRange(min, max));
        }
        return number == 0 && zeroNote != null ? FieldCheck.note(zeroNote) : FieldCheck.OK;
    }
}
