package io.jenkins.plugins.snykprovisioning.simulator;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;

/**
 * One API request as the simulator saw it. {@code sequence} counts completed requests from 1;
 * {@code timestamp} is the arrival time. {@code tokenLabel} names the token (null when the request
 * had no known token); the token value is never recorded. {@code status} is the answer's status;
 * with {@link Fault#CONNECTION_RESET} it is the status that was produced but never sent.
 * {@code durationMillis} runs from arrival until the answer was ready to send. An entry is recorded
 * before the answer is sent, so a client that has its answer finds its request in the log.
 */
public record LoggedRequest(long sequence, @JsonSerialize(using = ToStringSerializer.class) Instant timestamp,
        String method, String path, String query, String tokenLabel, String requestBody, int status, Fault fault,
        long durationMillis) {

    /** Anything but GET. */
    @JsonIgnore
    public boolean isWrite() {
        return !"GET".equals(method);
    }
}
