package io.jenkins.plugins.snykprovisioning.jenkins;

import io.jenkins.plugins.snykprovisioning.input.UserSource;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The build's workspace, wherever it lives, as the run needs it. Paths are relative to the workspace;
 * each is checked to stay inside it (symbolic links resolved where the file lives) before it is used.
 */
interface BuildWorkspace {

    /** A user file of at most {@code maxBytes}, checked now and again each time it is opened. */
    UserSource userFile(String relativePath, long maxBytes) throws IOException, InterruptedException;

    /**
     * Copies a workspace file of at most {@code maxBytes} to {@code target} on the controller: checked where it
     * lives, and the copy stops at the limit whatever arrives.
     */
    void copyToController(String relativePath, long maxBytes, Path target) throws IOException, InterruptedException;

    /** Writes {@code source}, a file on the controller, to the workspace (folders are created). */
    void copyFromController(Path source, String relativePath) throws IOException, InterruptedException;

    /** Removes the file at {@code relativePath}, checked like a file to write, when there is one. */
    void delete(String relativePath) throws IOException, InterruptedException;
}
