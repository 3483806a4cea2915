package io.jenkins.plugins.snykprovisioning.jenkins;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * Checks a workspace path on the machine where the workspace is (see {@link WorkspacePaths}); only the
 * path and a size limit travel, never a credential. Gives the file's size, or -1 for a file to write.
 */
final class WorkspaceFileCheck extends MasterToSlaveFileCallable<Long> {

    private static final long serialVersionUID = 1L;
    private static final long WRITE = -1;

    private final String relativePath;
    private final long maxBytes;

    private WorkspaceFileCheck(String relativePath, long maxBytes) {
        this.relativePath = relativePath;
        this.maxBytes = maxBytes;
    }

    static WorkspaceFileCheck forReading(String relativePath, long maxBytes) {
        return new WorkspaceFileCheck(relativePath, maxBytes);
    }

    static WorkspaceFileCheck forWriting(String relativePath) {
        return new WorkspaceFileCheck(relativePath, WRITE);
    }

    @Override
    public Long invoke(File workspace, VirtualChannel channel) throws IOException {
        if (maxBytes == WRITE) {
            WorkspacePaths.checkWritable(workspace.toPath(), relativePath);
            return WRITE;
        }
        return WorkspacePaths.readableFileSize(workspace.toPath(), relativePath, maxBytes);
    }
}
