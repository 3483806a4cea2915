package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedCopyTest {

    private static final int LIMIT = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aStreamLongerThanTheLimitStopsTheCopyAndLeavesNoFile() {
        OversizedStream agent = new OversizedStream();
        Path target = dir.resolve("resumed-from-results.json");

        assertThatThrownBy(() -> BoundedCopy.copy(agent, target, LIMIT, "results.json"))
                .isInstanceOf(ProvisioningException.class)
                .hasMessage("results.json holds more than 1000000 bytes, the limit, and was not used (did it grow while it was copied?)");
        assertThat(target).doesNotExist();
        assertThat(agent.sent).as("bytes taken from the stream").isEqualTo(LIMIT + 1);
    }

    @Test
    void aStreamOfExactlyTheLimitIsCopiedWhole() throws Exception {
        byte[] content = new byte[LIMIT];
        Arrays.fill(content, (byte) 'a');
        Path target = Files.writeString(dir.resolve("old.json"), "an earlier copy");

        BoundedCopy.copy(new ByteArrayInputStream(content), target, LIMIT, "results.json");

        assertThat(Files.readAllBytes(target)).isEqualTo(content);
    }

    /** What a hostile agent, or a file that grew after its size was checked, may send: ten times the limit. */
    private static final class OversizedStream extends InputStream {
        static final long SIZE = 10L * LIMIT;
        long sent;

        @Override
        public int read() {
            return read(new byte[1], 0, 1) < 0 ? -1 : 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int count = (int) Math.min(length, SIZE - sent);
            if (count <= 0) {
                return -1;
            }
            Arrays.fill(buffer, offset, offset + count, (byte) 'x');
            sent += count;
            return count;
        }
    }
}
