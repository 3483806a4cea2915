package io.jenkins.plugins.snykprovisioning.engine;

import io.jenkins.plugins.snykprovisioning.http.TransportException;
import io.jenkins.plugins.snykprovisioning.snyk.Membership;
import io.jenkins.plugins.snykprovisioning.snyk.OrgRole;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApi;
import io.jenkins.plugins.snykprovisioning.snyk.SnykApiException;
import io.jenkins.plugins.snykprovisioning.snyk.SnykIds;
import io.jenkins.plugins.snykprovisioning.snyk.TokenOwner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Whether a token can do a job, asked of Snyk before anything is written: whose it is (REST {@code /self}),
 * and whether its user holds a role that may write members in each org of the job: Org Admin of the org,
 * or Group Admin of the group (REST memberships filtered by {@code user_id}). Snyk refuses provisioning for
 * service accounts; role updates it allows them (docs/snyk-api-assumptions.md).
 *
 * @param owner whose the token is
 * @param problems why the token cannot do the job: a run with any stops before its first write
 * @param doubts what could not be confirmed either way (a custom role, an org not found); a run goes on,
 *     and stops if Snyk refuses its first writes
 */
public record TokenCheck(TokenOwner owner, List<String> problems, List<String> doubts) {

    private static final String ORG_ADMIN = "org admin";
    private static final Set<String> OTHER_ORG_ROLES = Set.of("org collaborator", "org restricted collaborator");
    private static final String GROUP_ADMIN = "group admin";
    private static final Set<String> OTHER_GROUP_ROLES = Set.of("group member", "group viewer");

    /** What the check learnt of the token's user in the group. */
    private enum GroupStanding { ADMIN, NOT_ADMIN, UNKNOWN, NO_GROUP }

    public TokenCheck {
        problems = List.copyOf(problems);
        doubts = List.copyOf(doubts);
    }

    /** True when nothing was found that keeps the token from doing the job. */
    public boolean fit() {
        return problems.isEmpty();
    }

    /** The problems, and which token to use instead, as one message. */
    public String refusal() {
        return "the token of " + owner.describe() + " cannot do this job: " + String.join("; ", problems)
                + ". Use the personal API token of an Org Admin of each org (or of a Group Admin of their group)"
                + (owner.isServiceAccount() ? ", not a service account's" : "");
    }

