package io.jenkins.plugins.snykprovisioning.http;

/** Observes HTTP traffic for logs and progress; every text given here is already free of secrets. */
public interface ExchangeListener {

    /** One request was answered ({@code status} 0: no answer, see {@code failure}). */
    default void onExchange(String request, int status, long millis, int attempt, String failure) {
    }

    /** A request will be sent again after {@code delayMillis}. */
    default void onRetry(String request, int attempt, String reason, long delayMillis) {
    }

    ExchangeListener NONE = new ExchangeListener() { };
}
