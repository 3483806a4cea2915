package io.jenkins.plugins.snykprovisioning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.snykprovisioning.results.Journal;
import io.jenkins.plugins.snykprovisioning.simulator.Fault;
import io.jenkins.plugins.snykprovisioning.simulator.LoggedRequest;
import io.jenkins.plugins.snykprovisioning.simulator.SimulatorConfig;
import io.jenkins.plugins.snykprovisioning.simulator.model.Role;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A thousand users (700 new, 150 existing users outside the org, 150 members with the wrong
 * role) through each kind of trouble: every row must end in exactly one outcome, no user may be
 * provisioned twice, and the results, journal and failed rows must agree with what the simulator
 * holds at the end.
 */
class FaultSuiteTest {

    static final int NEW_USERS = 700;
    static final int EXISTING = 150;
    static final int WRONG_ROLE = 150;
    static final int USERS = NEW_USERS + EXISTING + WRONG_ROLE;

    @RegisterExtension
    final SimulatedSnyk snyk = new SimulatedSnyk();
    String users;

    @BeforeEach
    void population() {
        StringBuilder file = new StringBuilder("email,role\n");
        for (int i = 0; i < NEW_USERS; i++) {
            file.append("new").append(i).append("@acme.test,Developer\n");
        }
        for (int i = 0; i < EXISTING; i++) {
            snyk.state().addUser(SimulatedSnyk.userId("existing" + i), "existing" + i + "@acme.test", "Existing " + i, "existing" + i, true);
            snyk.state().addOrgMember(SimulatedSnyk.OTHER_ORG, SimulatedSnyk.userId("existing" + i), snyk.roleId(Role.ORG_COLLABORATOR));
            file.append("existing").append(i).append("@acme.test,Developer\n");
        }
        for (int i = 0; i < WRONG_ROLE; i++) {
            snyk.state().addUser(SimulatedSnyk.userId("member" + i), "member" + i + "@acme.test", "Member " + i, "member" + i, true);
            snyk.state().addOrgMember(SimulatedSnyk.ORG, SimulatedSnyk.userId("member" + i), snyk.roleId(Role.ORG_COLLABORATOR));
            file.append("member").append(i).append("@acme.test,Developer\n");
        }
        users = file.toString();
    }

    @Test
    void randomServerErrorsAtTwentyPercent() throws Exception {
        check("5xx at 20%", config -> config.setServerErrorRate(0.20), Fault.SERVER_ERROR);
    }

    @Test
    void rateLimitStormsWithRetryAfter() throws Exception {
        check("429 storms, Retry-After", config -> config.setBurstRate(0.01).setBurstLength(25).setRetryAfterSeconds(1),
                Fault.RATE_LIMIT_BURST);
    }

    @Test
    void rateLimitStormsWithoutHints() throws Exception {
        check("429 storms, no hint", config -> config.setBurstRate(0.01).setBurstLength(25), Fault.RATE_LIMIT_BURST);
    }

    @Test
    void latencySpikesPastTheClientTimeout() throws Exception {
        check("answers past the timeout", config -> config.setSlowRate(0.03).setSlowResponseMillis(1200), Fault.SLOW_RESPONSE);
    }

    @Test
    void connectionResetsMidResponse() throws Exception {
        check("connection resets", config -> config.setConnectionResetRate(0.05), Fault.CONNECTION_RESET);
    }

    @Test
    void malformedBodies() throws Exception {
        check("malformed bodies", config -> config.setMalformedRate(0.05), Fault.MALFORMED_BODY);
    }

    @Test
    void theApiGoesAwayAndComesBackMidRun() throws Exception {
        SimulatedSnyk.Run run = snyk.run(users);
        run.concurrency = 10;
        // A retry budget that outlasts the outage, as the default one (up to 30 s between tries) does.
        run.maxRetries = 8;
        run.retryBase = Duration.ofMillis(200);
        run.retryCap = Duration.ofSeconds(2);
        SimulatedSnyk.Finished done = run.executeAndAfterWrites(300, () -> {
            snyk.simulator.stop();
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            snyk.simulator.start();
        });
        verify("stopped and restarted", run, done, 0);
        assertThat(done.summary().retries()).as("requests refused while the API was away were retried").isPositive();
    }

