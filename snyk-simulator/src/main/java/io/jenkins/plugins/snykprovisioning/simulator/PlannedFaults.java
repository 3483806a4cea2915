package io.jenkins.plugins.snykprovisioning.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Faults a test asks for by name: "the next two POSTs under /v1/org/o1/provision get a
 * SERVER_ERROR". Unlike the fault rates they are certain, so a test can expect them exactly.
 */
final class PlannedFaults {

    private static final class Plan {
        final String method;
        final String pathPrefix;
        final Fault fault;
        int remaining;

        Plan(String method, String pathPrefix, Fault fault, int remaining) {
            this.method = method;
            this.pathPrefix = pathPrefix;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final List<Plan> plans = new ArrayList<>();

    synchronized void add(String method, String pathPrefix, Fault fault, int times) {
        if (times > 0) {
            plans.add(new Plan(method, pathPrefix, fault, times));
        }
    }

    synchronized void clear() {
        plans.clear();
    }

    /**
     * Takes one planned fault of the kinds in {@code wanted} that matches the request, or null.
     * Faults before handling and after it are taken at their own moment.
     */
    synchronized Fault take(String method, String path, List<Fault> wanted) {
        for (Iterator<Plan> it = plans.iterator(); it.hasNext(); ) {
            Plan plan = it.next();
            if (wanted.contains(plan.fault) && plan.method.equalsIgnoreCase(method) && path.startsWith(plan.pathPrefix)) {
                if (--plan.remaining == 0) {
                    it.remove();
                }
                return plan.fault;
            }
        }
        return null;
    }
}
