package io.jenkins.plugins.snykprovisioning.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * What did not conform to Snyk's REST spec: requests the simulator refused for it, and, with
 * {@link SimulatorConfig#setValidateResponses(boolean)}, its own answers. A test that expects a
 * client and the simulator to keep to the contract asserts this is empty. Thread-safe.
 */
public final class ContractViolations {

    private final List<String> entries = new ArrayList<>();

    synchronized void add(String violation) {
        entries.add(violation);
    }

    public synchronized List<String> entries() {
        return List.copyOf(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }
}
