package io.jenkins.plugins.snykprovisioning.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The summary's {@code api_calls} never exceeds its {@code requests}. */
class HttpStatsTest {

    private static final TransportSettings SETTINGS = TransportSettings.defaults().withRateLimitPerMinute(0);

    @Test
    void aCallCutOffBeforeItWasSentIsNotCounted() throws IOException {
        try (ApiTransport transport = new ApiTransport("stats-test-token-1", SETTINGS, null)) {
            transport.cancel();
            assertThatThrownBy(() -> transport.exchange(ApiRequest.get(URI.create("http://127.0.0.1:9/never")), response -> response))
                    .isInstanceOf(CancelledException.class);
            assertThat(transport.stats().requestsSent()).isZero();
            assertThat(transport.stats().calls()).isZero();
        }
    }

    @Test
    void aRetriedCallCountsOnceAndEachAttemptIsARequest() throws IOException {
        AtomicInteger answered = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(answered.incrementAndGet() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        server.start();
        TransportSettings quickRetry = SETTINGS.withRetryPolicy(new RetryPolicy(2, Duration.ofMillis(1),
                Duration.ofMillis(5), Duration.ofMillis(5)));
        try (ApiTransport transport = new ApiTransport("stats-test-token-2", quickRetry, null)) {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/x");
            assertThat(transport.exchange(ApiRequest.get(uri), ApiResponse::status)).isEqualTo(204);
            assertThat(transport.stats().requestsSent()).isEqualTo(2);
            assertThat(transport.stats().calls()).isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }
}
