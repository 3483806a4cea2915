package io.jenkins.plugins.snykprovisioning.benchmark;

import io.jenkins.plugins.snykprovisioning.results.OutcomeCategory;
import io.jenkins.plugins.snykprovisioning.results.ProvisioningSummary;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorState;
import io.jenkins.plugins.snykprovisioning.simulator.StateBuilder;
import io.jenkins.plugins.snykprovisioning.simulator.model.PendingProvision;
import io.jenkins.plugins.snykprovisioning.simulator.model.Role;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * The simulated Snyk tenant of one run and its user file: a group with SSO, the org users are
 * onboarded to, a second org whose members are the existing platform users, and an Org Admin
 * whose personal token may provision. Every user in the file should end with the role
 * {@link #WANTED_ROLE_NAME} in the org; {@link #verify} checks that they did.
 *
 * <p>New users are not in the simulator at all, as people who never logged in are unknown to Snyk.
 */
final class Tenant {

    static final String GROUP_ID = "b0000000-0000-4000-8000-000000000001";
    static final String ORG_ID = "b0000000-0000-4000-8000-000000000002";
    static final String OTHER_ORG_ID = "b0000000-0000-4000-8000-000000000003";
    static final String WANTED_ROLE_NAME = Role.ORG_COLLABORATOR;
    static final String WANTED_ROLE_ID = SimulatorState.defaultRoleId(GROUP_ID, WANTED_ROLE_NAME);

    private static final String NEW_EMAILS = "new%06d@bench.test";
    private static final String EXISTING_EMAILS = "existing%06d@bench.test";
    private static final String MEMBER_EMAILS = "member%06d@bench.test";
    private static final String ADMIN_ID = "b0000000-0000-4000-8000-00000000000a";
    /** The same order every time, so runs are comparable. */
    private static final long SHUFFLE_SEED = 5;

    private final int newUsers;
    private final int existingUsers;
    private final int wrongRoleMembers;
    /** A token of its own per run: the engine keeps one rate limiter per token for the whole JVM. Never printed. */
    private final String token = "bench-" + UUID.randomUUID();

    Tenant(int users, Mix mix) {
        this.newUsers = mix.newUsers(users);
        this.existingUsers = mix.existing(users);
        this.wrongRoleMembers = mix.wrongRole(users);
    }

    int users() {
        return newUsers + existingUsers + wrongRoleMembers;
    }

    String token() {
        return token;
    }

    /** A fresh state: existing users are members of the other org, wrong-role members hold a restricted role. */
    SimulatorState state() {
        StateBuilder builder = SimulatorState.builder()
                .group(GROUP_ID, "Benchmark", true)
                .org(ORG_ID, "onboarding", GROUP_ID)
                .org(OTHER_ORG_ID, "elsewhere", GROUP_ID)
                .user(ADMIN_ID, "admin@bench.test")
                .orgMember(ORG_ID, ADMIN_ID, Role.ORG_ADMIN)
                .personalToken(token, "bench-admin", ADMIN_ID, true)
                .users(EXISTING_EMAILS, existingUsers, true)
                .users(MEMBER_EMAILS, wrongRoleMembers, true);
        for (int i = 1; i <= existingUsers; i++) {
            builder.orgMember(OTHER_ORG_ID, userId(EXISTING_EMAILS, i), Role.ORG_COLLABORATOR);
        }
        for (int i = 1; i <= wrongRoleMembers; i++) {
            builder.orgMember(ORG_ID, userId(MEMBER_EMAILS, i), Role.ORG_RESTRICTED_COLLABORATOR);
        }
        return builder.build();
    }

    /** {@code email,role_public_id}, the kinds of users shuffled together. */
    void writeCsv(Path file) throws IOException {
        int[] kinds = new int[users()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = i < newUsers ? 0 : i < newUsers + existingUsers ? 1 : 2;
        }
        Random random = new Random(SHUFFLE_SEED);
        for (int i = kinds.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swapped = kinds[i];
            kinds[i] = kinds[j];
            kinds[j] = swapped;
        }
        int[] next = new int[3];
        String[] patterns = {NEW_EMAILS, EXISTING_EMAILS, MEMBER_EMAILS};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("email,role_public_id\n");
            for (int kind : kinds) {
                out.write(String.format(patterns[kind], ++next[kind]));
                out.write(',');
                out.write(WANTED_ROLE_ID);
                out.write('\n');
            }
        }
    }

    /**
     * What is wrong after the run, empty when nothing is: every new user pending in the org with
     * the wanted role, everyone else a member with it, each outcome as expected and none failed.
     */
    List<String> verify(SimulatorState state, ProvisioningSummary summary) {
        List<String> problems = new ArrayList<>();
        if (!summary.complete()) {
            problems.add("the run did not complete" + (summary.fatalError() == null ? "" : ": " + summary.fatalError()));
        }
        expectCount(problems, summary, OutcomeCategory.PROVISIONED, newUsers);
        expectCount(problems, summary, OutcomeCategory.ORG_MEMBERSHIPS, existingUsers);
        expectCount(problems, summary, OutcomeCategory.ROLE_UPDATED, wrongRoleMembers);
        expectCount(problems, summary, OutcomeCategory.FAILED, 0);
        Map<String, String> pendingRoles = new HashMap<>();
        for (PendingProvision pending : state.pendingProvisions(ORG_ID)) {
            pendingRoles.put(pending.email(), pending.rolePublicId());
        }
        long wrongPending = 0;
        for (int i = 1; i <= newUsers; i++) {
            if (!WANTED_ROLE_ID.equals(pendingRoles.get(String.format(NEW_EMAILS, i)))) {
                wrongPending++;
            }
        }
        if (wrongPending > 0) {
            problems.add(wrongPending + " new user(s) not pending in the org with the wanted role");
        }
        long wrongMembers = wrongMembers(state, EXISTING_EMAILS, existingUsers) + wrongMembers(state, MEMBER_EMAILS, wrongRoleMembers);
        if (wrongMembers > 0) {
            problems.add(wrongMembers + " existing user(s) not members of the org with the wanted role");
        }
        return problems;
    }

    private static void expectCount(List<String> problems, ProvisioningSummary summary, OutcomeCategory category, long expected) {
        long actual = summary.count(category);
        if (actual != expected) {
            problems.add(category.key() + ": " + actual + " user(s), expected " + expected);
        }
    }

    private static long wrongMembers(SimulatorState state, String pattern, int count) {
        long wrong = 0;
        for (int i = 1; i <= count; i++) {
            Optional<Role> role = state.memberRole(ORG_ID, userId(pattern, i));
            if (role.isEmpty() || !WANTED_ROLE_ID.equals(role.get().publicId())) {
                wrong++;
            }
        }
        return wrong;
    }

    private static String userId(String pattern, int i) {
        return StateBuilder.bulkUserId(String.format(pattern, i));
    }
}
