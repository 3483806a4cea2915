package io.jenkins.plugins.snykprovisioning.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import io.jenkins.plugins.snykprovisioning.results.UserOutcome;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import io.jenkins.plugins.snykprovisioning.snyk.SnykJson;

/**
 * Does what one user needs and says how it ended. An API refusal or a network failure becomes a
 * failure outcome naming the step it happened in; only an interruption escapes.
 */
abstract class UserWorkflow {

    /** The step a user is at, named in a failure message ("adding the user to org ..."). */
    static final class Step {
        private String name;

        Step(String name) {
            this.name = name;
        }

        void is(String name) {
            this.name = name;
        }
    }

    protected final boolean dryRun;

    UserWorkflow(boolean dryRun) {
        this.dryRun = dryRun;
    }

    final UserOutcome handle(PlannedRow row, RoleCatalog.ResolvedRole role) {
        Step step = new Step("starting");
        try {
            return run(row, role, step);
        } catch (SnykApiException e) {
            return UserOutcome.failure(row.subject(), step.name + " failed", e);
        } catch (TransportException e) {
            String unknown = e.mayHaveApplied() ? "; the request may have reached Snyk before the connection failed: "
                    + "run again or resume to confirm" : "";
            return UserOutcome.failure(row.subject(), step.name + " failed: " + e.getMessage() + unknown, null, "network_error",
                    null, null);
        }
    }

    abstract UserOutcome run(PlannedRow row, RoleCatalog.ResolvedRole role, Step step) throws TransportException, SnykApiException;

    UserOutcome success(OutcomeCategory category, PlannedRow row, ObjectNode result) {
        return UserOutcome.success(category, row.subject(), result, dryRun);
    }

    static ObjectNode json() {
        return SnykJson.MAPPER.createObjectNode();
    }

    /** The result of a role change: from which role to which. */
    static ObjectNode roleChange(String previous, RoleCatalog.ResolvedRole role) {
        return json().put("previous_role", previous).put("role", role.name() != null ? role.name() : role.publicId())
                .put("role_public_id", role.publicId());
    }

    /** What a dry run reports instead of a write: the action it would take. */
    static ObjectNode planned(String action) {
        return json().put("planned", action);
    }
}
