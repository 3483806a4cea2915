package io.jenkins.plugins.snykprovisioning.results;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold users' emails (results, journal, failed rows, logs) are readable and writable by their
 * owner only, where the file system has POSIX permissions, whatever the umask.
 */
public final class OwnerOnlyFiles {

    /** {@code rw-------}. */
    public static final Set<PosixFilePermission> PERMISSIONS = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** Opens {@code path} for writing in UTF-8, created or emptied, owner-only. */
    public static BufferedWriter newWriter(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PERMISSIONS));
            } catch (FileAlreadyExistsException e) {
                Files.setPosixFilePermissions(path, PERMISSIONS);
            }
        }
        return Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }
}
