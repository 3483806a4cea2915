package io.jenkins.plugins.snykprovisioning.jenkins;

import io.jenkins.plugins.snykprovisioning.engine.Mode;
import java.util.Arrays;
import java.util.List;

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
    offboard(Mode.OFFBOARD),
    /** Writes who has access now to a user file; no engine mode, since it reads no users and changes nothing. */
    export(null);

    private final Mode mode;

    JobMode(Mode mode) {
        this.mode = mode;
    }

    /** The engine's mode; null for {@link #export}. */
    Mode mode() {
        return mode;
    }

    /** Sync and offboarding make a plan, and apply it when asked. */
    boolean planned() {
        return mode != null && mode.planned();
    }

    /**
     * The mode saved as {@code id} in a job's configuration, in any spelling the engine accepts
     * ({@code update-roles} too); {@link #provision} when none is saved.
     *
     * @throws IllegalArgumentException naming the modes, for an unknown one
     */
    static JobMode of(String id) {
        if (id != null && id.trim().equalsIgnoreCase(export.name())) {
            return export;
        }
        try {
            return valueOf(Mode.fromId(id).id());
        } catch (IllegalArgumentException e) {
            List<String> names = Arrays.stream(values()).map(mode -> "'" + mode.name() + "'").toList();
            throw new IllegalArgumentException(Messages.JobMode_Unknown(id.trim(),
                    String.join(", ", names.subList(0, names.size() - 1)), names.get(names.size() - 1)), e);
        }
    }
}
