package io.jenkins.plugins.snykprovisioning.jenkins;

import hudson.FilePath;
import io.jenkins.plugins.snykprovisioning.input.UserSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A build's workspace on the controller or an agent. Files are checked where they live and streamed
 * through {@link FilePath}; the HTTP calls stay in the controller.
 */
final class FilePathWorkspace implements BuildWorkspace {

    private final FilePath workspace;

    FilePathWorkspace(FilePath workspace) {
        this.workspace = workspace;
    }

    @Override
    public UserSource userFile(String relativePath, long maxBytes) throws IOException, InterruptedException {
        workspace.act(WorkspaceFileCheck.forReading(relativePath, maxBytes));
        return new UserSource() {
            @Override
            public String name() {
                return relativePath;
            }

            @Override
            public InputStream open() throws IOException {
                // The engine reads the file twice; it is checked again each time, in case it changed.
                try {
                    workspace.act(WorkspaceFileCheck.forReading(relativePath, maxBytes));
                    return workspace.child(relativePath).read();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException(Messages.FilePathWorkspace_Interrupted(relativePath));
                }
            }
        };
    }

    @Override
    public void copyToController(String relativePath, long maxBytes, Path target) throws IOException, InterruptedException {
        workspace.act(WorkspaceFileCheck.forReading(relativePath, maxBytes));
        try (InputStream in = workspace.child(relativePath).read()) {
            BoundedCopy.copy(in, target, maxBytes, relativePath);
        }
    }

    @Override
    public void copyFromController(Path source, String relativePath) throws IOException, InterruptedException {
        workspace.act(WorkspaceFileCheck.forWriting(relativePath));
        try (OutputStream out = workspace.child(relativePath).write()) {
            Files.copy(source, out);
        }
    }

    @Override
    public void delete(String relativePath) throws IOException, InterruptedException {
        workspace.act(WorkspaceFileCheck.forWriting(relativePath));
        workspace.child(relativePath).delete();
    }
}
