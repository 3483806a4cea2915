package io.jenkins.plugins.snykprovisioning.simulator;

import io.jenkins.plugins.snykprovisioning.simulator.model.ApiToken;
import java.util.Map;

/** An authenticated request routed to a handler, with the values of its path's {@code {name}} parts. */
record RoutedRequest(ApiCall call, ApiToken token, Map<String, String> pathParams) {

    String param(String name) {
        return pathParams.get(name);
    }

    /** The decoded query parameter, null when absent. */
    String query(String name) {
        return call.query().get(name);
    }

    String body() {
        return call.body();
    }
}
