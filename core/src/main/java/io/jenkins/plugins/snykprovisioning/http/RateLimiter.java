package io.jenkins.plugins.snykprovisioning.http;

/** Grants permission to send one request; shared by every request made with one token. */
interface RateLimiter {

    /** Blocks until a request may be sent. */
    void acquire() throws InterruptedException;

    RateLimiter UNLIMITED = () -> { };
}
