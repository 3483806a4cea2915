package io.jenkins.plugins.snykprovisioning.simulator;

/** A fault the simulator injected into one request, as the request log records it. */
public enum Fault {
    /** A 500/503 JSON error or a 502/504 proxy page; the request was not applied. */
    SERVER_ERROR,
    /** One of a burst of consecutive 429s for the token; the request was not applied. */
    RATE_LIMIT_BURST,
    /** The request was applied, then the connection closed without an answer. */
    CONNECTION_RESET,
    /** The request was applied and its answer held back for the configured slow-response time. */
    SLOW_RESPONSE,
    /** The request was applied; its body was cut in half, so it is not valid JSON. */
    MALFORMED_BODY
}
