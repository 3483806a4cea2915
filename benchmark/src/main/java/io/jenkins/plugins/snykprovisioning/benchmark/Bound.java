package io.jenkins.plugins.snykprovisioning.benchmark;

/**
 * The lower bound on a run's wall time: {@code calls} API calls, each taking
 * {@code latencySeconds} and at most {@code concurrency} at once, and at most
 * {@code ratePerMinute} of them a minute (0: no limit), cannot finish sooner than
 * {@code max(calls·L / C, calls / (R/60))}. {@code calls} is N·k, the calls the users needed;
 * retries are not in it, so their cost counts against the client.
 */
record Bound(long users, long calls, double latencySeconds, int concurrency, int ratePerMinute) {

    /** The pause the original script makes after each user. */
    static final double SCRIPT_PAUSE_SECONDS = 0.2;

    Bound {
        if (users < 1 || calls < 0 || latencySeconds < 0 || concurrency < 1 || ratePerMinute < 0) {
            throw new IllegalArgumentException("users and concurrency must be positive, the rest not negative");
        }
    }

    /** Calls per user. */
    double k() {
        return (double) calls / users;
    }

    double latencyBoundSeconds() {
        return calls * latencySeconds / concurrency;
    }

    double rateBoundSeconds() {
        return ratePerMinute == 0 ? 0 : calls / (ratePerMinute / 60.0);
    }

    double seconds() {
        return Math.max(latencyBoundSeconds(), rateBoundSeconds());
    }

    /** The figure of merit, {@code T_measured / T_bound}; NaN when the bound is 0 (no latency, no limit). */
    double ratio(double measuredSeconds) {
        double bound = seconds();
        return bound == 0 ? Double.NaN : measuredSeconds / bound;
    }

    /** The original script: one user at a time, its k calls one after another, then 0.2 s of sleep. */
    double sequentialScriptSeconds() {
        return users * (k() * latencySeconds + SCRIPT_PAUSE_SECONDS);
    }
}