    /**
     * Asks Snyk about {@code owner}'s roles. Only a rejected token (401) throws; whatever else keeps a question
     * from being answered (an error, no answer) becomes a doubt, except a 403 on an org, which means the token
     * cannot even read it.
     *
     * @param owner whose the token is, as {@code GET /rest/self} said
     * @param orgs the orgs the job writes to, each a UUID
     * @param groupId their group, or null
     * @param executor where the orgs are checked side by side
     */
    static TokenCheck of(SnykApi api, TokenOwner owner, Mode mode, Collection<String> orgs, String groupId, Executor executor)
            throws SnykApiException {
        List<String> problems = new ArrayList<>();
        List<String> doubts = new ArrayList<>();
        if (owner.isServiceAccount() && mode == Mode.PROVISION) {
            problems.add("it is a service account's, and Snyk refuses provisioning for service accounts");
            return new TokenCheck(owner, problems, doubts);
        }
        if (!SnykIds.isUuid(owner.id())) {
            doubts.add("Snyk did not give the token's user id, so its roles were not checked");
            return new TokenCheck(owner, problems, doubts);
        }
        GroupStanding group = groupId == null ? GroupStanding.NO_GROUP : groupStanding(api, owner, groupId, doubts);
        if (group == GroupStanding.ADMIN) {
            return new TokenCheck(owner, problems, doubts);
        }
        List<CompletableFuture<Finding>> checks = new ArrayList<>();
        for (String org : orgs) {
            checks.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return orgFinding(api, owner, org, groupId, group);
                } catch (SnykApiException rejected) {
                    throw new CompletionException(rejected);
                }
            }, executor));
        }
        for (CompletableFuture<Finding> check : checks) {
            Finding finding = join(check);
            if (finding.problem() != null) {
                problems.add(finding.problem());
            }
            if (finding.doubt() != null) {
                doubts.add(finding.doubt());
            }
        }
        return new TokenCheck(owner, problems, doubts);
    }

    /** What was found about one org: each null when there is none. */
    private record Finding(String problem, String doubt) {
    }

    private static void rethrowRejection(Exception e) throws SnykApiException {
        if (e instanceof SnykApiException refused && refused.status() == 401) {
            throw refused;
        }
    }

    private static GroupStanding groupStanding(SnykApi api, TokenOwner owner, String groupId, List<String> doubts)
            throws SnykApiException {
        Membership membership;
        try {
            membership = api.groupMemberships().findByUserId(groupId, owner.id()).orElse(null);
        } catch (TransportException | SnykApiException e) {
            rethrowRejection(e);
            // Group Admins may read the group's members: a refusal says this user is not one.
            return e instanceof SnykApiException refused && refused.status() == 403 ? GroupStanding.NOT_ADMIN : GroupStanding.UNKNOWN;
        }
        if (membership == null) {
            // Snyk may not list a service account among the members.
            return owner.isServiceAccount() ? GroupStanding.UNKNOWN : GroupStanding.NOT_ADMIN;
        }
        String role = OrgRole.comparableName(String.valueOf(membership.roleName()));
        if (role.equals(GROUP_ADMIN)) {
            return GroupStanding.ADMIN;
        }
        if (OTHER_GROUP_ROLES.contains(role)) {
            return GroupStanding.NOT_ADMIN;
        }
        doubts.add("its user holds the group role '" + membership.roleName() + "' in group " + groupId
                + ", which may or may not let it manage the orgs' members");
        return GroupStanding.UNKNOWN;
    }

    private static Finding orgFinding(SnykApi api, TokenOwner owner, String org, String groupId, GroupStanding group)
            throws SnykApiException {
        Membership membership;
        try {
            membership = api.orgMemberships().findByUserId(org, owner.id()).orElse(null);
        } catch (TransportException | SnykApiException e) {
            rethrowRejection(e);
            if (e instanceof SnykApiException refused && refused.status() == 403) {
                return new Finding("it cannot read org " + org + " (" + e.getMessage() + ")", null);
            }
            // A missing org fails its own users with Snyk's answer, as it would without this check.
            return new Finding(null, "the role of its user in org " + org + " could not be read (" + e.getMessage() + ")");
        }
        String notGroupAdmin = group == GroupStanding.NOT_ADMIN ? " nor a Group Admin of group " + groupId
                : group == GroupStanding.NO_GROUP ? " (if it is a Group Admin, give the group id)" : "";
        if (membership == null) {
            if (group == GroupStanding.NOT_ADMIN && !owner.isServiceAccount()) {
                return new Finding("its user is not a member of org " + org + notGroupAdmin, null);
            }
            return new Finding(null, "its user is not listed among the members of org " + org
                    + (owner.isServiceAccount() ? " (Snyk may not list service accounts)" : ""));
        }
        String role = OrgRole.comparableName(String.valueOf(membership.roleName()));
        if (role.equals(ORG_ADMIN)) {
            return new Finding(null, null);
        }
        if (OTHER_ORG_ROLES.contains(role) && group != GroupStanding.UNKNOWN) {
            return new Finding("its user is " + membership.roleName() + " of org " + org + ", not Org Admin" + notGroupAdmin, null);
        }
        return new Finding(null, "its user holds the role '" + membership.roleName() + "' in org " + org
                + ", which may or may not let it manage the org's members");
    }

    private static Finding join(CompletableFuture<Finding> check) throws SnykApiException {
        try {
            return check.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SnykApiException rejected) {
                throw rejected;
            }
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw e;
        }
    }
}
