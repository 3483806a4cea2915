package io.jenkins.plugins.snykprovisioning.jenkins;

import io.jenkins.plugins.snykprovisioning.engine.Mode;

/**
 * The modes a job offers, each constant named exactly as scripts write it ({@code mode: 'updateRoles'}): Jenkins
 * binds a Pipeline script's string to the constant of that name (a Declarative Pipeline is checked the same way),
 * the Pipeline Steps Reference lists the names as the allowed values, and the Snippet Generator writes them. So
 * the names are the engine's mode ids, not Java's usual upper case.
 */
public enum JobMode {
    provision(Mode.PROVISION),
    updateRoles(Mode.UPDATE_ROLES),
    sync(Mode.SYNC),
    offboard(Mode.OFFBOARD);

    private final Mode mode;

    JobMode(Mode mode) {
        this.mode = mode;
    }

    /** The engine's mode. */
    Mode mode() {
        return mode;
    }

    /**
     * The mode saved as {@code id} in a job's configuration, in any spelling the engine accepts
     * ({@code update-roles} too); {@link #provision} when none is saved.
     *
     * @throws IllegalArgumentException naming the modes, for an unknown one
     */
    static JobMode of(String id) {
        return valueOf(Mode.fromId(id).id());
    }
}