    private void check(String scenario, Consumer<SimulatorConfig> faults, Fault fault) throws Exception {
        faults.accept(snyk.config());
        SimulatedSnyk.Run run = snyk.run(users);
        run.concurrency = 10;
        run.maxRetries = 8;
        run.responseTimeout = Duration.ofMillis(600);
        SimulatedSnyk.Finished done = run.execute();
        long injected = snyk.simulator.requests().withFault(fault).size();
        assertThat(injected).as("faults injected").isPositive();
        verify(scenario, run, done, injected);
    }

    private void verify(String scenario, SimulatedSnyk.Run run, SimulatedSnyk.Finished done, long injected) throws Exception {
        assertThat(done.summary().complete()).isTrue();
        assertThat(done.summary().totalRows()).isEqualTo(USERS);

        // Exactly one outcome per row.
        Map<String, String> outcomeOf = new HashMap<>();
        for (String category : List.of("provisioned", "already_provisioned", "org_memberships", "already_added", "role_updated",
                "failed", "skipped")) {
            for (JsonNode entry : done.results().get(category)) {
                assertThat(outcomeOf.put(entry.get("email").asText(), category)).as("second outcome for %s", entry.get("email")).isNull();
            }
        }
        assertThat(outcomeOf).hasSize(USERS);

        // Nobody provisioned twice: at most one successful provision call per email, one pending entry.
        Map<String, Integer> provisionedCalls = new HashMap<>();
        for (LoggedRequest request : snyk.simulator.requests().matching("POST", "/v1/org/")) {
            if (request.status() == 200 && request.fault() != Fault.CONNECTION_RESET && request.fault() != Fault.SLOW_RESPONSE) {
                provisionedCalls.merge(request.requestBody(), 1, Integer::sum);
            }
        }
        assertThat(provisionedCalls.values()).allMatch(count -> count == 1);
        Map<String, Integer> pending = new HashMap<>();
        snyk.state().pendingProvisions(SimulatedSnyk.ORG).forEach(p -> pending.merge(p.email(), 1, Integer::sum));
        assertThat(pending.values()).allMatch(count -> count == 1);

        // The record agrees with the simulator's final state.
        List<String> disagreements = new ArrayList<>();
        outcomeOf.forEach((email, category) -> {
            boolean isPending = pending.containsKey(email);
            String role = isPending ? null : snyk.state().findUserByEmail(email)
                    .flatMap(user -> snyk.state().memberRole(SimulatedSnyk.ORG, user.id())).map(Role::name).orElse(null);
            boolean consistent = switch (category) {
                case "provisioned", "already_provisioned" -> isPending;
                case "org_memberships", "role_updated", "skipped", "already_added" -> "Developer".equals(role);
                default -> !isPending && !"Developer".equals(role) || !email.startsWith("new");
            };
            if (!consistent) {
                JsonNode entry = done.entry(category, email);
                disagreements.add(email + " is " + category + " but pending=" + isPending + ", role=" + role
                        + (entry.has("error") ? " (" + entry.get("error").asText() + ")" : ""));
            }
        });
        assertThat(disagreements).isEmpty();

        List<String> journalCategories = new ArrayList<>();
        Journal.read(run.journal(), outcome -> journalCategories.add(outcome.email() + "=" + outcome.category().key()));
        assertThat(journalCategories).hasSize(USERS)
                .containsExactlyInAnyOrderElementsOf(outcomeOf.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        assertThat(Files.readAllLines(run.failedCsv())).hasSize(1 + done.size("failed"));

        System.out.printf("fault suite | %-24s | rows %d | faults injected %d | requests %d | retries %d | 429s %d | failed %d%n",
                scenario, USERS, injected, done.summary().requests(), done.summary().retries(), done.summary().rateLimited(),
                done.size("failed"));
    }
}
