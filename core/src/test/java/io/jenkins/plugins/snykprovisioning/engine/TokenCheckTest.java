package io.jenkins.plugins.snykprovisioning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.snykprovisioning.simulator.model.ApiToken;
import io.jenkins.plugins.snykprovisioning.simulator.model.Role;
import io.jenkins.plugins.snykprovisioning.simulator.model.TokenType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A token that cannot do the job is refused before the first write, over the simulator: a service account's
 * for provisioning, a collaborator's for anything. Nothing is written, which the simulator's request log shows.
 */
class TokenCheckTest {

    private static final String NEW_USERS = "email,role\nnew1@acme.test,Developer\nnew2@acme.test,Developer\n";

    @RegisterExtension
    final SimulatedSnyk snyk = new SimulatedSnyk();
    /** alice, an Org Collaborator of ORG, not allowed to provision. */
    final String viewerToken = "viewer-token-7d1c";
    /** bob, who holds the custom role "Developer" in ORG. */
    final String developerToken = "developer-token-2e9a";

    @BeforeEach
    void start() {
        snyk.state().addToken(new ApiToken(viewerToken, "alice", SimulatedSnyk.ALICE_ID, TokenType.PERSONAL, false));
        snyk.state().addToken(new ApiToken(developerToken, "bob", SimulatedSnyk.BOB_ID, TokenType.PERSONAL, true));
    }

    private long membershipLookups(String path) {
        return snyk.simulator.requests().matching("GET", path).stream()
                .filter(request -> request.query() != null && request.query().contains("user_id=")).count();
    }

    @Test
    void aServiceAccountTokenIsRefusedForProvisioningBeforeAnyWrite() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute(NEW_USERS, run -> run.apiToken = snyk.serviceToken);

