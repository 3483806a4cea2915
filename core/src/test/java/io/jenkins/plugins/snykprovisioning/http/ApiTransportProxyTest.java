package io.jenkins.plugins.snykprovisioning.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A configured proxy never carries a call to a loopback address, where the API URL may be plain http. */
class ApiTransportProxyTest {

    private static final String TOKEN = "proxy-test-token-5b1f0c7e";

    private FakeProxy proxy;
    private HttpServer target;
    private final List<String> targetAuthorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        proxy = new FakeProxy();
        target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/", exchange -> {
            targetAuthorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
    }

    @AfterEach
    void stop() throws IOException {
        target.stop(0);
        proxy.close();
    }

    private ApiTransport transport() {
        ProxySettings settings = new ProxySettings("127.0.0.1", proxy.port(), null, null, List.of());
        return new ApiTransport(TOKEN, TransportSettings.defaults().withRateLimitPerMinute(0)
                .withRetryPolicy(RetryPolicy.withMaxRetries(0)).withProxy(settings), null);
    }

    @Test
    void aCallToLoopbackGoesDirectlyAndTheProxySeesNothing() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + target.getAddress().getPort() + "/v1/user/me");

        int status;
        try (ApiTransport transport = transport()) {
            status = transport.exchange(ApiRequest.get(uri), ApiResponse::status);
        }

        assertThat(proxy.requests).isEmpty();
        assertThat(status).isEqualTo(200);
        assertThat(targetAuthorizations).containsExactly("token " + TOKEN);
    }

    @Test
    void aCallToAnyOtherHostStillGoesThroughTheProxy() throws Exception {
        int status;
        try (ApiTransport transport = transport()) {
            status = transport.exchange(ApiRequest.get(URI.create("http://snyk-api.invalid/v1/user/me")), ApiResponse::status);
        }

        assertThat(status).as("the fake proxy's answer").isEqualTo(502);
        assertThat(proxy.requests).hasSize(1).first().asString().startsWith("GET http://snyk-api.invalid/v1/user/me ");
    }

    @Test
    void loopbackNamesAndAddressesBypassTheProxyWithoutAnyNoProxyPattern() {
        ProxySettings settings = new ProxySettings("proxy.example.com", 3128, null, null, List.of("*.internal"));

        assertThat(List.of("127.0.0.1", "127.10.0.3", "localhost", "LOCALHOST", "[::1]", "::1", "build.internal"))
                .allMatch(settings::bypasses);
        assertThat(List.of("api.snyk.io", "10.0.0.1", "localhost.example.com", "127.0.0.1.example.com"))
                .noneMatch(settings::bypasses);
    }

    /** Answers every request with 502 and remembers its request line and headers. */
    private static final class FakeProxy implements AutoCloseable {
        final List<String> requests = new CopyOnWriteArrayList<>();
        private final ServerSocket socket;

        FakeProxy() throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::serve, "fake-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    requests.add(head(connection.getInputStream()));
                    OutputStream out = connection.getOutputStream();
                    out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closed) {
                    // The test is over.
                }
            }
        }

        private static String head(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            int b;
            while (matched < end.length && (b = in.read()) >= 0) {
                head.write(b);
                matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
