package io.jenkins.plugins.snykprovisioning.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Snyk API simulator on loopback: {@code /v1/...} and {@code /rest/...} as Snyk serves them,
 * from a {@link SimulatorState}, shaped by a {@link SimulatorConfig}, recorded in a
 * {@link RequestLog}, with admin endpoints under {@code /_simulator/}.
 *
 * <pre>{@code
 * try (SnykSimulator simulator = new SnykSimulator(DemoState.create()).start()) {
 *     simulator.config().setRateLimitPerMinute(600).setServerErrorRate(0.05);
 *     // point the client at simulator.baseUrl() with the token DemoState.ADMIN_TOKEN ...
 *     assertThat(simulator.requests().writes()).hasSize(3);
 * }
 * }</pre>
 *
 * <p>{@link #stop()} then {@link #start()} serves the same state on the same port again.
 */
public final class SnykSimulator implements AutoCloseable {

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm the body then
        // waits for the client's delayed ACK (about 40 ms on Linux), capping each connection at 25 requests/s.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final SimulatorState state;
    private final SimulatorConfig config;
    private final RequestLog requestLog = new RequestLog();
    private final ContractViolations contractViolations = new ContractViolations();
    private final RequestHandler handler;
    private HttpServer server;
    private ExecutorService executor;
    private volatile int port;

    public SnykSimulator(SimulatorState state) {
        this(state, new SimulatorConfig());
    }

    public SnykSimulator(SimulatorState state, SimulatorConfig config) {
        this.state = state;
        this.config = config;
        this.handler = new RequestHandler(state, config, requestLog, contractViolations, this::baseUrl);
    }

    /** Starts on the port of the previous run, or an ephemeral port the first time. */
    public synchronized SnykSimulator start() {
        return start(port);
    }

    /** Starts on 127.0.0.1 and {@code requestedPort}; 0 picks a free port. */
    public synchronized SnykSimulator start(int requestedPort) {
        if (server != null) {
            throw new IllegalStateException("The simulator already runs on port " + port);
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", requestedPort), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + requestedPort, e);
        }
        // Unbounded, so latency and slow-answer sleeps never queue other requests.
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "snyk-simulator-" + THREAD_NUMBER.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        port = server.getAddress().getPort();
        return this;
    }

    /** Stops at once: open connections are closed and sleeping requests are abandoned. The state stays. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        server = null;
        executor = null;
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The port of the current or last run, 0 before the first start. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}, under which {@code /v1} and {@code /rest} live. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public SimulatorState state() {
        return state;
    }

    public SimulatorConfig config() {
        return config;
    }

    public RequestLog requests() {
        return requestLog;
    }

    /** REST requests refused for not keeping to Snyk's spec, and answers that did not (when checked). */
    public ContractViolations contractViolations() {
        return contractViolations;
    }
}
