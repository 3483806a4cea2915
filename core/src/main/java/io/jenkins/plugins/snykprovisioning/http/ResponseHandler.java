package io.jenkins.plugins.snykprovisioning.http;

/** Turns an answer into a value; runs inside the retry loop so a garbled read is asked again. */
@FunctionalInterface
public interface ResponseHandler<T> {

    T handle(ApiResponse response) throws MalformedResponseException;
}
