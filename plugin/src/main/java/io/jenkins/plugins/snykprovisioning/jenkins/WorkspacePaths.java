package io.jenkins.plugins.snykprovisioning.jenkins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where a workspace-relative path really leads, checked on the machine that holds the workspace: the
 * path must be relative, without {@code ..}, and must not leave the workspace through a symbolic link.
 */
final class WorkspacePaths {

    private WorkspacePaths() {
    }

    /** The size of the regular file at {@code relativePath}, which must exist and hold at most {@code maxBytes}. */
    static long readableFileSize(Path workspace, String relativePath, long maxBytes) throws IOException {
        Path file = inside(workspace, relativePath);
        if (!Files.exists(file)) {
            throw new ProvisioningException(Messages.WorkspacePaths_NoSuchFile(relativePath));
        }
        if (!Files.isRegularFile(file)) {
            throw new ProvisioningException(Messages.WorkspacePaths_NotAFile(relativePath));
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new ProvisioningException(Messages.WorkspacePaths_TooLarge(relativePath, size, maxBytes));
        }
        return size;
    }

    /**
     * Checks that a file may be written at {@code relativePath}: inside the workspace, and not a folder.
     * Creates the workspace folder when it is missing.
     */
    static void checkWritable(Path workspace, String relativePath) throws IOException {
        // A build that has written nothing yet (a Pipeline given its users inline) may have no workspace folder.
        Files.createDirectories(workspace);
        Path file = inside(workspace, relativePath);
        if (Files.isDirectory(file)) {
            throw new ProvisioningException(Messages.WorkspacePaths_NotAFile(relativePath));
        }
    }

    /**
     * The real location of {@code relativePath}: its own real path when it exists, else its nearest existing
     * folder's real path with the rest appended. Refused when that is outside the workspace's real path.
     */
    static Path inside(Path workspace, String relativePath) throws IOException {
        String problem = FieldSyntax.workspacePathProblem(relativePath);
        if (problem != null) {
            throw new ProvisioningException(problem);
        }
        if (!Files.isDirectory(workspace)) {
            throw new ProvisioningException(Messages.WorkspacePaths_NoSuchFile(relativePath));
        }
        Path root = workspace.toRealPath();
        Path target = root.resolve(relativePath.trim()).normalize();
        Path existing = target;
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        // A link to nowhere would be followed by a write, wherever it points: refused like any other escape.
        if (!Files.exists(existing)) {
            throw new ProvisioningException(Messages.WorkspacePaths_OutsideWorkspace(relativePath));
        }
        Path real = existing.toRealPath().resolve(existing.relativize(target)).normalize();
        if (!real.startsWith(root)) {
            throw new ProvisioningException(Messages.WorkspacePaths_OutsideWorkspace(relativePath));
        }
        return real;
    }
}
