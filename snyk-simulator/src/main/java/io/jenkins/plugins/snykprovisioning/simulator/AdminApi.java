package io.jenkins.plugins.snykprovisioning.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.snykprovisioning.simulator.model.StateSnapshot;

/**
 * Unauthenticated endpoints under {@value #PREFIX} for people and acceptance tests looking at a
 * separately started simulator. Never throttled, delayed or faulted, and not in the request log.
 * The state view hides token values; a state sent with PUT must carry them.
 */
final class AdminApi {

    static final String PREFIX = "/_simulator";

    private final SimulatorState state;
    private final SimulatorConfig config;
    private final RequestLog requestLog;
    private final Router router = new Router();

    AdminApi(SimulatorState state, SimulatorConfig config, RequestLog requestLog, ContractViolations violations) {
        this.state = state;
        this.config = config;
        this.requestLog = requestLog;
        router.add("GET", PREFIX + "/state", request -> Reply.json(200, state.snapshot().withRedactedTokens()));
        router.add("PUT", PREFIX + "/state", this::replaceState);
        router.add("GET", PREFIX + "/config", request -> Reply.json(200, config));
        router.add("POST", PREFIX + "/config", this::updateConfig);
        router.add("GET", PREFIX + "/requests", this::requests);
        router.add("DELETE", PREFIX + "/requests", request -> {
            requestLog.clear();
            return Reply.empty(204);
        });
        router.add("POST", PREFIX + "/login", this::firstLogin);
        router.add("GET", PREFIX + "/violations", request -> Reply.json(200, violations.entries()));
    }

    static boolean owns(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    Reply handle(ApiCall call) {
        try {
            return ApiFamily.V1.finish(router.dispatch(call, null));
        } catch (ApiError e) {
            return ApiFamily.V1.error(e, e.getMessage());
        } catch (IllegalArgumentException e) {
            return ApiFamily.V1.error(ApiError.badRequest(e.getMessage()), e.getMessage());
        }
    }

    private Reply replaceState(RoutedRequest request) {
        state.replaceWith(Json.read(request.body(), StateSnapshot.class));
        return Reply.empty(204);
    }

    /** Changes only the properties present in the JSON body and answers the whole configuration. */
    private Reply updateConfig(RoutedRequest request) {
        try {
            Json.MAPPER.readerForUpdating(config).readValue(request.body());
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("Invalid configuration: " + e.getOriginalMessage());
        }
        return Reply.json(200, config);
    }

    private Reply requests(RoutedRequest request) {
        String since = request.query("since");
        try {
            return Reply.json(200, since == null ? requestLog.entries() : requestLog.since(Long.parseLong(since)));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("since must be a sequence number");
        }
    }

    private Reply firstLogin(RoutedRequest request) {
        String email = request.query("email");
        if (email == null || email.isBlank()) {
            throw ApiError.badRequest("The email query parameter is required");
        }
        return Reply.json(200, state.simulateFirstLogin(email));
    }
}