        assertThat(done.summary().refused()).isTrue();
        assertThat(done.summary().fatalError())
                .contains("it is a service account's, and Snyk refuses provisioning for service accounts")
                .contains("Use the personal API token of an Org Admin of each org (or of a Group Admin of their group), "
                        + "not a service account's")
                .endsWith("nothing was written");
        assertThat(done.summary().notProcessed()).isEqualTo(2);
        assertThat(done.size("failed")).isZero();
        assertThat(snyk.writes()).isEmpty();
        assertThat(snyk.simulator.requests().count("GET", "/rest/self")).isEqualTo(1);
    }

    @Test
    void aCollaboratorsTokenIsRefusedNamingTheOrgAndTheRoleNeeded() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute(NEW_USERS, run -> run.apiToken = viewerToken);

        assertThat(done.summary().refused()).isTrue();
        assertThat(done.summary().fatalError()).contains("cannot do this job: ")
                .contains("is Org Collaborator of org " + SimulatedSnyk.ORG + ", not Org Admin nor a Group Admin of group "
                        + SimulatedSnyk.GROUP);
        assertThat(snyk.writes()).isEmpty();
        assertThat(membershipLookups("/rest/groups/" + SimulatedSnyk.GROUP + "/memberships")).isEqualTo(1);
        assertThat(membershipLookups("/rest/orgs/" + SimulatedSnyk.ORG + "/memberships")).isEqualTo(1);
    }

    @Test
    void roleUpdatesNeedAnAdminToo() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute("email,role\nbob@acme.test,Org Collaborator\n", run -> {
            run.apiToken = viewerToken;
            run.mode = Mode.UPDATE_ROLES;
        });
        assertThat(done.summary().refused()).isTrue();
        assertThat(snyk.writes()).isEmpty();
        assertThat(snyk.roleOf(SimulatedSnyk.ORG, "bob@acme.test")).isEqualTo("Developer");
    }

    @Test
    void aServiceAccountThatIsOrgAdminMayUpdateRoles() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute("email,role\nalice@acme.test,Developer\n", run -> {
            run.apiToken = snyk.serviceToken;
            run.mode = Mode.UPDATE_ROLES;
        });
        assertThat(done.summary().refused()).isFalse();
        assertThat(done.categoryOf("alice@acme.test")).isEqualTo("role_updated");
        assertThat(snyk.roleOf(SimulatedSnyk.ORG, "alice@acme.test")).isEqualTo("Developer");
    }

    @Test
    void anOrgTheTokenCannotReadIsAProblem() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute("email,role,org_id\nbob@acme.test,Developer," + SimulatedSnyk.OTHER_ORG + "\n",
                run -> {
                    run.apiToken = snyk.serviceToken;
                    run.mode = Mode.UPDATE_ROLES;
                });
        assertThat(done.summary().refused()).isTrue();
        assertThat(done.summary().fatalError()).contains("it cannot read org " + SimulatedSnyk.OTHER_ORG + " (HTTP 403");
        assertThat(snyk.writes()).isEmpty();
    }

    @Test
    void withoutAGroupIdACollaboratorIsRefusedWithAHint() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute("email,role_public_id\nnew@acme.test," + SimulatedSnyk.DEVELOPER + "\n", run -> {
            run.apiToken = viewerToken;
            run.groupId = null;
        });
        assertThat(done.summary().fatalError()).contains("is Org Collaborator of org " + SimulatedSnyk.ORG
                + ", not Org Admin (if it is a Group Admin, give the group id)");
        assertThat(snyk.writes()).isEmpty();
    }

    @Test
    void aDryRunOnlyWarnsAndStillSaysWhatItWouldDo() throws Exception {
        SimulatedSnyk.Run run = snyk.run(NEW_USERS);
        run.apiToken = viewerToken;
        run.dryRun = true;
        SimulatedSnyk.Finished done = run.execute();

        assertThat(done.summary().refused()).isFalse();
        assertThat(done.summary().complete()).isTrue();
        assertThat(done.size("provisioned")).isEqualTo(2);
        assertThat(run.notices).anyMatch(notice -> notice.startsWith("WARNING: the token of ")
                && notice.contains("is Org Collaborator of org") && notice.endsWith("A real run would stop here, before its first write"));
        assertThat(snyk.writes()).isEmpty();
    }

    @Test
    void aGroupAdminNeedsNoLookupPerOrg() throws Exception {
        SimulatedSnyk.Finished done = snyk.execute("email,role,org_id\nnew@acme.test,Developer,\nnew@acme.test,Developer,"
                + SimulatedSnyk.OTHER_ORG + "\n", run -> { });
        assertThat(done.summary().failed()).isZero();
        assertThat(membershipLookups("/rest/groups/" + SimulatedSnyk.GROUP + "/memberships")).isEqualTo(1);
        assertThat(membershipLookups("/rest/orgs/")).isZero();
    }

    @Test
    void anOrgAdminWhoIsNoGroupAdminIsCheckedInEachOrg() throws Exception {
        String orgAdmin = "org-admin-token-5f2b";
        snyk.state().addUser(SimulatedSnyk.userId("orgadmin"), "orgadmin@acme.test", "Org Admin", "orgadmin", true);
        snyk.state().addOrgMember(SimulatedSnyk.ORG, SimulatedSnyk.userId("orgadmin"), snyk.roleId(Role.ORG_ADMIN));
        snyk.state().addToken(new ApiToken(orgAdmin, "orgadmin", SimulatedSnyk.userId("orgadmin"), TokenType.PERSONAL, true));

        SimulatedSnyk.Finished fine = snyk.execute("email,role\nnew@acme.test,Developer\n", run -> run.apiToken = orgAdmin);
        assertThat(fine.categoryOf("new@acme.test")).isEqualTo("provisioned");

        SimulatedSnyk.Finished refused = snyk.execute("email,role,org_id\nother@acme.test,Developer," + SimulatedSnyk.OTHER_ORG
                + "\n", run -> run.apiToken = orgAdmin);
        assertThat(refused.summary().fatalError()).contains("cannot read org " + SimulatedSnyk.OTHER_ORG);
        assertThat(snyk.pending(SimulatedSnyk.OTHER_ORG, "other@acme.test")).isFalse();
    }

    @Test
    void aCustomRoleIsADoubtNotARefusal() throws Exception {
        SimulatedSnyk.Run run = snyk.run("email,role\nnew@acme.test,Developer\n");
        run.apiToken = developerToken;
        run.dryRun = true;
        SimulatedSnyk.Finished done = run.execute();
        assertThat(done.summary().refused()).isFalse();
        assertThat(run.notices).anyMatch(notice -> notice.startsWith("not confirmed that the token may do this job: ")
                && notice.contains("holds the role 'Developer' in org " + SimulatedSnyk.ORG));
    }

    @Test
    void testConnectionReportsTheSameProblemsForTheOrgAndModeGiven() throws Exception {
        Provisioning.Builder viewer = Provisioning.builder().apiUrl(snyk.simulator.baseUrl()).token(viewerToken)
                .defaultOrgId(SimulatedSnyk.ORG).groupId(SimulatedSnyk.GROUP);
        TokenCheck check = viewer.checkConnection();
        assertThat(check.owner().email()).isEqualTo("alice@acme.test");
        assertThat(check.fit()).isFalse();
        assertThat(check.refusal()).contains("is Org Collaborator of org " + SimulatedSnyk.ORG);

        Provisioning.Builder service = Provisioning.builder().apiUrl(snyk.simulator.baseUrl()).token(snyk.serviceToken)
                .defaultOrgId(SimulatedSnyk.ORG);
        assertThat(service.checkConnection().refusal()).contains("service account");
        assertThat(service.mode(Mode.UPDATE_ROLES).checkConnection().fit()).isTrue();

        TokenCheck admin = Provisioning.builder().apiUrl(snyk.simulator.baseUrl()).token(snyk.token).checkConnection();
        assertThat(admin.fit()).isTrue();
        assertThat(admin.doubts()).isEmpty();
        assertThat(snyk.writes()).isEmpty();
    }
}
