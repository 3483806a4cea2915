package io.jenkins.plugins.snykprovisioning.simulator;

import io.jenkins.plugins.snykprovisioning.simulator.model.Role;

/**
 * The built-in state served when no {@code --state} file is given: one SSO group with two orgs,
 * the default roles plus the custom role "Developer", members with various roles, one pending
 * provision and three tokens. {@link #describe()} prints the ids for people.
 */
public final class DemoState {

    public static final String GROUP_ID = "10000000-0000-4000-8000-000000000001";
    public static final String PLATFORM_ORG_ID = "20000000-0000-4000-8000-000000000001";
    public static final String PAYMENTS_ORG_ID = "20000000-0000-4000-8000-000000000002";

    public static final String ORG_ADMIN_ROLE_ID = SimulatorState.defaultRoleId(GROUP_ID, Role.ORG_ADMIN);
    public static final String ORG_COLLABORATOR_ROLE_ID = SimulatorState.defaultRoleId(GROUP_ID, Role.ORG_COLLABORATOR);
    public static final String ORG_RESTRICTED_COLLABORATOR_ROLE_ID =
            SimulatorState.defaultRoleId(GROUP_ID, Role.ORG_RESTRICTED_COLLABORATOR);
    public static final String DEVELOPER_ROLE_ID = "30000000-0000-4000-8000-000000000001";
    public static final String DEVELOPER_ROLE = "Developer";

    public static final String ADMIN_USER_ID = "40000000-0000-4000-8000-000000000001";
    public static final String SERVICE_ACCOUNT_USER_ID = "40000000-0000-4000-8000-000000000002";
    public static final String ALICE_USER_ID = "40000000-0000-4000-8000-000000000003";
    public static final String BOB_USER_ID = "40000000-0000-4000-8000-000000000004";
    public static final String CAROL_USER_ID = "40000000-0000-4000-8000-000000000005";
    public static final String PENDING_EMAIL = "dave@example.com";

    /** Personal token of the Org Admin, allowed to provision. */
    public static final String ADMIN_TOKEN = "demo-token";
    /** Service-account token: reads work, provisioning is refused. */
    public static final String SERVICE_ACCOUNT_TOKEN = "demo-service-token";
    /** Personal token of Alice, a collaborator without the provision permission. */
    public static final String VIEWER_TOKEN = "demo-viewer-token";

    private DemoState() {
    }

    public static SimulatorState create() {
        return SimulatorState.builder()
                .group(GROUP_ID, "Demo Group", true)
                .customRole(GROUP_ID, DEVELOPER_ROLE_ID, DEVELOPER_ROLE)
                .org(PLATFORM_ORG_ID, "demo-platform", GROUP_ID)
                .org(PAYMENTS_ORG_ID, "demo-payments", GROUP_ID)
                .user(ADMIN_USER_ID, "admin@example.com")
                .user(SERVICE_ACCOUNT_USER_ID, "ci-bot@example.com")
                .user(ALICE_USER_ID, "alice@example.com")
                .user(BOB_USER_ID, "bob@example.com")
                .user(CAROL_USER_ID, "carol@example.com")
                .groupMember(GROUP_ID, ADMIN_USER_ID, "Group Admin")
                .orgMember(PLATFORM_ORG_ID, ADMIN_USER_ID, Role.ORG_ADMIN)
                .orgMember(PAYMENTS_ORG_ID, ADMIN_USER_ID, Role.ORG_ADMIN)
                .orgMember(PLATFORM_ORG_ID, SERVICE_ACCOUNT_USER_ID, Role.ORG_ADMIN)
                .orgMember(PLATFORM_ORG_ID, ALICE_USER_ID, Role.ORG_COLLABORATOR)
                .orgMember(PLATFORM_ORG_ID, BOB_USER_ID, DEVELOPER_ROLE)
                .orgMember(PAYMENTS_ORG_ID, BOB_USER_ID, Role.ORG_COLLABORATOR)
                .orgMember(PAYMENTS_ORG_ID, CAROL_USER_ID, Role.ORG_COLLABORATOR)
                .pendingProvision(PLATFORM_ORG_ID, PENDING_EMAIL, Role.ORG_COLLABORATOR)
                .personalToken(ADMIN_TOKEN, "demo-admin", ADMIN_USER_ID, true)
                .serviceAccountToken(SERVICE_ACCOUNT_TOKEN, "demo-ci-bot", SERVICE_ACCOUNT_USER_ID)
                .personalToken(VIEWER_TOKEN, "demo-alice", ALICE_USER_ID, false)
                .build();
    }

    /** The demo's ids and tokens as text, for {@code --help} and the module README. */
    public static String describe() {
        return String.join(System.lineSeparator(),
                "Demo state (served when no --state is given):",
                "  Group  " + GROUP_ID + "  \"Demo Group\", SSO configured",
                "  Orgs   " + PLATFORM_ORG_ID + "  demo-platform",
                "         " + PAYMENTS_ORG_ID + "  demo-payments",
                "  Roles  " + ORG_ADMIN_ROLE_ID + "  Org Admin",
                "         " + ORG_COLLABORATOR_ROLE_ID + "  Org Collaborator",
                "         " + ORG_RESTRICTED_COLLABORATOR_ROLE_ID + "  Org Restricted Collaborator",
                "         " + DEVELOPER_ROLE_ID + "  Developer (custom)",
                "  Users  " + ADMIN_USER_ID + "  admin@example.com   Group Admin; Org Admin of both orgs",
                "         " + SERVICE_ACCOUNT_USER_ID + "  ci-bot@example.com  service account; Org Admin of demo-platform",
                "         " + ALICE_USER_ID + "  alice@example.com   Org Collaborator of demo-platform",
                "         " + BOB_USER_ID + "  bob@example.com     Developer of demo-platform, Org Collaborator of demo-payments",
                "         " + CAROL_USER_ID + "  carol@example.com   Org Collaborator of demo-payments",
                "  Pending provision  " + PENDING_EMAIL + " to demo-platform as Org Collaborator",
                "  Tokens " + ADMIN_TOKEN + "          personal, admin@example.com, may provision",
                "         " + SERVICE_ACCOUNT_TOKEN + "  service account ci-bot@example.com",
                "         " + VIEWER_TOKEN + "   personal, alice@example.com, may not provision");
    }
}
