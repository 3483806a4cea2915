package io.jenkins.plugins.snykprovisioning.simulator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.concurrent.ThreadLocalRandom;

/** Added delay per request: fixed ({@code "50"}) or uniformly random in a range ({@code "20-80"}). */
public record Latency(long minMillis, long maxMillis) {

    public static final Latency NONE = new Latency(0, 0);

    public Latency {
        if (minMillis < 0 || maxMillis < minMillis) {
            throw new IllegalArgumentException("Latency must be N or MIN-MAX milliseconds with 0 <= MIN <= MAX");
        }
    }

    public static Latency fixed(long millis) {
        return new Latency(millis, millis);
    }

    @JsonCreator
    public static Latency parse(String text) {
        String[] parts = text.trim().split("\\s*-\\s*", -1);
        try {
            if (parts.length == 1) {
                return fixed(Long.parseLong(parts[0]));
            }
            if (parts.length == 2) {
                return new Latency(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            }
        } catch (NumberFormatException e) {
            // Reported below with the expected format.
        }
        throw new IllegalArgumentException("Latency '" + text + "' must be N or MIN-MAX milliseconds, e.g. 50 or 20-80");
    }

    long sampleMillis() {
        return minMillis == maxMillis ? minMillis : ThreadLocalRandom.current().nextLong(minMillis, maxMillis + 1);
    }

    @JsonValue
    @Override
    public String toString() {
        return minMillis == maxMillis ? Long.toString(minMillis) : minMillis + "-" + maxMillis;
    }
}
