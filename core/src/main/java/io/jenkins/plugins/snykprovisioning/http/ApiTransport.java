package io.jenkins.plugins.snykprovisioning.http;

import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends every Snyk API call: the one place for authentication, bounded concurrency, the shared
 * rate limiter, retries and redaction.
 *
 * <p>Concurrency is a semaphore held only while a request is on the wire, so a request waiting
 * out a backoff does not keep others from being sent.
 */
public final class ApiTransport implements Closeable {

    private static final int MAX_BODY_CHARS = 32 * 1024 * 1024;
    private static final String USER_AGENT = "snyk-user-provisioning/1.0";

    private final String authorization;
    private final SecretRedactor redactor;
    private final TransportSettings settings;
    private final RateLimiter rateLimiter;
    private final CloseableHttpClient client;
    private final Semaphore inFlightPermits;
    private final Set<HttpUriRequestBase> inFlight = ConcurrentHashMap.newKeySet();
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final HttpStats stats = new HttpStats();
    private final ExchangeListener listener;

    /** @param listener told of every exchange and retry (for logs and progress) */
    public ApiTransport(String token, TransportSettings settings, ExchangeListener listener) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("No Snyk API token was given");
        }
        this.authorization = "token " + token.trim();
        this.redactor = new SecretRedactor(token.trim());
        this.settings = settings;
        this.rateLimiter = RateLimiters.forToken(token.trim(), settings.rateLimitPerMinute());
        this.inFlightPermits = new Semaphore(settings.concurrency(), true);
        this.client = buildClient(settings);
        this.listener = listener == null ? ExchangeListener.NONE : listener;
    }

    private static CloseableHttpClient buildClient(TransportSettings settings) {
        ConnectionConfig connectionConfig = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(settings.concurrency())
                        .setMaxConnPerRoute(settings.concurrency())
                        .setDefaultConnectionConfig(connectionConfig)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                // Retries happen in this class only; a redirect could carry the token elsewhere.
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent(USER_AGENT);
        ProxySettings proxy = settings.proxy();
        if (proxy != null && proxy.host() != null && !proxy.host().isBlank()) {
            HttpHost proxyHost = new HttpHost(proxy.host(), proxy.port());
            builder.setRoutePlanner(new DefaultRoutePlanner(null) {
                @Override
                protected HttpHost determineProxy(HttpHost target, HttpContext context) {
                    return proxy.bypasses(target.getHostName()) ? null : proxyHost;
                }
            });
            if (proxy.username() != null && !proxy.username().isBlank()) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                char[] password = proxy.password() == null ? new char[0] : proxy.password().toCharArray();
                credentials.setCredentials(new AuthScope(proxyHost), new UsernamePasswordCredentials(proxy.username(), password));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        return builder.build();
    }

    public HttpStats stats() {
        return stats;
    }

    /** No new request starts after this; waits between retries end at once. */
    public void cancel() {
        cancelled.countDown();
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Also cuts requests already on the wire (their effect on Snyk is then unknown). */
    public void abortInFlight() {
        cancel();
        inFlight.forEach(HttpUriRequestBase::cancel);
    }

    /**
     * Sends {@code request} until it gets an answer that is final or retries run out, and hands that
     * answer to {@code handler}. Statuses that are not retried (2xx, most 4xx) go to the handler at once.
     */
    public <T> T exchange(ApiRequest request, ResponseHandler<T> handler) throws TransportException {
        RetryPolicy policy = settings.retryPolicy();
        String described = request.describe();
        int attempt = 0;
        boolean unanswered = false;
        boolean[] onTheWire = new boolean[1];
        while (true) {
            attempt++;
            String problem;
            ApiResponse response = null;
            try {
                response = send(request, attempt, onTheWire);
                if (!RetryPolicy.retryableStatus(response.status())) {
                    return handler.handle(response);
                }
                problem = "HTTP " + response.status();
                if (attempt > policy.maxRetries()) {
                    // Out of retries: the handler turns the last error answer into an outcome.
                    return handler.handle(response);
                }
            } catch (MalformedResponseException e) {
                problem = "unreadable answer (" + e.getMessage() + ")";
                response = null;
                if (!(request.read() || e.safeToRepeat()) || attempt > policy.maxRetries()) {
                    throw failure(request, problem, attempt, unanswered);
                }
            } catch (IOException e) {
                problem = describeFailure(e);
                unanswered |= reachedTheServer(e);
                if (isCancelled()) {
                    throw new CancelledException(described + " was cut off by the interruption: " + problem, !request.read());
                }
                if (!worthRetrying(e) || attempt > policy.maxRetries()) {
                    throw failure(request, problem, attempt, unanswered);
                }
            }
            long delay = policy.delayMillis(attempt, response);
            stats.retry();
            listener.onRetry(described, attempt, problem, delay);
            // A write sent before may have been applied, whatever its answer said.
            waitBeforeRetry(described, delay, !request.read() && onTheWire[0]);
        }
    }

    /** One attempt; {@code onTheWire[0]} is set once the request is handed to the network. */
    private ApiResponse send(ApiRequest request, int attempt, boolean[] onTheWire) throws IOException {
        if (isCancelled()) {
            throw notSent(request, onTheWire[0]);
        }
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), request.uri());
        http.setHeader("Authorization", authorization);
        http.setHeader("Accept", request.rest() ? ApiRequest.JSON_API : "application/json");
        if (request.body() != null) {
            http.setEntity(new StringEntity(request.body(), ContentType.parse(request.contentType()).withCharset(StandardCharsets.UTF_8)));
        }
        try {
            inFlightPermits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notSent(request, onTheWire[0]);
        }
        long started = System.nanoTime();
        try {
            rateLimiter.acquire();
            if (isCancelled()) {
                throw notSent(request, onTheWire[0]);
            }
            inFlight.add(http);
            stats.sent();
            if (attempt == 1) {
                // Counted once sent, so that a call cut off before it left never counts: calls never exceed requests.
                stats.call();
            }
            onTheWire[0] = true;
            ApiResponse response = client.execute(http, answer -> {
                Map<String, String> headers = new HashMap<>();
                for (Header header : answer.getHeaders()) {
                    headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
                }
                String body = answer.getEntity() == null ? ""
                        : EntityUtils.toString(answer.getEntity(), StandardCharsets.UTF_8, MAX_BODY_CHARS);
                return new ApiResponse(answer.getCode(), Map.copyOf(headers), redactor.redact(body), attempt);
            });
            stats.status(response.status());
            listener.onExchange(request.describe(), response.status(), elapsedMillis(started), attempt, null);
            return response;
        } catch (IOException e) {
            stats.transportError();
            listener.onExchange(request.describe(), 0, elapsedMillis(started), attempt, describeFailure(e));
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notSent(request, onTheWire[0]);
        } finally {
            inFlight.remove(http);
            inFlightPermits.release();
        }
    }

    /** This attempt was not sent; an earlier attempt of a write may have been, and applied. */
    private static CancelledException notSent(ApiRequest request, boolean earlierAttemptSent) {
        return new CancelledException(request.describe() + " was not sent: the run was interrupted",
                !request.read() && earlierAttemptSent);
    }

    private void waitBeforeRetry(String described, long delayMillis, boolean writeSent) {
        try {
            if (cancelled.await(delayMillis, TimeUnit.MILLISECONDS)) {
                throw new CancelledException(described + " was not retried: the run was interrupted", writeSent);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException(described + " was not retried: the run was interrupted", writeSent);
        }
    }

    private static TransportException failure(ApiRequest request, String problem, int attempts, boolean unanswered) {
        return new TransportException(request.describe() + ": " + problem + " after " + attempts
                + (attempts == 1 ? " attempt" : " attempts"), attempts, unanswered && !request.read());
    }

    /** False when the connection was never made, so the request cannot have been received. */
    private static boolean reachedTheServer(IOException e) {
        return !(e instanceof ConnectException) && !(e instanceof ConnectTimeoutException) && !(e instanceof UnknownHostException);
    }

    /** Timeouts, resets, refused connections and cut-off bodies may pass; a wrong host or TLS failure will not. */
    private static boolean worthRetrying(IOException e) {
        return !(e instanceof UnknownHostException) && !(e instanceof SSLException);
    }

    private String describeFailure(IOException e) {
        String type = e.getClass().getSimpleName();
        String message = e.getMessage();
        return redactor.redact(message == null || message.isBlank() ? type : type + ": " + message);
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
