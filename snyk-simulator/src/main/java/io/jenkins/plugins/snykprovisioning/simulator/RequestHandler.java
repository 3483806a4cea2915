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
 * the request), then (REST) the check against Snyk's spec and the version served, then the
 * handler, then the faults that apply after handling (connection reset, slow answer, malformed
 * body), an entry in the request log and the answer.
 */
final class RequestHandler implements HttpHandler {

    private static final int[] SERVER_ERROR_STATUSES = {500, 502, 503, 504};
    private static final List<Fault> BEFORE_HANDLING = List.of(Fault.RATE_LIMIT_BURST, Fault.SERVER_ERROR);
    private static final List<Fault> AFTER_HANDLING = List.of(Fault.CONNECTION_RESET, Fault.SLOW_RESPONSE, Fault.MALFORMED_BODY);

    /** How far a request got before its answer was decided. */
    private record Outcome(Reply response, Fault fault, String tokenLabel, boolean handled) {
    }

    private final SimulatorState state;
    private final SimulatorConfig config;
    private final RequestLog requestLog;
    private final Throttling throttling;
    private final Router router = new Router();
    private final AdminApi admin;
    private final ContractViolations violations;
    private final RestContract contract = RestContract.get();

    RequestHandler(SimulatorState state, SimulatorConfig config, RequestLog requestLog, ContractViolations violations,
            Supplier<String> baseUrl) {
        this.state = state;
        this.config = config;
        this.requestLog = requestLog;
        this.violations = violations;
        this.throttling = new Throttling(config);
        this.admin = new AdminApi(state, config, requestLog, violations);
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
            Reply response = outcome.response();
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
        RestContract.Operation operation = family == ApiFamily.REST
                ? contract.find(call.method(), call.path().substring("/rest".length())) : null;
        Thread.sleep(config.getLatency().sampleMillis());
        ApiToken token = authenticate(call);
        if (token == null) {
            ApiError error = new ApiError(401, "Invalid auth token provided");
            RestContract.ServedVersion served = operation != null && contract.isVersion(call.query().get("version"))
                    ? contract.serve(operation, call.query().get("version")) : null;
            return new Outcome(checked(operation, call, served, error(family, error, call)), null, null, false);
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
        RestContract.ServedVersion served = null;
        Reply response;
        try {
            if (operation != null) {
                served = served(operation, call);
            }
            response = family.finish(router.dispatch(call, token));
        } catch (ApiError e) {
            response = error(family, e, call);
        }
        return new Outcome(checked(operation, call, served, response), null, token.label(), true);
    }

    /**
     * The REST operation's request checked against the spec (unless lenient) and the version of it
     * that serves {@code version}: the newest release on or before it, at its stability or above.
     */
    private RestContract.ServedVersion served(RestContract.Operation operation, ApiCall call) {
        String version = call.query().get("version");
        if (config.isLenient()) {
            return contract.isVersion(version) ? contract.serve(operation, version) : null;
        }
        try {
            contract.checkRequest(operation, call.path().substring("/rest".length()), call);
            RestContract.ServedVersion served = contract.serve(operation, version);
            if (served == null) {
                throw ApiError.badRequest("No version of " + operation.describe() + " was released on or before '" + version
                        + "' at that stability (first GA release: " + RestContract.firstGa(operation) + ")").atParameter("version");
            }
            return served;
        } catch (ApiError e) {
            violations.add("request " + call.method() + " " + call.path() + (call.rawQuery() == null ? "" : "?" + call.rawQuery())
                    + ": " + e.getMessage());
            throw e;
        }
    }

    /**
     * Adds the {@code snyk-version-*} headers to a REST answer and, when asked, records where the
     * answer departs from the spec.
     */
    private Reply checked(RestContract.Operation operation, ApiCall call, RestContract.ServedVersion served,
            Reply response) {
        if (ApiFamily.of(call.path()) != ApiFamily.REST) {
            return response;
        }
        String version = call.query().get("version");
        if (contract.isVersion(version)) {
            response = response.withHeader("snyk-version-requested", version);
        }
        if (served != null) {
            response = response.withHeader("snyk-version-served", served.served())
                    .withHeader("snyk-version-lifecycle-stage", served.lifecycleStage());
        }
        if (config.isValidateResponses() && operation != null) {
            contract.checkResponse(operation, response, served != null).forEach(problem -> violations.add("answer " + problem));
        }
        return response;
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
    private Reply error(ApiFamily family, ApiError error, ApiCall call) {
        String message = error.getMessage();
        if (config.isEchoTokenInErrors() && error.status() < 500 && call.authorization() != null) {
            message += " (Authorization: " + call.authorization() + ")";
        }
        return family.error(error, message);
    }

    /** 500 and 503 come from Snyk in its JSON shape; 502 and 504 from a proxy, as an HTML page. */
    private static Reply serverError(ApiFamily family) {
        int status = SERVER_ERROR_STATUSES[ThreadLocalRandom.current().nextInt(SERVER_ERROR_STATUSES.length)];
        if (status == 500 || status == 503) {
            String message = status == 500 ? "Internal server error" : "Service temporarily unavailable";
            return family.error(new ApiError(status, message), message);
        }
        String title = status + " " + ApiFamily.reason(status);
        return new Reply(status, "text/html",
                "<html><head><title>" + title + "</title></head><body><center><h1>" + title
                        + "</h1></center><hr><center>nginx</center></body></html>\n",
                Map.of());
    }

    private static void send(HttpExchange exchange, Reply response) throws IOException {
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
