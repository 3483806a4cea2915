package io.jenkins.plugins.snykprovisioning.jenkins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies a stream into a file on the controller and stops at a limit: the size checked where the file
 * lives is no promise about what arrives (the file may grow meanwhile, an agent may send more).
 */
final class BoundedCopy {

    private BoundedCopy() {
    }

    /** Copies at most {@code maxBytes} of {@code in} to {@code target}; more fails, and leaves no file. */
    static void copy(InputStream in, Path target, long maxBytes, String name) throws IOException {
        boolean complete = false;
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long copied = 0;
            int read;
            // One byte past the limit is asked for, so that a stream of exactly the limit ends cleanly.
            while ((read = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes - copied + 1))) >= 0) {
                copied += read;
                if (copied > maxBytes) {
                    throw new ProvisioningException(Messages.BoundedCopy_TooLarge(name, maxBytes));
                }
                out.write(buffer, 0, read);
            }
            complete = true;
        } finally {
            if (!complete) {
                Files.deleteIfExists(target);
            }
        }
    }
}
