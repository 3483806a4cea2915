package io.jenkins.plugins.snykprovisioning.simulator;

import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.ADMIN_TOKEN;
import static io.jenkins.plugins.snykprovisioning.simulator.DemoState.PLATFORM_ORG_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Guards against the two ways a JDK server gets slow: stalled small answers and serialised sleeps. */
class ThroughputTest extends SimulatorTestSupport {

    private static final String MEMBERS = "/v1/org/" + PLATFORM_ORG_ID + "/members";

    /** With Nagle's algorithm on, each answer waits ~40 ms for a delayed ACK: 200 requests would take 8 s. */
    @Test
    void sequentialRequestsOnOneConnectionDoNotStall() {
        sequential(200);

        long started = System.nanoTime();
        sequential(200);

        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3000);
    }

    private void sequential(int count) {
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = i % 2 == 0 ? get(ADMIN_TOKEN, MEMBERS)
                    : provisionAsAdmin(PLATFORM_ORG_ID, "user" + System.nanoTime() + "@example.com",
                            DemoState.DEVELOPER_ROLE_ID);
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    /** 800 requests with 50 ms latency each from 40 clients: about 1 s, or 40 s if sleeps held a shared thread. */
    @Test
    void latencySleepsDoNotSerialiseRequests() throws Exception {
        simulator.config().setLatency(Latency.fixed(50));
        ExecutorService clients = Executors.newFixedThreadPool(40);
        try {
            long started = System.nanoTime();
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 800; i++) {
                statuses.add(clients.submit(() -> get(ADMIN_TOKEN, MEMBERS).statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(8000);
        } finally {
            clients.shutdown();
        }
    }
}
