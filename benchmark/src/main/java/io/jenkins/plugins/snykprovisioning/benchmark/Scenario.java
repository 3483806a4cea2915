package io.jenkins.plugins.snykprovisioning.benchmark;

import io.jenkins.plugins.snykprovisioning.engine.Provisioning;
import java.util.List;

/**
 * One benchmark run: who the users are, how the simulated API behaves, how the client is set up,
 * and the speed target set for these exact parameters (null when it sets none).
 *
 * @param rateLimitPerMinute the API's limit per token (0: none)
 * @param clientRateLimitPerMinute the engine's own pacing (0: none)
 * @param rateWindowMillis the API limiter's sliding window
 * @param timeParse also time a pass that only parses the file
 */
record Scenario(String name, int users, Mix mix, long latencyMillis, int concurrency, int rateLimitPerMinute,
        int clientRateLimitPerMinute, long rateWindowMillis, Faults faults, Target target, boolean timeParse) {

    Scenario {
        if (users < 1 || latencyMillis < 0 || rateLimitPerMinute < 0 || clientRateLimitPerMinute < 0 || rateWindowMillis < 1) {
            throw new IllegalArgumentException("Users and the rate window must be positive; latency and rate limits not negative");
        }
        // The engine's and the simulator's own checks (concurrency 1 to 50, probabilities...), before anything runs.
        Provisioning.builder().concurrency(concurrency).rateLimitPerMinute(clientRateLimitPerMinute);
        ScenarioRunner.simulatorConfig(latencyMillis, rateLimitPerMinute, rateWindowMillis, faults);
    }

    /**
     * Injected faults, as shares of requests: {@code serverErrorShare} answered 500/502/503/504 at
     * random, {@code burstShare} answered 429 in bursts of {@code burstLength} consecutive requests
     * of the token; {@code retryAfterSeconds} is sent with every 429 (-1: none).
     */
    record Faults(double serverErrorShare, double burstShare, int burstLength, int retryAfterSeconds) {
        static final Faults NONE = new Faults(0, 0, 3, -1);

        Faults {
            if (serverErrorShare < 0 || serverErrorShare > 1 || burstShare < 0 || burstShare >= 1 || burstLength < 1) {
                throw new IllegalArgumentException("Fault shares must be between 0 and 1 and bursts at least one request long");
            }
        }

        /**
         * The simulator's chance that a request outside a burst starts one: a share s of requests in
         * bursts of n needs b with {@code s = b·n / (1 + b·(n-1))}.
         */
        double burstStartRate() {
            return burstShare / (burstLength - burstShare * (burstLength - 1));
        }

        @Override
        public String toString() {
            if (serverErrorShare == 0 && burstShare == 0) {
                return "none";
            }
            return pct(serverErrorShare) + " 5xx, " + pct(burstShare) + " 429 in bursts of " + burstLength
                    + (retryAfterSeconds < 0 ? ", no Retry-After" : ", Retry-After " + retryAfterSeconds + " s");
        }

        private static String pct(double share) {
            return Math.round(share * 1000) / 10.0 + "%";
        }
    }

    /** The target for this run: the ratio at most, and the share of requests answered 429 at most. */
    record Target(double maxRatio, double max429Share) {
        @Override
        public String toString() {
            return "<=" + String.format("%.2f", maxRatio) + (max429Share < 1 ? ", 429s <=" + Math.round(max429Share * 100) + "%" : "");
        }
    }

    static final int STANDARD_USERS = 2_000;
    static final int FILE_ROWS = 100_000;
    static final int SNYK_CONCURRENCY = 10;
    /**
     * A short window, so that a run of 20 s meets the limit as a real run of many minutes meets
     * Snyk's: 6,000/min in a 1 s window admits 100 requests in any second.
     */
    static final long SHORT_RATE_WINDOW_MILLIS = 1_000;
    /** 10% of requests 5xx, 2% 429 in bursts of three, without Retry-After (Snyk sends none). */
    static final Faults STANDARD_FAULTS = new Faults(0.10, 0.02, 3, -1);

    static final Scenario LATENCY_BOUND = new Scenario("latency", STANDARD_USERS, Mix.ALL_NEW, 50, SNYK_CONCURRENCY, 0, 0,
            SHORT_RATE_WINDOW_MILLIS, Faults.NONE, new Target(1.10, 1), false);
    static final Scenario RATE_BOUND = new Scenario("rate", STANDARD_USERS, Mix.ALL_NEW, 5, SNYK_CONCURRENCY, 6_000, 6_000,
            SHORT_RATE_WINDOW_MILLIS, Faults.NONE, new Target(1.10, 0.01), false);
    static final Scenario FAULTS = new Scenario("faults", STANDARD_USERS, Mix.STANDARD, 50, SNYK_CONCURRENCY, 0, 0,
            SHORT_RATE_WINDOW_MILLIS, STANDARD_FAULTS, new Target(1.25, 1), false);
    static final Scenario MIX = new Scenario("mix", STANDARD_USERS, Mix.STANDARD, 50, SNYK_CONCURRENCY, 0, 0,
            SHORT_RATE_WINDOW_MILLIS, Faults.NONE, null, false);
    static final Scenario FILE = new Scenario("file", FILE_ROWS, Mix.ALL_NEW, 0, SNYK_CONCURRENCY, 0, 0,
            SHORT_RATE_WINDOW_MILLIS, Faults.NONE, null, true);

    static final List<Scenario> STANDARD = List.of(LATENCY_BOUND, RATE_BOUND, FAULTS, MIX, FILE);

    static Scenario named(String name) {
        for (Scenario scenario : STANDARD) {
            if (scenario.name.equalsIgnoreCase(name.trim())) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("No scenario '" + name + "'; the scenarios are latency, rate, faults, mix and file");
    }

    /** The target applies only to the parameters it was set for. */
    Target applicableTarget() {
        return STANDARD.contains(this) ? target : null;
    }

    Scenario withUsers(int value) {
        return new Scenario(name, value, mix, latencyMillis, concurrency, rateLimitPerMinute, clientRateLimitPerMinute,
                rateWindowMillis, faults, target, timeParse);
    }

    Scenario withMix(Mix value) {
        return new Scenario(name, users, value, latencyMillis, concurrency, rateLimitPerMinute, clientRateLimitPerMinute,
                rateWindowMillis, faults, target, timeParse);
    }

    Scenario withLatencyMillis(long value) {
        return new Scenario(name, users, mix, value, concurrency, rateLimitPerMinute, clientRateLimitPerMinute,
                rateWindowMillis, faults, target, timeParse);
    }

    Scenario withConcurrency(int value) {
        return new Scenario(name, users, mix, latencyMillis, value, rateLimitPerMinute, clientRateLimitPerMinute,
                rateWindowMillis, faults, target, timeParse);
    }

    Scenario withRateLimits(int api, int client) {
        return new Scenario(name, users, mix, latencyMillis, concurrency, api, client, rateWindowMillis, faults, target, timeParse);
    }

    Scenario withRateWindowMillis(long value) {
        return new Scenario(name, users, mix, latencyMillis, concurrency, rateLimitPerMinute, clientRateLimitPerMinute,
                value, faults, target, timeParse);
    }

    Scenario withFaults(Faults value) {
        return new Scenario(name, users, mix, latencyMillis, concurrency, rateLimitPerMinute, clientRateLimitPerMinute,
                rateWindowMillis, value, target, timeParse);
    }
}
