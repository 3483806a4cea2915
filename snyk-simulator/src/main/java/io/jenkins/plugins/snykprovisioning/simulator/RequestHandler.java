package io.jenkins.plugins.snykprovisioning.simulator;

import static io.jenkins.plugins.snykprovisioning.simulator.Throttling.roll;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.jenkins.plugins.snykprovisioning.simulator.model.ApiToken;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The path of every request: admin calls go straight to {@link AdminApi}; API calls get the
 * latency, then authentication, bursts, the rate limit and server errors (none of which apply
 * the request), then the handler, then the faults that apply after handling (connection reset,
 * slow answer, malformed body), an entry in the request log and the answer.
 */
final class RequestHandler implements HttpHandler {

    private static final int[] SERVER_ERROR_STATUSES = {500, 502, 503, 504};
    private static final List<Fault> BEFORE_HANDLING = List.of(Fault.RATE_LIMIT_BURST, Fault.SERVER_ERROR);
    private static final List<Fault> AFTER_HANDLING = List.of(Fault.CONNECTION_RESET, Fault.SLOW_RESPONSE, Fault.MALFORMED_BODY);

    /** How far a request got before its answer was decided. */
    private record Outcome(ApiResponse response, Fault fault, String tokenLabel, boolean handled) {
    }

    private final SimulatorState state;
    private final SimulatorConfig config;
    private final RequestLog requestLog;
    private final Throttling throttling;
    private final Router router = new Router();
    private final AdminApi admin;

    RequestHandler(SimulatorState state, SimulatorConfig config, RequestLog requestLog, Supplier<String> baseUrl) {
        this.state = state;
        this.config = config;
        this.requestLog = requestLog;
        this.throttling = new Throttling(config);
        this.admin = new AdminApi(state, config, requestLog);
        new V1Api(state, config, throttling).register(router);
        new RestApi(state, config, baseUrl).register(router);
    }

    @Override
    public void handle(HttpExchange exchange) {
        Instant arrived = Instant.now();
        long started = System.nanoTime();
        // Closing the exchange before an answer was sent drops the connection: the reset fault.
        try (exchange) {
            ApiCall call = ApiCall.read(exchange);
            if (AdminApi.owns(call.path())) {
                send(exchange, admin.handle(call));
                return;
            }
            Outcome outcome = serve(call);
            ApiResponse response = outcome.response();
            Fault fault = outcome.fault();
            if (outcome.handled()) {
                Fault planned = config.plannedFaults().take(call.method(), call.path(), AFTER_HANDLING);
                if (planned == Fault.CONNECTION_RESET || (planned == null && roll(config.getConnectionResetRate()))) {
                    fault = Fault.CONNECTION_RESET;
                } else if (planned == Fault.SLOW_RESPONSE || (planned == null && roll(config.getSlowRate()))) {
                    fault = Fault.SLOW_RESPONSE;
                } else if (response.hasBody() && (planned == Fault.MALFORMED_BODY || (planned == null && roll(config.getMalformedRate())))) {
                    fault = Fault.MALFORMED_BODY;
                    response = response.truncated();
                }
            }
            if (fault == Fault.SLOW_RESPONSE) {
                Thread.sleep(config.getSlowResponseMillis());
            }
            // Logged before sending, so a client that has its answer finds the request in the log.
            requestLog.record(arrived, call.method(), call.path(), call.rawQuery(), outcome.tokenLabel(), call.body(),
                    response.status(), fault, (System.nanoTime() - started) / 1_000_000);
            if (fault != Fault.CONNECTION_RESET) {
                send(exchange, response);
            }
        } catch (InterruptedException e) {
            // The simulator is stopping.
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (typically after giving up on a slow answer): nothing to answer.
        }
    }

    private Outcome serve(ApiCall call) throws InterruptedException {
        ApiFamily family = ApiFamily.of(call.path());
        Thread.sleep(config.getLatency().sampleMillis());
        ApiToken token = authenticate(call);
        if (token == null) {
            ApiError error = new ApiError(401, "Invalid auth token provided");
            return new Outcome(error(family, error, call), null, null, false);
        }
        Fault planned = config.plannedFaults().take(call.method(), call.path(), BEFORE_HANDLING);
        if (planned == Fault.RATE_LIMIT_BURST || throttling.inBurst(token)) {
            return new Outcome(error(family, throttling.tooManyRequests(0), call), Fault.RATE_LIMIT_BURST,
                    token.label(), false);
        }
        try {
            throttling.checkRateLimit(token);
        } catch (ApiError e) {
            return new Outcome(error(family, e, call), null, token.label(), false);
        }
        if (planned == Fault.SERVER_ERROR || roll(config.getServerErrorRate())) {
            return new Outcome(serverError(family), Fault.SERVER_ERROR, token.label(), false);
        }
        ApiResponse response;
        try {
            if (family == ApiFamily.REST) {
                RestApi.requireVersion(call);
            }
            response = family.finish(router.dispatch(call, token));
        } catch (ApiError e) {
            response = error(family, e, call);
        }
        return new Outcome(response, null, token.label(), true);
    }

    /** The token of {@code Authorization: token <value>} (scheme in any case), null when missing or unknown. */
    private ApiToken authenticate(ApiCall call) {
        String header = call.authorization();
        if (header == null) {
            return null;
        }
        String trimmed = header.trim();
        if (!trimmed.toLowerCase(Locale.ROOT).startsWith("token ")) {
            return null;
        }
        return state.tokenByValue(trimmed.substring("token ".length()).trim());
    }

    /** With {@code echoTokenInErrors}, 4xx texts repeat the Authorization header, as a careless server might. */
    private ApiResponse error(ApiFamily family, ApiError error, ApiCall call) {
        String message = error.getMessage();
        if (config.isEchoTokenInErrors() && error.status() < 500 && call.authorization() != null) {
            message += " (Authorization: " + call.authorization() + ")";
        }
        return family.error(error, message);
    }

    /** 500 and 503 come from Snyk in its JSON shape; 502 and 504 from a proxy, as an HTML page. */
    private static ApiResponse serverError(ApiFamily family) {
        int status = SERVER_ERROR_STATUSES[ThreadLocalRandom.current().nextInt(SERVER_ERROR_STATUSES.length)];
        if (status == 500 || status == 503) {
            String message = status == 500 ? "Internal server error" : "Service temporarily unavailable";
            return family.error(new ApiError(status, message), message);
        }
        String title = status + " " + ApiFamily.reason(status);
        return new ApiResponse(status, "text/html",
                "<html><head><title>" + title + "</title></head><body><center><h1>" + title
                        + "</h1></center><hr><center>nginx</center></body></html>\n",
                Map.of());
    }

    private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        response.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        if (body.length == 0) {
            // -1: no body at all (0 would mean a chunked one).
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
