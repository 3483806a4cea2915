package io.jenkins.plugins.snykprovisioning.simulator;

import io.jenkins.plugins.snykprovisioning.simulator.model.ApiToken;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps method and path patterns such as {@code /v1/org/{orgId}/provision} to handlers. */
final class Router {

    @FunctionalInterface
    interface Handler {
        Reply handle(RoutedRequest request);
    }

    private record Route(String method, String[] segments, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    void add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, segments(pattern), handler));
    }

    /** Runs the matching handler; 404 for an unknown path, 405 for a known path with another method. */
    Reply dispatch(ApiCall call, ApiToken token) {
        String[] segments = segments(call.path());
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = match(route.segments(), segments);
            if (params != null) {
                pathKnown = true;
                if (route.method().equals(call.method())) {
                    return route.handler().handle(new RoutedRequest(call, token, params));
                }
            }
        }
        if (pathKnown) {
            throw new ApiError(405, "Method " + call.method() + " is not allowed on " + call.path());
        }
        throw ApiError.notFound("No endpoint " + call.path());
    }

    private static Map<String, String> match(String[] pattern, String[] actual) {
        if (pattern.length != actual.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].startsWith("{")) {
                params.put(pattern[i].substring(1, pattern[i].length() - 1), actual[i]);
            } else if (!pattern[i].equals(actual[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] segments(String path) {
        return path.replaceAll("^/+|/+$", "").split("/+");
    }
}
